import { deviceName } from '../../../customers/auth/pages/device-name.ts';
import { CsrfField } from '../../../web/components/csrf-field.tsx';
import { Layout } from '../../../web/components/layout.tsx';
import { formatDate } from '../../../web/i18n/format.ts';
import type { MessageKey } from '../../../web/i18n/messages.ts';
import type { PageCtx } from '../../../web/page-context.ts';
import type { PushDevice } from '../push-devices.ts';

/** The SMS part of the page: whether the shop sends SMS, the number on the account, and a refused entry. */
export type SmsSection = { offered: boolean; phone: string | null; typed?: string; error?: MessageKey };

/**
 * Web push and SMS for the signed-in customer: subscribe this browser (public/push-subscribe.js, which needs
 * JavaScript; the button stays hidden without it), see the subscribed devices and turn any of them off, and
 * the mobile number for SMS (plain forms). `vapidPublicKey` is null when the shop offers no push (production
 * without VAPID keys).
 */
export function NotificationsPage({
  ctx,
  vapidPublicKey,
  devices,
  sms,
  notice,
}: {
  ctx: PageCtx;
  vapidPublicKey: string | null;
  devices: PushDevice[];
  sms: SmsSection;
  notice?: string | undefined;
}) {
  const { t, locale } = ctx;
  const when = (iso: string) => formatDate(iso, locale, ctx.timeZone, true);
  return (
    <Layout ctx={ctx} title={t('push.title')} noindex scripts={vapidPublicKey ? ['push-subscribe.js'] : []}>
      <p>
        <a href="/account">{t('account.title')}</a>
      </p>
      <h1>{t('push.title')}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>{t('push.intro')}</p>
      <p>
        <a href="/account/preferences">{t('push.preferencesLink')}</a>
      </p>

      <section aria-labelledby="this-browser">
        <h2 id="this-browser">{t('push.thisBrowser')}</h2>
        {vapidPublicKey ? (
          <div
            data-push-subscribe
            data-key={vapidPublicKey}
            data-csrf={ctx.csrfToken()}
            data-action="/account/notifications/devices"
            data-working={t('push.working')}
            data-denied={t('push.denied')}
            data-failed={t('push.failed')}
          >
            <p class="hint" data-push-needs-js>
              {t('push.needsJs')}
            </p>
            <p>
              <button type="button" hidden>
                {t('push.subscribe')}
              </button>
            </p>
            <p role="status" data-push-status></p>
          </div>
        ) : (
          <p>{t('push.offNotOffered')}</p>
        )}
      </section>

      <section aria-labelledby="push-devices">
        <h2 id="push-devices">{t('push.devices')}</h2>
        {devices.length === 0 ? <p>{t('push.noDevices')}</p> : null}
        <ul>
          {devices.map((d) => {
            const name = deviceName(d.userAgent) ?? t('push.unknownDevice');
            return (
              <li key={d.id}>
                <strong>{name}</strong> — {t('push.added', { date: when(d.createdAt) })},{' '}
                {d.lastSentAt ? t('push.lastSent', { date: when(d.lastSentAt) }) : t('push.neverSent')}{' '}
                <form
                  method="post"
                  action={`/account/notifications/devices/${encodeURIComponent(d.id)}/remove`}
                  class="inline-form"
                >
                  <CsrfField ctx={ctx} />
                  <button type="submit">{t('push.remove', { device: name })}</button>
                </form>
              </li>
            );
          })}
        </ul>
        <p class="hint">{t('push.privacy')}</p>
      </section>

      <section aria-labelledby="sms">
        <h2 id="sms">{t('sms.title')}</h2>
        {sms.offered ? (
          <form method="post" action="/account/notifications/phone" class="form" noValidate>
            <CsrfField ctx={ctx} />
            <p>{t('sms.intro')}</p>
            <div class="field">
              <label for="phone">{t('sms.number')}</label>
              <input
                id="phone"
                name="phone"
                type="tel"
                autocomplete="tel"
                inputMode="tel"
                maxLength={30}
                value={sms.typed ?? sms.phone ?? ''}
                aria-describedby={sms.error ? 'phone-error phone-hint' : 'phone-hint'}
                aria-invalid={sms.error ? 'true' : undefined}
              />
              <p class="hint" id="phone-hint">
                {t('sms.numberHint')}
              </p>
              {sms.error ? (
                <p class="error" id="phone-error">
                  {t(sms.error)}
                </p>
              ) : null}
            </div>
            <p>
              <button type="submit">{t('sms.save')}</button>
            </p>
          </form>
        ) : (
          <p>{t('sms.off')}</p>
        )}
      </section>
    </Layout>
  );
}
