import { Layout } from '../../web/components/layout.tsx';
import type { PageCtx } from '../../web/page-context.ts';

export function RequestThanksPage({ ctx, query, email }: { ctx: PageCtx; query: string; email: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('lookup.askThanksTitle')} noindex>
      <h1>{t('lookup.askThanksTitle')}</h1>
      <p role="status">{t('lookup.askThanks', { query, email })}</p>
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </Layout>
  );
}
