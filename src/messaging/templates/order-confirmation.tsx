import type { Config, Locale } from '../../config.ts';
import { formatDay, formatPrice } from '../../web/i18n/format.ts';
import { translator } from '../../web/i18n/messages.ts';
import type { RenderedMessage } from '../rendered-message.ts';
import { orderMail } from './order-mail.tsx';

export type OrderConfirmationData = {
  number: string;
  name: string;
  lines: { name: string; quantity: number; unitPriceCents: number }[];
  shippingCents: number;
  /** A voucher's discount on the items; absent or 0 without one. */
  discountCents?: number;
  totalCents: number;
  /** Paid with a gift card; the bank transfer asks for the rest. */
  giftCardCents?: number;
  /** VAT contained in the total, per rate: { "21": 412 }. */
  vatCents: Record<string, number>;
  currency: string;
  shippingMethod: string;
  paymentMethod: string;
  /** YYYY-MM-DD, the promised delivery date. */
  deliveryDate: string;
  /** The signed link to the order page. */
  orderUrl: string;
  /** Placed by automatic reordering, which the customer chose: where to turn it off. */
  automatic?: { remindersUrl: string };
};

/**
 * The order confirmation in the order's language, as HTML and plain text with the same content: the lines,
 * shipping, the total with its VAT, the delivery promise, how to pay by bank transfer and the signed link.
 */
export function orderConfirmation(
  data: OrderConfirmationData,
  locale: Locale,
  config: Config,
  bank: { iban: string; bic: string },
): RenderedMessage {
  const t = translator(locale);
  const price = (cents: number) => formatPrice(cents, locale, data.currency);
  const shop = config.shopName;
  const method = t(`checkout.method.${data.shippingMethod}` as 'checkout.method.parcel');
  const shipping = t('mail.orderConfirmation.shipping', { method });
  const shippingPrice =
    data.shippingCents === 0 ? t('mail.orderConfirmation.free') : price(data.shippingCents);
  const vat = Object.entries(data.vatCents).map(([rate, cents]) => ({
    label: t('mail.orderConfirmation.vat', { rate }),
    amount: price(cents),
  }));
  const delivery = t('mail.orderConfirmation.delivery', {
    date: formatDay(data.deliveryDate, locale, 'full'),
  });
  const transfer =
    data.paymentMethod === 'bank-transfer' && data.totalCents - (data.giftCardCents ?? 0) > 0
      ? t('mail.orderConfirmation.transfer', {
          amount: price(data.totalCents - (data.giftCardCents ?? 0)),
          iban: bank.iban,
          bic: bank.bic,
          holder: shop,
          number: data.number,
        })
      : null;
  const subject = t('mail.orderConfirmation.subject', { number: data.number, shop });
  const automatic = data.automatic ? t('mail.orderConfirmation.automatic') : null;
  const signoff = t('mail.orderConfirmation.signoff', { shop });

  const text = [
    t('mail.orderConfirmation.intro'),
    '',
    ...(automatic && data.automatic
      ? [automatic, `${t('mail.orderConfirmation.automaticOff')}: ${data.automatic.remindersUrl}`, '']
      : []),
    ...data.lines.map((l) => `${l.quantity} × ${l.name}: ${price(l.unitPriceCents * l.quantity)}`),
    `${shipping}: ${shippingPrice}`,
    ...(data.discountCents ? [`${t('voucher.discountPlain')}: − ${price(data.discountCents)}`] : []),
    `${t('mail.orderConfirmation.total')}: ${price(data.totalCents)}`,
    ...(data.giftCardCents
      ? [
          `${t('voucher.giftCardPlain')}: − ${price(data.giftCardCents)}`,
          `${t('voucher.due')}: ${price(data.totalCents - data.giftCardCents)}`,
        ]
      : []),
    ...vat.map((v) => `${v.label}: ${v.amount}`),
    '',
    delivery,
    ...(transfer ? ['', `${t('mail.orderConfirmation.howToPay')}: ${transfer}`] : []),
  ];

  const html = (
    <>
      <p>{t('mail.orderConfirmation.intro')}</p>
      {automatic && data.automatic ? (
        <p>
          <strong>{automatic}</strong>{' '}
          <a href={data.automatic.remindersUrl}>{t('mail.orderConfirmation.automaticOff')}</a>
        </p>
      ) : null}
      <table>
        <tbody>
          {data.lines.map((l) => (
            <tr key={l.name}>
              <td>
                {l.quantity} × {l.name}
              </td>
              <td align="right">{price(l.unitPriceCents * l.quantity)}</td>
            </tr>
          ))}
          <tr>
            <td>{shipping}</td>
            <td align="right">{shippingPrice}</td>
          </tr>
          {data.discountCents ? (
            <tr>
              <td>{t('voucher.discountPlain')}</td>
              <td align="right">− {price(data.discountCents)}</td>
            </tr>
          ) : null}
          <tr>
            <th align="left">{t('mail.orderConfirmation.total')}</th>
            <th align="right">{price(data.totalCents)}</th>
          </tr>
          {data.giftCardCents ? (
            <tr>
              <td>{t('voucher.giftCardPlain')}</td>
              <td align="right">− {price(data.giftCardCents)}</td>
            </tr>
          ) : null}
          {vat.map((v) => (
            <tr key={v.label}>
              <td>{v.label}</td>
              <td align="right">{v.amount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <strong>{delivery}</strong>
      </p>
      {transfer ? (
        <>
          <h2>{t('mail.orderConfirmation.howToPay')}</h2>
          <p>{transfer}</p>
        </>
      ) : null}
    </>
  );
  return orderMail(locale, t, { subject, name: data.name, orderUrl: data.orderUrl, signoff }, { text, html });
}
