import { AdminLayout } from '../../../staff/pages/admin-layout.tsx';
import { AdminSearchForm } from '../../../staff/pages/admin-search-form.tsx';
import { formatDate, formatPrice } from '../../../web/i18n/format.ts';
import type { MessageKey } from '../../../web/i18n/messages.ts';
import type { PageCtx } from '../../../web/page-context.ts';
import type { AdminCustomerRow, AdminCustomerView } from '../admin-customers.ts';
import { preferencesInWords } from '../preferences-in-words.ts';

/** /admin/customers: search by e-mail address or name, newest first. */
export function CustomerListPage(props: {
  ctx: PageCtx;
  query: string;
  customers: AdminCustomerRow[];
  total: number;
  page: number;
  pages: number;
}) {
  const { ctx, query, page, pages } = props;
  const { t, locale } = ctx;
  const url = (n: number) =>
    `/admin/customers?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(n) })}`;
  return (
    <AdminLayout ctx={ctx} title={t('customerAdmin.title')}>
      <h1>{t('customerAdmin.title')}</h1>
      <AdminSearchForm
        action="/admin/customers"
        id="customer-search"
        label={t('customerAdmin.searchLabel')}
        button={t('customerAdmin.search')}
        query={query}
      />
      <p role="status">{t('customerAdmin.count', { count: props.total })}</p>
      {props.customers.length === 0 ? (
        <p>{t('customerAdmin.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('customerAdmin.email')}</th>
                <th scope="col">{t('customerAdmin.name')}</th>
                <th scope="col">{t('customerAdmin.since')}</th>
                <th scope="col">{t('customerAdmin.orders')}</th>
              </tr>
            </thead>
            <tbody>
              {props.customers.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={`/admin/customers/${c.id}`}>{c.email}</a>
                  </td>
                  <td>{c.name ?? t('customerAdmin.noName')}</td>
                  <td>{formatDate(c.createdAt, locale, ctx.timeZone)}</td>
                  <td>{c.orders}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label={t('customerAdmin.pageOf', { page, pages })} class="pagination">
          {page > 1 ? <a href={url(page - 1)}>{t('customerAdmin.previous')}</a> : null}
          <span>{t('customerAdmin.pageOf', { page, pages })}</span>
          {page < pages ? <a href={url(page + 1)}>{t('customerAdmin.next')}</a> : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
}

/** /admin/customers/:id: what staff may see of one customer. Read-only: preferences are the customer's to change. */
export function CustomerDetailPage({ ctx, customer: c }: { ctx: PageCtx; customer: AdminCustomerView }) {
  const { t, locale, timeZone } = ctx;
  const title = c.name ?? c.email;
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a href="/admin/customers">{t('customerAdmin.title')}</a>
      </p>
      <h1>{title}</h1>
      <section aria-labelledby="details">
        <h2 id="details">{t('customerAdmin.details')}</h2>
        <dl class="specs">
          <dt>{t('customerAdmin.email')}</dt>
          <dd>
            {c.email} (
            {c.emailVerifiedAt
              ? `${t('customerAdmin.verified')} ${formatDate(c.emailVerifiedAt, locale, timeZone)}`
              : t('customerAdmin.notVerified')}
            )
          </dd>
          <dt>{t('customerAdmin.name')}</dt>
          <dd>{c.name ?? t('customerAdmin.noName')}</dd>
          <dt>{t('customerAdmin.phone')}</dt>
          <dd>{c.phone ?? '—'}</dd>
          <dt>{t('customerAdmin.since')}</dt>
          <dd>{formatDate(c.createdAt, locale, timeZone)}</dd>
        </dl>
      </section>
      <section aria-labelledby="allows">
        <h2 id="allows">{t('customerAdmin.allows')}</h2>
        <p class="allows">{preferencesInWords(c.preferences, t, locale).join(' ')}</p>
        <p class="muted">{t('customerAdmin.allowsNote')}</p>
        <p>
          <a href={`/admin/customers/${c.id}/messages`}>{t('customerAdmin.messagesLink')}</a>
        </p>
      </section>
      <section aria-labelledby="orders">
        <h2 id="orders">{t('customerAdmin.orders')}</h2>
        {c.orders.length === 0 ? (
          <p>{t('customerAdmin.noOrders')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('customerAdmin.number')}</th>
                  <th scope="col">{t('customerAdmin.placed')}</th>
                  <th scope="col">{t('customerAdmin.status')}</th>
                  <th scope="col">{t('customerAdmin.total')}</th>
                </tr>
              </thead>
              <tbody>
                {c.orders.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <a href={`/admin/orders/${o.id}`}>{o.number}</a>
                    </td>
                    <td>{formatDate(o.createdAt, locale, timeZone, true)}</td>
                    <td>{t(`orderAdmin.status.${o.status}` as MessageKey)}</td>
                    <td>{formatPrice(o.totalCents, locale, o.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="appliances">
        <h2 id="appliances">{t('customerAdmin.appliances')}</h2>
        {c.appliances.length === 0 ? (
          <p>{t('customerAdmin.noAppliances')}</p>
        ) : (
          <ul>
            {c.appliances.map((a) => (
              <li key={`${a.brand}-${a.model}`}>
                {a.brand} {a.model} — {a.name}
                {a.label ? ` (${a.label})` : ''}
                {a.serial ? `, ${t('customerAdmin.serial', { serial: a.serial })}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="household">
        <h2 id="household">{t('customerAdmin.household')}</h2>
        {c.household.length === 0 ? (
          <p>{t('customerAdmin.noHousehold')}</p>
        ) : (
          <ul>
            {c.household.map((m) => (
              <li key={m.email}>
                {m.you
                  ? t('customerAdmin.member', { name: t('customerAdmin.thisCustomer'), email: m.email })
                  : t('customerAdmin.member', { name: m.name ?? t('customerAdmin.noName'), email: m.email })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="ledger">
        <h2 id="ledger">{t('customerAdmin.ledger')}</h2>
        {c.ledger.length === 0 ? (
          <p>{t('customerAdmin.noLedger')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('customerAdmin.at')}</th>
                  <th scope="col">{t('customerAdmin.subject')}</th>
                  <th scope="col">{t('customerAdmin.change')}</th>
                  <th scope="col">{t('customerAdmin.via')}</th>
                  <th scope="col">{t('customerAdmin.who')}</th>
                </tr>
              </thead>
              <tbody>
                {c.ledger.map((row) => (
                  <tr key={row.id}>
                    <td>{formatDate(row.at, locale, timeZone, true)}</td>
                    <td>{row.subject}</td>
                    <td>
                      {row.old_value ?? '—'} → {row.new_value ?? '—'}
                    </td>
                    <td>
                      {row.source}
                      {row.channel ? ` (${row.channel})` : ''}, {row.wording_version}
                    </td>
                    <td>
                      {row.actor === 'staff'
                        ? t('customerAdmin.actor.staff', { name: row.staff_name ?? '?' })
                        : t(`customerAdmin.actor.${row.actor}` as MessageKey)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </AdminLayout>
  );
}
