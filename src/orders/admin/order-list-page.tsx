import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { AdminSearchForm } from '../../staff/pages/admin-search-form.tsx';
import { Pagination } from '../../web/components/pagination.tsx';
import { formatPrice } from '../../web/i18n/format.ts';
import type { MessageKey } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import { type AdminOrderRow, ORDER_FILTER_IDS, type OrderFilter } from './admin-orders.ts';

/** /admin/orders: filter tabs with counts, search, a page of orders (newest first), the pick-list download. */
export function OrderListPage(props: {
  ctx: PageCtx;
  filter: OrderFilter;
  query: string;
  orders: AdminOrderRow[];
  counts: Record<OrderFilter, number>;
  total: number;
  page: number;
  pages: number;
  today: string;
}) {
  const { ctx, filter, query, page, pages } = props;
  const { t, locale } = ctx;
  const url = (f: OrderFilter, n = 1) =>
    `/admin/orders?${new URLSearchParams({ filter: f, ...(query ? { q: query } : {}), ...(n > 1 ? { page: String(n) } : {}) })}`;
  const placed = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: ctx.timeZone,
  });
  return (
    <AdminLayout ctx={ctx} title={t('orderAdmin.title')}>
      <h1>{t('orderAdmin.title')}</h1>
      <form method="get" action="/admin/orders/pick-list.pdf" class="search">
        <label for="pick-date">{t('orderAdmin.pickListDate')}</label>
        <input id="pick-date" type="date" name="date" value={props.today} />
        <button type="submit">{t('orderAdmin.pickList')}</button>
      </form>
      <nav aria-label={t('orderAdmin.filters')} class="cats">
        <ul>
          {ORDER_FILTER_IDS.map((f) => (
            <li key={f}>
              <a href={url(f)} aria-current={f === filter ? 'page' : undefined}>
                {t(`orderAdmin.filter.${f}` as MessageKey)} ({props.counts[f]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <AdminSearchForm
        action="/admin/orders"
        id="order-search"
        label={t('orderAdmin.searchLabel')}
        button={t('orderAdmin.search')}
        query={query}
        hidden={{ filter }}
      />
      <p role="status">{t('orderAdmin.count', { count: props.total })}</p>
      {props.orders.length === 0 ? (
        <p>{t('orderAdmin.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('orderAdmin.number')}</th>
                <th scope="col">{t('orderAdmin.placed')}</th>
                <th scope="col">{t('orderAdmin.customer')}</th>
                <th scope="col">{t('orderAdmin.status')}</th>
                <th scope="col">{t('orderAdmin.shipping')}</th>
                <th scope="col">{t('orderAdmin.delivery')}</th>
                <th scope="col">{t('orderAdmin.total')}</th>
              </tr>
            </thead>
            <tbody>
              {props.orders.map((o) => (
                <tr key={o.id}>
                  <td>
                    <a href={`/admin/orders/${o.id}`}>{o.number}</a>
                  </td>
                  <td>{placed.format(new Date(o.createdAt))}</td>
                  <td>
                    {o.name}
                    <br />
                    {o.email}
                  </td>
                  <td>{t(`orderAdmin.status.${o.status}` as MessageKey)}</td>
                  <td>
                    {o.shippingMethod === 'mailbox' ? t('orderAdmin.mailbox') : t('checkout.method.parcel')}
                  </td>
                  <td>{o.deliveryDate}</td>
                  <td>{formatPrice(o.totalCents, locale, o.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination ctx={ctx} page={page} pages={pages} href={(n) => url(filter, n)} />
    </AdminLayout>
  );
}
