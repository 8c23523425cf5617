import { KeepOffer } from '../../customers/auth/pages/keep-offer.tsx';
import { isOnlineMethod } from '../../payments/payment-provider.ts';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { Layout } from '../../web/components/layout.tsx';
import { formatPrice } from '../../web/i18n/format.ts';
import type { PageCtx } from '../../web/page-context.ts';
import { BANK_TRANSFER } from '../bank-transfer.ts';
import type { OrderView } from '../find-order.ts';

/** After checkout: the order, when it arrives, and for bank transfer exactly what to transfer. */
export function ConfirmationPage({
  ctx,
  order,
  deliveryDate,
  payPath,
  paymentUnavailable,
}: {
  ctx: PageCtx;
  order: OrderView;
  deliveryDate: string;
  /** Where the "pay (again)" form posts, for an order paid online that still waits for its money. */
  payPath: string;
  /** The payment provider could not be reached on the last try. */
  paymentUnavailable: boolean;
}) {
  const { t, locale } = ctx;
  const price = (cents: number) => formatPrice(cents, locale, order.currency);
  // the signed token this page was opened with: "keep my appliance" proves with it that this is the buyer
  const orderToken = new URL(ctx.url, 'http://x').searchParams.get('t');
  return (
    <Layout ctx={ctx} title={t('confirmation.title')} noindex>
      <h1>{t('confirmation.title')}</h1>
      <dl class="totals">
        <dt>{t('confirmation.number')}</dt>
        <dd>
          <strong>{order.number}</strong>
        </dd>
        <dt>{t('confirmation.total')}</dt>
        <dd>{price(order.totalCents)}</dd>
        {order.giftCardCents > 0 ? (
          <>
            <dt>{t('voucher.giftCardPlain')}</dt>
            <dd>− {price(order.giftCardCents)}</dd>
            <dt>{t('voucher.due')}</dt>
            <dd>{price(order.totalCents - order.giftCardCents)}</dd>
          </>
        ) : null}
      </dl>
      <p class="promise">{t('confirmation.deliveryAfterPayment', { date: deliveryDate })}</p>
      <p>{t('confirmation.emailSent', { email: order.email })}</p>
      {order.paymentMethod === 'bank-transfer' && order.totalCents - order.giftCardCents > 0 ? (
        <section aria-labelledby="how-to-pay">
          <h2 id="how-to-pay">{t('confirmation.howToPay')}</h2>
          <dl class="totals">
            <dt>{t('confirmation.amount')}</dt>
            <dd>{price(order.totalCents - order.giftCardCents)}</dd>
            <dt>{t('confirmation.iban')}</dt>
            <dd class="nowrap">{BANK_TRANSFER.iban}</dd>
            <dt>{t('confirmation.bic')}</dt>
            <dd>{BANK_TRANSFER.bic}</dd>
            <dt>{t('confirmation.holder')}</dt>
            <dd>{ctx.shopName}</dd>
            <dt>{t('confirmation.reference')}</dt>
            <dd>{order.number}</dd>
          </dl>
          <p class="hint">{t('confirmation.referenceHint')}</p>
        </section>
      ) : null}
      {isOnlineMethod(order.paymentMethod) && order.status === 'awaiting_payment' ? (
        <section aria-labelledby="how-to-pay">
          <h2 id="how-to-pay">{t('confirmation.howToPay')}</h2>
          {paymentUnavailable ? (
            <p class="notice error" role="alert">
              {t('payment.unavailable')}
            </p>
          ) : (
            <p>{t('payment.waiting')}</p>
          )}
          <form method="post" action={payPath}>
            <CsrfField ctx={ctx} />
            <button type="submit">{t('payment.payAgain')}</button>
          </form>
        </section>
      ) : null}
      {isOnlineMethod(order.paymentMethod) && order.status === 'paid' ? <p>{t('payment.received')}</p> : null}
      {order.customerId === null && orderToken ? (
        <KeepOffer
          ctx={ctx}
          orderNumber={order.number}
          orderToken={orderToken}
          email={order.email}
          hasAppliance={order.lines.some((l) => l.applianceId !== null)}
        />
      ) : null}
      <h2>{t('confirmation.lines')}</h2>
      <ul>
        {order.lines.map((l) => (
          <li key={l.sku}>
            {l.quantity} × {l.name}: {price(l.unitPriceCents * l.quantity)}
          </li>
        ))}
        <li>
          {t('checkout.shipping')}:{' '}
          {order.shippingCents === 0 ? t('checkout.free') : price(order.shippingCents)}
        </li>
        {order.discountCents > 0 ? (
          <li>
            {t('voucher.discountPlain')}: − {price(order.discountCents)}
          </li>
        ) : null}
      </ul>
    </Layout>
  );
}
