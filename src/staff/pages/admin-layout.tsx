import type { ComponentChildren } from 'preact';
import { assetUrl } from '../../web/assets.ts';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { LanguageSwitch } from '../../web/components/language-switch.tsx';
import type { PageCtx } from '../../web/page-context.ts';

/**
 * The admin frame: the storefront's look, `noindex`, a skip link, a labelled admin menu (when logged in) with a
 * logout button, and `<main id="main">`. Works without JavaScript and at 360 px.
 */
export function AdminLayout({
  ctx,
  title,
  children,
  refreshSeconds,
}: {
  ctx: PageCtx;
  title: string;
  children: ComponentChildren;
  /** Reload the page every few seconds (a running import), without JavaScript. */
  refreshSeconds?: number | undefined;
}) {
  const { t, locale, staff } = ctx;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        {refreshSeconds ? <meta http-equiv="refresh" content={String(refreshSeconds)} /> : null}
        <title>{`${title} · ${t('admin.title')} · ${ctx.shopName}`}</title>
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assetUrl('app.css')} />
      </head>
      <body>
        <a class="skip" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href={staff ? '/admin' : '/'}>
              {ctx.shopName} · {t('admin.title')}
            </a>
            <LanguageSwitch ctx={ctx} />
          </div>
          {staff ? (
            <nav aria-label={t('admin.nav')} class="admin-nav cats">
              <ul>
                <li>
                  <a href="/admin">{t('admin.home')}</a>
                </li>
                <li>
                  <a href="/admin/orders">{t('orderAdmin.title')}</a>
                </li>
                <li>
                  <a href="/admin/customers">{t('customerAdmin.title')}</a>
                </li>
                <li>
                  <a href="/admin/vouchers">{t('voucherAdmin.title')}</a>
                </li>
                <li>
                  <a href="/admin/products">{t('admin.products')}</a>
                </li>
                <li>
                  <a href="/admin/categories">{t('admin.categories')}</a>
                </li>
                <li>
                  <a href="/admin/import">{t('admin.import')}</a>
                </li>
                <li>
                  <a href="/admin/appliances">{t('applianceAdmin.title')}</a>
                </li>
                <li>
                  <a href="/admin/brands">{t('applianceAdmin.brands')}</a>
                </li>
                <li>
                  <a href="/admin/requests">{t('applianceAdmin.requests')}</a>
                </li>
                <li>
                  <a href="/admin/messages">{t('broadcast.title')}</a>
                </li>
                <li>
                  <a href="/admin/outbox">{t('outbox.title')}</a>
                </li>
                {staff.role === 'owner' ? (
                  <>
                    <li>
                      <a href="/admin/shipping">{t('shippingAdmin.title')}</a>
                    </li>
                    <li>
                      <a href="/admin/staff">{t('admin.staff')}</a>
                    </li>
                  </>
                ) : null}
                <li>
                  <a href="/">{t('admin.shop')}</a>
                </li>
                <li>
                  <form method="post" action="/admin/logout">
                    <CsrfField ctx={ctx} />
                    <button type="submit" class="secondary">
                      {t('admin.logout')}
                    </button>
                  </form>
                </li>
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
