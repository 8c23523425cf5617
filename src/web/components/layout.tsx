import type { ComponentChildren } from 'preact';
import { LOCALES } from '../../config.ts';
import { assetUrl } from '../assets.ts';
import { type PageCtx, withLang } from '../page-context.ts';
import { LanguageSwitch } from './language-switch.tsx';

type Props = {
  ctx: PageCtx;
  title: string;
  description?: string;
  children: ComponentChildren;
  /** Storefront navigation; omitted on admin pages. */
  categories?: { slug: string; name: string }[];
  searchQuery?: string;
  noindex?: boolean;
  scripts?: string[];
  /** Go on to this address at once (a meta refresh: a navigation, so the CSP's form-action does not block it). */
  refreshTo?: string;
};

/** The storefront frame: skip link, header with search and language switch, main, footer. No third-party anything. */
export function Layout({
  ctx,
  title,
  description,
  children,
  categories,
  searchQuery,
  noindex,
  scripts,
  refreshTo,
}: Props) {
  const { t, locale } = ctx;
  const fullTitle = title === ctx.shopName ? title : `${title} · ${ctx.shopName}`;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description ?? t('layout.footerPromise')} />
        {noindex ? <meta name="robots" content="noindex" /> : null}
        {refreshTo ? <meta http-equiv="refresh" content={`0;url=${refreshTo}`} /> : null}
        {/* every language version, this one included, by absolute URL (as search engines require) */}
        {LOCALES.map((l) => (
          <link key={l} rel="alternate" hreflang={l} href={`${ctx.publicUrl}${withLang(ctx.url, l)}`} />
        ))}
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        {(scripts ?? []).map((s) => (
          <script key={s} type="module" src={assetUrl(s)} defer />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href="/">
              {ctx.shopName}
            </a>
            <a class="account-link" href={ctx.customer ? '/account' : '/account/sign-in'}>
              {ctx.customer ? t('account.headerMine') : t('account.headerSignIn')}
            </a>
            <a class="cart-link" href="/cart">
              {t('layout.cart')}
            </a>
            <LanguageSwitch ctx={ctx} />
          </div>
          <form
            class="search"
            role="search"
            action="/search"
            method="get"
            aria-label={t('layout.searchLabel')}
          >
            <label for="site-search" class="sr-only">
              {t('layout.searchLabel')}
            </label>
            <input
              id="site-search"
              type="search"
              name="q"
              value={searchQuery ?? ''}
              placeholder={t('layout.searchPlaceholder')}
              maxLength={100}
            />
            <button type="submit">{t('layout.search')}</button>
          </form>
          {categories && categories.length > 0 ? (
            <nav aria-label={t('layout.categories')} class="cats">
              <ul>
                {categories.map((c) => (
                  <li key={c.slug}>
                    <a href={`/c/${c.slug}`}>{c.name}</a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{t('layout.footerPromise')}</p>
          <p>
            <a href="/api/docs">{t('layout.footerApi')}</a> · <a href="/admin">{t('layout.staff')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
