import type { PageCtx } from '../../web/page-context.ts';

const LINKS = [
  { href: '/account/preferences', key: 'prefs.nav.preferences' },
  { href: '/account/preferences/history', key: 'prefs.nav.history' },
  { href: '/account/terms', key: 'prefs.nav.terms' },
  { href: '/account', key: 'prefs.nav.account' },
] as const;

/** The preference centre's three pages and the way back to the account. */
export function PreferencesNav({ ctx, current }: { ctx: PageCtx; current: string }) {
  return (
    <nav aria-label={ctx.t('prefs.nav')} class="crumbs">
      {LINKS.map((l, i) => (
        <span key={l.href}>
          {i > 0 ? ' · ' : null}
          {l.href === current ? (
            <a href={l.href} aria-current="page">
              {ctx.t(l.key)}
            </a>
          ) : (
            <a href={l.href}>{ctx.t(l.key)}</a>
          )}
        </span>
      ))}
    </nav>
  );
}
