import { CsrfField } from '../../web/components/csrf-field.tsx';
import type { PageCtx } from '../../web/page-context.ts';
import { AdminLayout } from './admin-layout.tsx';
import { Notice, TextField } from './fields.tsx';

/** The staff login form; a refused login shows one message for every reason (see log-in.ts). */
export function LoginPage({
  ctx,
  next,
  email,
  error,
  notice,
}: {
  ctx: PageCtx;
  next: string;
  email: string;
  error?: string | undefined;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('login.title')}>
      <h1>{t('login.title')}</h1>
      {error ? <Notice error>{error}</Notice> : null}
      {notice ? <Notice>{notice}</Notice> : null}
      <form method="post" action={`/admin/login?next=${encodeURIComponent(next)}`} class="form">
        <CsrfField ctx={ctx} />
        <TextField
          id="email"
          type="email"
          label={t('account.email')}
          value={email}
          required
          autoComplete="username"
          maxLength={254}
        />
        <TextField
          id="password"
          type="password"
          label={t('account.password')}
          required
          autoComplete="current-password"
          maxLength={256}
        />
        <p>
          <button type="submit">{t('login.submit')}</button>
        </p>
      </form>
    </AdminLayout>
  );
}
