import { CsrfField } from '../../../web/components/csrf-field.tsx';
import { Layout } from '../../../web/components/layout.tsx';
import type { PageCtx } from '../../../web/page-context.ts';

export type SignInForm = { email: string; terms: string };

/**
 * E-mail for a magic link (works without JavaScript), an optional, collapsed box for customer terms from another
 * shop, and, where the browser knows passkeys, a passkey button (public/passkeys.js).
 */
export function SignInPage({
  ctx,
  next,
  form,
  error,
  alert,
}: {
  ctx: PageCtx;
  next: string;
  form: SignInForm;
  /** A problem with the e-mail field. */
  error?: string | undefined;
  /** A problem with the whole request (too many links, a used link). */
  alert?: string | undefined;
}) {
  const { t } = ctx;
  const action = `/account/sign-in?next=${encodeURIComponent(next)}`;
  return (
    <Layout ctx={ctx} title={t('signIn.title')} noindex scripts={['passkeys.js']}>
      <h1>{t('signIn.title')}</h1>
      {alert ? (
        <p class="notice error" role="alert">
          {alert}
        </p>
      ) : null}
      <p>{t('signIn.intro')}</p>
      <form method="post" action={action} class="form" novalidate>
        <CsrfField ctx={ctx} />
        <div class="field">
          <label for="email">{t('signIn.email')}</label>
          <input
            id="email"
            name="email"
            type="email"
            value={form.email}
            required
            maxLength={254}
            autoComplete="username webauthn"
            {...(error ? { 'aria-invalid': 'true', 'aria-describedby': 'email-error' } : {})}
          />
          {error ? (
            <p class="error" id="email-error">
              {error}
            </p>
          ) : null}
        </div>
        <details open={form.terms !== ''}>
          <summary>{t('signIn.termsSummary')}</summary>
          <div class="field">
            <label for="terms">{t('signIn.termsLabel')}</label>
            <textarea id="terms" name="terms" rows={6} aria-describedby="terms-hint">
              {form.terms}
            </textarea>
            <p class="hint" id="terms-hint">
              {t('signIn.termsHint')}
            </p>
          </div>
        </details>
        <p>
          <button type="submit">{t('signIn.submit')}</button>
        </p>
      </form>
      <section
        aria-labelledby="passkey-heading"
        data-passkey-sign-in
        data-next={next}
        data-csrf={ctx.csrfToken()}
        hidden
      >
        <h2 id="passkey-heading">{t('signIn.passkeyHeading')}</h2>
        <p class="notice error" role="alert" data-passkey-error hidden>
          {t('signIn.passkeyFailed')}
        </p>
        <button type="button">{t('signIn.passkeyButton')}</button>
      </section>
    </Layout>
  );
}
