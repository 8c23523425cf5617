import { CsrfField } from '../../web/components/csrf-field.tsx';
import { Layout } from '../../web/components/layout.tsx';
import type { PageCtx } from '../../web/page-context.ts';

/** The second step of cancelling: what happens, and one button that does it (a plain form post). */
export function CancelOrderPage({ ctx, number, token }: { ctx: PageCtx; number: string; token: string }) {
  const { t } = ctx;
  const path = `/order/${encodeURIComponent(number)}`;
  return (
    <Layout ctx={ctx} title={t('cancel.title', { number })} noindex>
      <h1>{t('cancel.title', { number })}</h1>
      <p>{t('cancel.explain')}</p>
      <form method="post" action={`${path}/cancel`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="t" value={token} />
        <button type="submit">{t('cancel.confirm')}</button>
      </form>
      <p>
        <a href={`${path}?t=${token}`}>{t('cancel.back')}</a>
      </p>
    </Layout>
  );
}
