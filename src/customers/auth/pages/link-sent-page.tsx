import { Layout } from '../../../web/components/layout.tsx';
import type { PageCtx } from '../../../web/page-context.ts';
import { LINK_MINUTES } from '../customer-link.ts';

/**
 * After asking for a link. For the sign-in page this is one answer for every address, known or not ("if this
 * address may sign in…"); after an order it names the order's address, which the visitor already knows.
 */
export function LinkSentPage({
  ctx,
  email,
  kind,
}: {
  ctx: PageCtx;
  email: string;
  kind: 'sign-in' | 'keep';
}) {
  const { t } = ctx;
  const title = kind === 'keep' ? t('keep.sentTitle') : t('signIn.sentTitle');
  const body =
    kind === 'keep'
      ? t('keep.sentBody', { email, minutes: LINK_MINUTES })
      : t('signIn.sentBody', { email, minutes: LINK_MINUTES });
  return (
    <Layout ctx={ctx} title={title} noindex>
      <h1>{title}</h1>
      <p role="status">{body}</p>
      <p>{t('signIn.sentSpam')}</p>
      <p>
        <a href="/account/sign-in">{t('signIn.again')}</a>
      </p>
    </Layout>
  );
}
