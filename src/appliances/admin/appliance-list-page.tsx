import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { AdminSearchForm } from '../../staff/pages/admin-search-form.tsx';
import { Notice } from '../../staff/pages/fields.tsx';
import { Pagination } from '../../web/components/pagination.tsx';
import type { PageCtx } from '../../web/page-context.ts';
import type { AdminApplianceRow } from './admin-appliances.ts';

/** /admin/appliances: search by model (typos forgiven) or brand, a page of appliances, links onward. */
export function ApplianceListPage(props: {
  ctx: PageCtx;
  query: string;
  /** Why the query cannot be searched, in words. */
  problem?: string | null;
  /** The search went through the lookup: its best matches, not a paged list. */
  bestMatches: boolean;
  appliances: AdminApplianceRow[];
  total: number;
  page: number;
  pages: number;
}) {
  const { ctx, query, page, pages } = props;
  const { t } = ctx;
  const pageUrl = (n: number) =>
    `/admin/appliances?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(n) })}`;
  return (
    <AdminLayout ctx={ctx} title={t('applianceAdmin.title')}>
      <h1>{t('applianceAdmin.title')}</h1>
      <ul>
        <li>
          <a class="button" href="/admin/appliances/new">
            {t('applianceAdmin.new')}
          </a>
        </li>
        <li>
          <a href="/admin/brands">{t('applianceAdmin.brands')}</a>
        </li>
        <li>
          <a href="/admin/appliances/import">{t('applianceAdmin.importExport')}</a>
        </li>
        <li>
          <a href="/admin/requests">{t('applianceAdmin.requests')}</a>
        </li>
      </ul>
      <AdminSearchForm
        action="/admin/appliances"
        id="appliance-search"
        label={t('applianceAdmin.searchLabel')}
        button={t('applianceAdmin.search')}
        query={query}
        hint={t('applianceAdmin.searchHint')}
      />
      {props.problem ? <Notice error>{props.problem}</Notice> : null}
      <p role="status">
        {props.bestMatches
          ? t('applianceAdmin.bestMatches', { count: props.total })
          : t('applianceAdmin.count', { count: props.total })}
      </p>
      {props.appliances.length === 0 ? (
        <p>{t('applianceAdmin.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('applianceAdmin.field.brandId')}</th>
                <th scope="col">{t('applianceAdmin.field.model')}</th>
                <th scope="col">{t('applianceAdmin.field.name')}</th>
                <th scope="col">{t('applianceAdmin.field.category')}</th>
                <th scope="col">{t('applianceAdmin.variants')}</th>
                <th scope="col">{t('applianceAdmin.products')}</th>
              </tr>
            </thead>
            <tbody>
              {props.appliances.map((a) => (
                <tr key={a.id}>
                  <td>{a.brand}</td>
                  <td>
                    <a href={`/admin/appliances/${a.id}`}>{a.model}</a>
                  </td>
                  <td>{a.name}</td>
                  <td>{t(`applianceAdmin.category.${a.category}`)}</td>
                  <td>{a.variants}</td>
                  <td>{a.products}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination ctx={ctx} page={page} pages={pages} href={pageUrl} />
    </AdminLayout>
  );
}
