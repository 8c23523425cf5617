import type { Config, Locale } from '../../config.ts';
import { formatDay } from '../../web/i18n/format.ts';
import { translator } from '../../web/i18n/messages.ts';
import type { RenderedMessage } from '../rendered-message.ts';
import { orderMail } from './order-mail.tsx';

export type OrderDelayedData = {
  number: string;
  name: string;
  /** YYYY-MM-DD: the date we promised before, and the new one. */
  previousDate: string;
  newDate: string;
  /** The staff member's own words to the customer, or null. */
  message: string | null;
  /** Who signs the notice: the staff member who moved the date. */
  staffName: string;
  /** The signed link to the order page. */
  orderUrl: string;
};

/**
 * The delay notice ("keep communicating, also bad news"), in the order's language: the old and new date, the
 * staff member's message and their name under it, and the order link (where the customer may still cancel).
 */
export function orderDelayed(data: OrderDelayedData, locale: Locale, config: Config): RenderedMessage {
  const t = translator(locale);
  const shop = config.shopName;
  const subject = t('mail.orderDelayed.subject', { number: data.number, shop });
  const news = t('mail.orderDelayed.intro', {
    number: data.number,
    previous: formatDay(data.previousDate, locale, 'full'),
    date: formatDay(data.newDate, locale, 'full'),
  });
  const signoff = t('mail.orderDelayed.signoff', { name: data.staffName, shop });

  return orderMail(
    locale,
    t,
    { subject, name: data.name, orderUrl: data.orderUrl, signoff },
    {
      text: [news, ...(data.message ? ['', data.message] : []), '', t('mail.orderDelayed.sorry')],
      html: (
        <>
          <p>
            <strong>{news}</strong>
          </p>
          {data.message ? <p style="white-space: pre-line">{data.message}</p> : null}
          <p>{t('mail.orderDelayed.sorry')}</p>
        </>
      ),
    },
  );
}
