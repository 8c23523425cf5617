import type { OrderAppliance } from '../../customers/appliances/order-appliances.ts';
import { SaveOrderAppliances } from '../../customers/appliances/pages/save-appliance.tsx';
import { paymentMethodName } from '../../payments/payment-method-name.ts';
import { Notice } from '../../staff/pages/fields.tsx';
import { Layout } from '../../web/components/layout.tsx';
import { formatDate, formatPrice } from '../../web/i18n/format.ts';
import type { MessageKey } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import { BANK_TRANSFER } from '../bank-transfer.ts';
import { isOrderStatus } from '../order-states.ts';
import type { WithdrawalWindow } from '../withdraw-order.ts';
import type { OrderPageView } from './order-page-view.ts';

/** A status in words; an unknown one as it is stored. */
export function statusText(ctx: PageCtx, status: string): string {
  return isOrderStatus(status) ? ctx.t(`orderPage.status.${status}` as MessageKey) : status;
}

/** A promised date (YYYY-MM-DD) in words, e.g. "1 december 2026". */
export function dayText(ctx: PageCtx, date: string): string {
  return formatDate(`${date}T12:00:00Z`, ctx.locale, 'UTC');
}

/**
 * The order page behind the signed link: status timeline, lines and totals, delivery, address, how to
 * pay while the payment is due, and the two ways out — cancel before shipping, withdraw until 14 days
 * after delivery.
 */
export function OrderPage({
  ctx,
  order,
  token,
  cancellable,
  withdrawal,
  notice,
  appliances,
}: {
  ctx: PageCtx;
  order: OrderPageView;
  token: string;
  cancellable: boolean;
  withdrawal: WithdrawalWindow;
  notice?: string | undefined;
  /** A signed-in customer's own order: the appliances its lines were bought for, to save to "my appliances". */
  appliances?: OrderAppliance[] | undefined;
}) {
  const { t, locale } = ctx;
  const price = (cents: number) => formatPrice(cents, locale, order.currency);
  const link = (path: string) => `/order/${encodeURIComponent(order.number)}${path}?t=${token}`;
  const a = order.address;
  return (
    <Layout ctx={ctx} title={t('orderPage.title', { number: order.number })} noindex>
      <h1>{t('orderPage.title', { number: order.number })}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <p>
        {t('orderPage.status')}: <strong>{statusText(ctx, order.status)}</strong>
      </p>
      <section aria-labelledby="timeline">
        <h2 id="timeline">{t('orderPage.timeline')}</h2>
        <ol>
          {order.events.map((e) => (
            <li key={`${e.at}-${e.kind}`}>
              <time datetime={e.at}>{formatDate(e.at, locale, ctx.timeZone, true)}</time>:{' '}
              {e.kind === 'placed'
                ? t('orderPage.event.placed')
                : t('orderPage.event.other', { status: statusText(ctx, e.toStatus ?? e.kind) })}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="lines">
        <h2 id="lines">{t('orderPage.lines')}</h2>
        <ul>
          {order.lines.map((l) => (
            <li key={l.sku}>
              {l.quantity} × {l.name}: {price(l.unitPriceCents * l.quantity)}
            </li>
          ))}
        </ul>
        <dl class="totals">
          <dt>{t('orderPage.shipping')}</dt>
          <dd>{order.shippingCents === 0 ? t('orderPage.free') : price(order.shippingCents)}</dd>
          {order.discountCents > 0 ? (
            <>
              <dt>{t('voucher.discountPlain')}</dt>
              <dd>− {price(order.discountCents)}</dd>
            </>
          ) : null}
          <dt>{t('orderPage.total')}</dt>
          <dd>
            <strong>{price(order.totalCents)}</strong>
          </dd>
          {order.giftCardCents > 0 ? (
            <>
              <dt>{t('voucher.giftCardPlain')}</dt>
              <dd>− {price(order.giftCardCents)}</dd>
            </>
          ) : null}
          {Object.entries(order.vatCents).map(([rate, cents]) => (
            <>
              <dt>{t('orderPage.vat', { rate })}</dt>
              <dd>{price(cents)}</dd>
            </>
          ))}
        </dl>
      </section>
      {appliances ? <SaveOrderAppliances ctx={ctx} appliances={appliances} /> : null}
      <section aria-labelledby="delivery">
        <h2 id="delivery">{t('orderPage.delivery')}</h2>
        <p>{t('orderPage.deliveryPromise', { date: dayText(ctx, order.deliveryDate) })}</p>
        <h3>{t('orderPage.address')}</h3>
        <address>
          {a.name}
          <br />
          {a.street} {a.houseNumber}
          {a.addition ? ` ${a.addition}` : ''}
          <br />
          {a.postcode} {a.city}
          <br />
          {a.country}
        </address>
      </section>
      <section aria-labelledby="payment">
        <h2 id="payment">{t('orderPage.payment')}</h2>
        <p>{paymentMethodName(t, order.paymentMethod)}</p>
        {order.status === 'awaiting_payment' && order.paymentMethod === 'bank-transfer' ? (
          <p>
            {t('orderPage.howToPay', {
              amount: price(order.totalCents - order.giftCardCents),
              iban: BANK_TRANSFER.iban,
              bic: BANK_TRANSFER.bic,
              holder: ctx.shopName,
              number: order.number,
            })}
          </p>
        ) : null}
      </section>
      {cancellable ? (
        <p>
          <a class="button" href={link('/cancel')}>
            {t('orderPage.cancel')}
          </a>{' '}
          <span class="hint">{t('orderPage.cancelHint')}</span>
        </p>
      ) : null}
      {withdrawal.open ? (
        <p>
          <a class="button" href={link('/withdraw')}>
            {t('withdrawal.button')}
          </a>{' '}
          <span class="hint">
            {withdrawal.lastDay
              ? t('orderPage.withdrawHint', { date: dayText(ctx, withdrawal.lastDay) })
              : t('orderPage.withdrawHintBeforeDelivery')}
          </span>
        </p>
      ) : withdrawal.reason === 'window-closed' ? (
        <p>
          {t('withdrawal.closed', { number: order.number, date: dayText(ctx, withdrawal.lastDay) })}{' '}
          {t('withdrawal.contact')}
        </p>
      ) : null}
    </Layout>
  );
}
