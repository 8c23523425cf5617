import { CsrfField } from '../../../web/components/csrf-field.tsx';
import { Layout } from '../../../web/components/layout.tsx';
import type { PageCtx } from '../../../web/page-context.ts';

/**
 * What a magic link opens: a button, not a sign-in. Mail scanners that fetch every link then cannot use it up;
 * only the person pressing the button (a POST) does.
 */
export function ConfirmLinkPage({ ctx, token }: { ctx: PageCtx; token: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('signIn.confirmTitle')} noindex>
      <h1>{t('signIn.confirmTitle')}</h1>
      <p>{t('signIn.confirmBody')}</p>
      <form method="post" action={`/account/sign-in/${token}`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t('signIn.confirmButton')}</button>
      </form>
    </Layout>
  );
}
