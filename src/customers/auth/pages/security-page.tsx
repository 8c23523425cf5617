import { CsrfField } from '../../../web/components/csrf-field.tsx';
import { Layout } from '../../../web/components/layout.tsx';
import { formatDate } from '../../../web/i18n/format.ts';
import type { PageCtx } from '../../../web/page-context.ts';
import type { PasskeyRow, SessionRow } from '../account-security.ts';
import { MAX_LABEL } from '../passkey-registration.ts';
import { deviceName } from './device-name.ts';

/**
 * Passkeys (add with a label, see, remove) and sessions (where, since when, last seen; end one or all). Adding
 * a passkey needs JavaScript (public/passkeys.js); everything else is a plain form.
 */
export function SecurityPage({
  ctx,
  passkeys,
  sessions,
  notice,
}: {
  ctx: PageCtx;
  passkeys: PasskeyRow[];
  sessions: SessionRow[];
  notice?: string | undefined;
}) {
  const { t, locale } = ctx;
  const when = (iso: string) => formatDate(iso, locale, ctx.timeZone, true);
  return (
    <Layout ctx={ctx} title={t('security.title')} noindex scripts={['passkeys.js']}>
      <p>
        <a href="/account">{t('account.title')}</a>
      </p>
      <h1>{t('security.title')}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}

      <section aria-labelledby="passkeys">
        <h2 id="passkeys">{t('security.passkeys')}</h2>
        <p>{t('security.passkeysIntro')}</p>
        {passkeys.length === 0 ? <p>{t('security.noPasskeys')}</p> : null}
        <ul>
          {passkeys.map((p) => (
            <li key={p.id}>
              <strong>{p.label}</strong> — {t('security.added', { date: when(p.createdAt) })},{' '}
              {p.lastUsedAt ? t('security.lastUsed', { date: when(p.lastUsedAt) }) : t('security.neverUsed')}{' '}
              <form
                method="post"
                action={`/account/passkeys/${encodeURIComponent(p.id)}/remove`}
                class="inline-form"
              >
                <CsrfField ctx={ctx} />
                <button type="submit">{t('security.remove', { label: p.label })}</button>
              </form>
            </li>
          ))}
        </ul>
        <form class="form" data-passkey-register data-csrf={ctx.csrfToken()} hidden>
          <p class="notice error" role="alert" data-passkey-error hidden>
            {t('security.passkeyFailed')}
          </p>
          <div class="field">
            <label for="passkey-label">{t('security.passkeyLabel')}</label>
            <input
              id="passkey-label"
              name="label"
              required
              maxLength={MAX_LABEL}
              aria-describedby="passkey-label-hint"
            />
            <p class="hint" id="passkey-label-hint">
              {t('security.passkeyLabelHint')}
            </p>
          </div>
          <p>
            <button type="submit">{t('security.addPasskey')}</button>
          </p>
        </form>
        <p class="hint" data-passkey-needs-js>
          {t('security.passkeyNeedsJs')}
        </p>
      </section>

      <section aria-labelledby="sessions">
        <h2 id="sessions">{t('security.sessions')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('security.device')}</th>
                <th scope="col">{t('security.started')}</th>
                <th scope="col">{t('security.lastSeen')}</th>
                <th scope="col">{t('security.how')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => {
                const device = deviceName(s.userAgent) ?? t('security.unknownDevice');
                return (
                  <tr key={s.id}>
                    <td>
                      {device} {s.current ? t('security.thisDevice') : null}
                    </td>
                    <td>{when(s.createdAt)}</td>
                    <td>{when(s.lastSeenAt)}</td>
                    <td>
                      {s.method === 'passkey'
                        ? t('security.method.passkey')
                        : t('security.method.magic-link')}
                    </td>
                    <td>
                      <form method="post" action={`/account/sessions/${s.id}/end`}>
                        <CsrfField ctx={ctx} />
                        <button type="submit">{t('security.end', { device })}</button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <form method="post" action="/account/sessions/end-all">
          <CsrfField ctx={ctx} />
          <p>
            <button type="submit">{t('security.endAll')}</button>
          </p>
          <p class="hint">{t('security.endAllHint')}</p>
        </form>
      </section>
    </Layout>
  );
}
