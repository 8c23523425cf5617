import { CsrfField } from '../../web/components/csrf-field.tsx';
import type { PageCtx } from '../../web/page-context.ts';
import type { SessionStaff } from '../sessions.ts';
import { AdminLayout } from './admin-layout.tsx';

/** /admin: who is logged in and where to go from here. */
export function AdminHomePage({
  ctx,
  staff,
  openRequests = 0,
}: {
  ctx: PageCtx;
  staff: SessionStaff;
  openRequests?: number;
}) {
  const { t } = ctx;
  const links = [
    { href: '/admin/products', label: t('admin.products'), text: t('admin.homeProducts') },
    { href: '/admin/categories', label: t('admin.categories'), text: t('admin.homeCategories') },
    { href: '/admin/import', label: t('admin.import'), text: t('admin.homeImport') },
    {
      href: '/admin/appliances',
      label: t('applianceAdmin.title'),
      text: t('applianceAdmin.home.appliances'),
    },
    { href: '/admin/brands', label: t('applianceAdmin.brands'), text: t('applianceAdmin.home.brands') },
    {
      href: '/admin/requests',
      label: t('applianceAdmin.requests'),
      text: t('applianceAdmin.home.requests', { count: openRequests }),
    },
    ...(staff.role === 'owner'
      ? [
          { href: '/admin/shipping', label: t('shippingAdmin.title'), text: t('shippingAdmin.home') },
          { href: '/admin/staff', label: t('admin.staff'), text: t('admin.homeStaff') },
        ]
      : []),
  ];
  return (
    <AdminLayout ctx={ctx} title={t('admin.home')}>
      <h1>{t('admin.welcome', { name: staff.name || staff.email })}</h1>
      <p>
        {t('admin.loggedInAs', { name: staff.name, email: staff.email, role: t(`admin.role.${staff.role}`) })}
      </p>
      <ul class="category-tiles">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>
              <strong>{l.label}</strong>
              <span class="muted">{l.text}</span>
            </a>
          </li>
        ))}
      </ul>
      <h2>{t('admin.logout')}</h2>
      <form method="post" action="/admin/logout">
        <CsrfField ctx={ctx} />
        <button type="submit">{t('admin.logout')}</button>
      </form>
      <form method="post" action="/admin/logout-everywhere">
        <CsrfField ctx={ctx} />
        <p class="hint" id="everywhere-hint">
          {t('admin.logoutEverywhereHint')}
        </p>
        <button type="submit" class="secondary" aria-describedby="everywhere-hint">
          {t('admin.logoutEverywhere')}
        </button>
      </form>
    </AdminLayout>
  );
}
