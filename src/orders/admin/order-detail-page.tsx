import { paymentMethodName } from '../../payments/payment-method-name.ts';
import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import { ErrorSummary, Notice, SelectField, TextArea, TextField } from '../../staff/pages/fields.tsx';
import { OrderCodes } from '../../vouchers/pages/order-codes.tsx';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { formatDay, formatPrice } from '../../web/i18n/format.ts';
import type { MessageKey } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import { CARRIER_IDS, CARRIERS, isCarrier } from '../carriers.ts';
import { isOrderStatus } from '../order-states.ts';
import type { AdminOrderView } from './admin-order.ts';
import type { DelayFormValues, FormError, ShipFormValues } from './fulfilment-forms.ts';

export type DetailForms = {
  ship?: { values: ShipFormValues; errors: FormError[] };
  delay?: { values: DelayFormValues; errors: FormError[] };
};

/** /admin/orders/:id: the order, its timeline and the actions its status allows, each a form that works without JavaScript. */
export function OrderDetailPage(props: {
  ctx: PageCtx;
  order: AdminOrderView;
  today: string;
  forms: DetailForms;
  notice?: string | undefined;
}) {
  const { ctx, order, forms } = props;
  const { t, locale } = ctx;
  const price = (cents: number) => formatPrice(cents, locale, order.currency);
  const when = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: ctx.timeZone,
  });
  const action = `/admin/orders/${order.id}`;
  const message = (e: FormError) => t(`orderAdmin.error.${e.code}` as MessageKey);
  const errorOf = (errors: FormError[] | undefined, name: string) => {
    const e = errors?.find((x) => x.field === name);
    return e ? message(e) : undefined;
  };
  const labels: Record<string, string> = {
    carrier: t('orderAdmin.carrier'),
    trackingCode: t('orderAdmin.trackingCode'),
    newDate: t('orderAdmin.newDate'),
    message: t('orderAdmin.message'),
  };
  const summary = [...(forms.ship?.errors ?? []), ...(forms.delay?.errors ?? [])].map((e) => ({
    id: e.field,
    label: labels[e.field] ?? e.field,
    message: message(e),
  }));
  const a = order.address;
  const has = (x: string) => order.actions.includes(x as AdminOrderView['actions'][number]);
  return (
    <AdminLayout ctx={ctx} title={order.number}>
      <p>
        <a href="/admin/orders">{t('orderAdmin.back')}</a>
      </p>
      <h1>{order.number}</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <ErrorSummary title={t('orderAdmin.errors')} errors={summary} />
      <p>
        {t('orderAdmin.status')}: <strong>{t(`orderAdmin.status.${order.status}` as MessageKey)}</strong> ·{' '}
        {t('orderAdmin.placed')}: {when.format(new Date(order.createdAt))} · {t('orderAdmin.delivery')}:{' '}
        {formatDay(order.deliveryDate, locale, 'short')}
      </p>
      {order.shippingMethod === 'mailbox' ? (
        <p class="notice">
          <strong>{t('orderAdmin.mailbox')}</strong>
        </p>
      ) : null}
      {order.carrier && order.trackingCode ? (
        <p>
          {t('orderAdmin.tracking', {
            carrier: isCarrier(order.carrier)
              ? (CARRIERS[order.carrier].label ?? t('orderAdmin.carrier.other'))
              : order.carrier,
            code: order.trackingCode,
          })}
        </p>
      ) : null}
      <h2>{t('orderAdmin.lines')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('orderAdmin.sku')}</th>
              <th scope="col">{t('orderAdmin.product')}</th>
              <th scope="col">{t('orderAdmin.quantity')}</th>
              <th scope="col">{t('orderAdmin.price')}</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((l, i) => (
              <tr key={`${l.sku}-${i}`}>
                <td>{l.sku}</td>
                <td>{l.name}</td>
                <td>{l.quantity}</td>
                <td>{price(l.unitPriceCents * l.quantity)}</td>
              </tr>
            ))}
            <tr>
              <td colSpan={3}>
                {t('orderAdmin.shipping')} (
                {order.shippingMethod === 'mailbox' ? t('orderAdmin.mailbox') : t('checkout.method.parcel')})
              </td>
              <td>{price(order.shippingCents)}</td>
            </tr>
            {order.discountCents > 0 ? (
              <tr>
                <td colSpan={3}>{t('voucher.discountPlain')}</td>
                <td>− {price(order.discountCents)}</td>
              </tr>
            ) : null}
            <tr>
              <th scope="row" colSpan={3}>
                {t('orderAdmin.total')}
              </th>
              <td>{price(order.totalCents)}</td>
            </tr>
            {order.giftCardCents > 0 ? (
              <>
                <tr>
                  <td colSpan={3}>{t('voucher.giftCardPlain')}</td>
                  <td>− {price(order.giftCardCents)}</td>
                </tr>
                <tr>
                  <th scope="row" colSpan={3}>
                    {t('voucher.due')}
                  </th>
                  <td>{price(order.totalCents - order.giftCardCents)}</td>
                </tr>
              </>
            ) : null}
          </tbody>
        </table>
      </div>
      <OrderCodes ctx={ctx} codes={order.codes} currency={order.currency} />
      <h2>{t('orderAdmin.address')}</h2>
      <address>
        {a.name}
        <br />
        {a.street} {a.houseNumber}
        {a.addition ? ` ${a.addition}` : ''}
        <br />
        {a.postcode} {a.city}
        <br />
        {a.country}
        <br />
        {order.email}
      </address>
      <p>
        {t('orderAdmin.payment')}: {paymentMethodName(t, order.paymentMethod)}
      </p>
      {order.actions.length > 0 ? <h2>{t('orderAdmin.actions')}</h2> : null}
      {has('mark-paid') ? (
        <form method="post" action={`${action}/mark-paid`}>
          <CsrfField ctx={ctx} />
          <button type="submit">{t('orderAdmin.markPaid')}</button>
        </form>
      ) : null}
      {has('mark-refunded') ? (
        <form method="post" action={`${action}/mark-refunded`}>
          <CsrfField ctx={ctx} />
          <p class="hint">{t('orderAdmin.markRefundedHint', { amount: price(order.totalCents) })}</p>
          <button type="submit">{t('orderAdmin.markRefunded')}</button>
        </form>
      ) : null}
      {has('pack') ? (
        <form method="post" action={`${action}/pack`}>
          <CsrfField ctx={ctx} />
          <button type="submit">{t('orderAdmin.pack')}</button>
        </form>
      ) : null}
      {has('ship') ? (
        <form method="post" action={`${action}/ship`} aria-labelledby="ship-title">
          <h3 id="ship-title">{t('orderAdmin.ship')}</h3>
          <CsrfField ctx={ctx} />
          <SelectField
            id="carrier"
            label={t('orderAdmin.carrier')}
            value={forms.ship?.values.carrier ?? 'postnl'}
            options={CARRIER_IDS.map((c) => ({
              value: c,
              label: CARRIERS[c].label ?? t('orderAdmin.carrier.other'),
            }))}
            error={errorOf(forms.ship?.errors, 'carrier')}
            required
          />
          <TextField
            id="trackingCode"
            label={t('orderAdmin.trackingCode')}
            value={forms.ship?.values.trackingCode ?? ''}
            error={errorOf(forms.ship?.errors, 'trackingCode')}
            maxLength={60}
            required
          />
          <button type="submit">{t('orderAdmin.shipSubmit')}</button>
        </form>
      ) : null}
      {has('deliver') ? (
        <form method="post" action={`${action}/deliver`}>
          <CsrfField ctx={ctx} />
          <p class="hint">{t('orderAdmin.deliverHint')}</p>
          <button type="submit">{t('orderAdmin.deliver')}</button>
        </form>
      ) : null}
      {has('delay') ? (
        <form method="post" action={`${action}/delay`} aria-labelledby="delay-title">
          <h3 id="delay-title">{t('orderAdmin.delay')}</h3>
          <CsrfField ctx={ctx} />
          <div class="field">
            <label for="newDate">{t('orderAdmin.newDate')}</label>
            <input
              id="newDate"
              name="newDate"
              type="date"
              min={props.today}
              required
              value={forms.delay?.values.newDate ?? ''}
              aria-invalid={errorOf(forms.delay?.errors, 'newDate') ? 'true' : undefined}
              aria-describedby={errorOf(forms.delay?.errors, 'newDate') ? 'newDate-error' : undefined}
            />
            {errorOf(forms.delay?.errors, 'newDate') ? (
              <p class="error" id="newDate-error">
                {errorOf(forms.delay?.errors, 'newDate')}
              </p>
            ) : null}
          </div>
          <TextArea
            id="message"
            label={t('orderAdmin.message')}
            hint={t('orderAdmin.messageHint')}
            value={forms.delay?.values.message ?? ''}
            error={errorOf(forms.delay?.errors, 'message')}
            maxLength={2000}
          />
          <button type="submit">{t('orderAdmin.delaySubmit')}</button>
        </form>
      ) : null}
      {has('cancel') ? (
        <form method="post" action={`${action}/cancel`} aria-labelledby="cancel-title">
          <h3 id="cancel-title">{t('orderAdmin.cancel')}</h3>
          <p class="hint">{t('orderAdmin.cancelHint')}</p>
          <CsrfField ctx={ctx} />
          <button type="submit" class="secondary">
            {t('orderAdmin.cancelSubmit')}
          </button>
        </form>
      ) : null}
      <h2>{t('orderAdmin.timeline')}</h2>
      <ol>
        {order.timeline.map((e) => (
          <li key={`${e.at}-${e.kind}`}>
            <time dateTime={e.at}>{when.format(new Date(e.at))}</time>: {eventLabel(t, e.kind)}
            {e.staffName
              ? ` (${t('orderAdmin.by', { name: e.staffName })})`
              : e.actor !== 'staff'
                ? ` (${t(`orderAdmin.actor.${e.actor}` as MessageKey)})`
                : ''}
            {e.text ? ` — ${eventText(t, e.kind, e.text)}` : ''}
          </li>
        ))}
      </ol>
    </AdminLayout>
  );
}

/** Events that are not a status change, in words. */
const EVENT_LABELS = new Set([
  'placed',
  'delayed',
  'refunded',
  'refund-pending',
  'payment-failed',
  'payment-expired',
  'payment-canceled',
  'payment-amount-mismatch',
  'payment-refund-due',
]);

/** An event's note as staff read it: a shipment's carrier by its name ("PostNL 3S…", recorded as "postnl 3S…"). */
function eventText(t: PageCtx['t'], kind: string, text: string): string {
  const shipped = kind === 'shipped' ? /^(\S+) (\S+)$/.exec(text) : null;
  if (!shipped || !isCarrier(shipped[1]!)) return text;
  return `${CARRIERS[shipped[1]].label ?? t('orderAdmin.carrier.other')} ${shipped[2]}`;
}

function eventLabel(t: PageCtx['t'], kind: string): string {
  if (EVENT_LABELS.has(kind)) return t(`orderAdmin.event.${kind}` as MessageKey);
  // a kind without words yet (a newer event) shows as it is recorded rather than not at all
  return isOrderStatus(kind) ? t(`orderAdmin.status.${kind}` as MessageKey) : kind;
}
