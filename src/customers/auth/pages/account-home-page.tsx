import { CsrfField } from '../../../web/components/csrf-field.tsx';
import { Layout } from '../../../web/components/layout.tsx';
import type { MessageKey } from '../../../web/i18n/messages.ts';
import type { PageCtx } from '../../../web/page-context.ts';

const LINKS: { href: string; label: MessageKey; hint: MessageKey }[] = [
  { href: '/account/appliances', label: 'account.appliances', hint: 'account.appliancesHint' },
  { href: '/account/household', label: 'account.household', hint: 'account.householdHint' },
  { href: '/account/reminders', label: 'account.reminders', hint: 'account.remindersHint' },
  { href: '/account/preferences', label: 'account.preferences', hint: 'account.preferencesHint' },
  { href: '/account/notifications', label: 'account.notifications', hint: 'account.notificationsHint' },
  { href: '/account/messages', label: 'account.messages', hint: 'account.messagesHint' },
  { href: '/account/security', label: 'account.security', hint: 'account.securityHint' },
  { href: '/account/privacy', label: 'account.privacy', hint: 'account.privacyHint' },
];

export type SavedAppliance = { id: string; name: string };

/** The account's front door: who is signed in, what was just kept, and the way to every part of the account. */
export function AccountHomePage({
  ctx,
  email,
  name,
  appliances,
  notices,
}: {
  ctx: PageCtx;
  email: string;
  name: string | null;
  appliances: SavedAppliance[];
  notices: string[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.title')} noindex>
      <h1>{name ? t('account.greeting', { name }) : t('account.title')}</h1>
      {notices.map((n) => (
        <p key={n} class="notice" role="status">
          {n}
        </p>
      ))}
      <p>{t('account.greetingEmail', { email })}</p>
      {appliances.length > 0 ? (
        <section aria-labelledby="saved-appliances">
          <h2 id="saved-appliances">{t('account.savedAppliances')}</h2>
          <ul>
            {appliances.map((a) => (
              <li key={a.id}>
                <a href={`/a/${encodeURIComponent(a.id)}`}>{a.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <nav aria-labelledby="account-nav">
        <h2 id="account-nav">{t('account.nav')}</h2>
        <ul class="account-links">
          {LINKS.map((l) => (
            <li key={l.href}>
              <a href={l.href}>{t(l.label)}</a>
              <span class="hint">{t(l.hint)}</span>
            </li>
          ))}
        </ul>
      </nav>
      <form method="post" action="/account/sign-out">
        <CsrfField ctx={ctx} />
        <button type="submit">{t('account.signOut')}</button>
      </form>
    </Layout>
  );
}
