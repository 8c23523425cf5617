import type { Config, Locale } from '../../config.ts';
import { formatDay } from '../../web/i18n/format.ts';
import { translator } from '../../web/i18n/messages.ts';
import type { RenderedMessage } from '../rendered-message.ts';
import { orderMail } from './order-mail.tsx';

export type OrderShippedData = {
  number: string;
  name: string;
  /** The carrier's name (PostNL, DHL, DPD), or null for another carrier. */
  carrier: string | null;
  trackingCode: string;
  /** The carrier's tracking page for this parcel, or null when we know none (then the code only). */
  trackingUrl: string | null;
  /** YYYY-MM-DD, the delivery date promised now. */
  deliveryDate: string;
  /** The signed link to the order page. */
  orderUrl: string;
};

/** "Your order is on its way", in the order's language: the tracking link (or code), the date and the order link. */
export function orderShipped(data: OrderShippedData, locale: Locale, config: Config): RenderedMessage {
  const t = translator(locale);
  const shop = config.shopName;
  const subject = t('mail.orderShipped.subject', { number: data.number, shop });
  const sentWith = data.carrier
    ? t('mail.orderShipped.carrier', { carrier: data.carrier, code: data.trackingCode })
    : t('mail.orderShipped.code', { code: data.trackingCode });
  const delivery = t('mail.orderShipped.delivery', { date: formatDay(data.deliveryDate, locale, 'full') });

  const signoff = t('mail.orderConfirmation.signoff', { shop });

  return orderMail(
    locale,
    t,
    { subject, name: data.name, orderUrl: data.orderUrl, signoff },
    {
      text: [
        t('mail.orderShipped.intro', { number: data.number }),
        sentWith,
        ...(data.trackingUrl ? ['', `${t('mail.orderShipped.track')}: ${data.trackingUrl}`] : []),
        '',
        delivery,
      ],
      html: (
        <>
          <p>{t('mail.orderShipped.intro', { number: data.number })}</p>
          <p>{sentWith}</p>
          {data.trackingUrl ? (
            <p>
              <a href={data.trackingUrl}>{t('mail.orderShipped.track')}</a>
            </p>
          ) : null}
          <p>
            <strong>{delivery}</strong>
          </p>
        </>
      ),
    },
  );
}
