import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { Notice } from '../../staff/pages/fields.tsx';
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
      <form method="get" action="/admin/appliances" role="search" class="search">
        <label for="appliance-search" class="sr-only">
          {t('applianceAdmin.searchLabel')}
        </label>
        <input
          id="appliance-search"
          type="search"
          name="q"
          value={query}
          maxLength={100}
          placeholder={t('applianceAdmin.searchLabel')}
          aria-describedby="appliance-search-hint"
        />
        <button type="submit">{t('applianceAdmin.search')}</button>
      </form>
      <p class="hint" id="appliance-search-hint">
        {t('applianceAdmin.searchHint')}
      </p>
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
      {pages > 1 ? (
        <nav class="pagination" aria-label={t('catalog.pagination')}>
          {page > 1 ? <a href={pageUrl(page - 1)}>{t('catalog.previous')}</a> : null}
          <span>{t('catalog.pageOf', { page, pages })}</span>
          {page < pages ? <a href={pageUrl(page + 1)}>{t('catalog.next')}</a> : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
}
