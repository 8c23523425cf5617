import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { AdminSearchForm } from '../../staff/pages/admin-search-form.tsx';
import { Pagination } from '../../web/components/pagination.tsx';
import { formatPrice } from '../../web/i18n/format.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { AdminProductRow } from './admin-products.ts';

/** /admin/products: search by SKU or name, a page of products, links to edit and create. */
export function ProductListPage(props: {
  ctx: PageCtx;
  query: string;
  products: AdminProductRow[];
  total: number;
  page: number;
  pages: number;
}) {
  const { ctx, query, page, pages } = props;
  const { t, locale } = ctx;
  const pageUrl = (n: number) =>
    `/admin/products?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(n) })}`;
  return (
    <AdminLayout ctx={ctx} title={t('products.title')}>
      <h1>{t('products.title')}</h1>
      <p>
        <a class="button" href="/admin/products/new">
          {t('products.new')}
        </a>
      </p>
      <AdminSearchForm
        action="/admin/products"
        id="product-search"
        label={t('products.searchLabel')}
        button={t('products.search')}
        query={query}
      />
      <p role="status">{t('products.count', { count: props.total })}</p>
      {props.products.length === 0 ? (
        <p>{t('products.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('field.sku')}</th>
                <th scope="col">{t('products.name')}</th>
                <th scope="col">{t('field.categorySlug')}</th>
                <th scope="col">{t('products.price')}</th>
                <th scope="col">{t('products.stock')}</th>
                <th scope="col">{t('products.visible')}</th>
              </tr>
            </thead>
            <tbody>
              {props.products.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={`/admin/products/${p.id}`}>{p.sku}</a>
                  </td>
                  <td>{p.name}</td>
                  <td>{p.categoryName}</td>
                  <td>{formatPrice(p.priceCents, locale, ctx.currency)}</td>
                  <td>{p.stock}</td>
                  <td>{p.active ? t('products.visible') : t('products.hidden')}</td>
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
