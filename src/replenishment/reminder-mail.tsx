import type { Config, Locale } from '../config.ts';
import { mailDocument } from '../messaging/mail-document.tsx';
import type { RenderedMessage } from '../messaging/rendered-message.ts';
import { formatDay, formatPrice } from '../web/i18n/format.ts';
import { translator } from '../web/i18n/messages.ts';

/** What a replenishment reminder needs; both languages' names, since the gateway picks the language at send time. */
export type ReplenishmentReminderData = {
  name: string | null;
  productNl: string;
  productEn: string;
  applianceName: string | null;
  quantity: number;
  /** The price quoted for the whole reminder line (quantity × unit), honoured until `priceValidUntil`. */
  quotedCents: number;
  currency: string;
  /** YYYY-MM-DD, the last day the quoted price holds. */
  priceValidUntil: string;
  /** YYYY-MM-DD, the predicted run-out date. */
  runOutOn: string;
  intervalDays: number;
  /** Absolute signed one-tap links. */
  links: { reorder: string; skip: string; snooze: string; interval: string; stop: string };
  preferencesUrl: string;
  /** Automatic reordering was on for the plan but could not place the order: why (see auto-reorder.ts). */
  autoFailed?: string;
};

/** "Running out soon": the predicted date, the price held for 7 days, and the five one-tap links. */
export function replenishmentReminder(
  data: ReplenishmentReminderData,
  locale: Locale,
  config: Config,
): RenderedMessage {
  const t = translator(locale);
  const shop = config.shopName;
  const never = data.autoFailed
    ? t('mail.replenish.autoFailed', {
        reason: t(`replenish.auto.reason.${data.autoFailed}` as 'replenish.auto.reason.no-address'),
      })
    : t('mail.replenish.never');
  const product = locale === 'nl' ? data.productNl : data.productEn;
  const subject = t('mail.replenish.subject', { product });
  const greeting = data.name
    ? t('mail.replenish.greeting', { name: data.name })
    : t('mail.replenish.greetingAnon');
  const intro = t('mail.replenish.intro', {
    product,
    appliance: data.applianceName ? `(${data.applianceName}) ` : '',
    date: formatDay(data.runOutOn, locale, 'full'),
    days: data.intervalDays,
  });
  const price = t('mail.replenish.price', {
    price: formatPrice(data.quotedCents, locale, data.currency),
    quantity: data.quantity,
    until: formatDay(data.priceValidUntil, locale, 'full'),
  });
  const links = [
    ['mail.replenish.reorder', data.links.reorder],
    ['mail.replenish.skip', data.links.skip],
    ['mail.replenish.snooze', data.links.snooze],
    ['mail.replenish.interval', data.links.interval],
    ['mail.replenish.stop', data.links.stop],
  ] as const;
  const text = [
    greeting,
    '',
    intro,
    price,
    '',
    ...links.map(([key, url]) => `${t(key)}: ${url}`),
    '',
    never,
    `${t('mail.replenish.preferences')}: ${data.preferencesUrl}`,
    '',
    t('mail.replenish.signoff', { shop }),
    '',
  ].join('\n');
  const html = mailDocument(
    locale,
    subject,
    <>
      <p>{greeting}</p>
      <p>{intro}</p>
      <p>
        <strong>{price}</strong>
      </p>
      <ul>
        {links.map(([key, url]) => (
          <li key={key}>
            <a href={url}>{t(key)}</a>
          </li>
        ))}
      </ul>
      <p>{never}</p>
      <p>
        <a href={data.preferencesUrl}>{t('mail.replenish.preferences')}</a>
      </p>
      <p>{t('mail.replenish.signoff', { shop })}</p>
    </>,
  );
  return { subject, text, html };
}
