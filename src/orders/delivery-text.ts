import { Temporal } from 'temporal-polyfill';
import type { Locale } from '../config.ts';
import type { DeliveryPromise } from './delivery-promise.ts';
import type { OrderMessageKey } from './messages.ts';

/** Any translator that knows the order messages, such as `translator(locale)` from `web/i18n/messages.ts`. */
export type OrderTranslate = (key: OrderMessageKey, params?: Record<string, string | number>) => string;

/** Closer than this to the cut-off, the text counts down instead of naming the time. */
const COUNTDOWN_FROM = Temporal.Duration.from({ hours: 6 });

const intlLocale: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The delivery promise as one line for a product page, lookup result or cart:
 * "Vóór 23:59 besteld, dinsdag 2 december in je brievenbus" /
 * "Order within 2 h 13 min, delivered tomorrow".
 *
 * `now` is the moment of display and must lie before `promise.orderBefore` (a promise made at or
 * shortly before `now`); the countdown is measured from it, rounded down to whole minutes. More
 * than six hours ahead the cut-off is named by its time, with "tomorrow" or the weekday when it is
 * not today. The `'mailbox'` method is worded as through the letterbox, any other as delivered.
 * Dates and times are written in the zone of `promise.orderBefore`, the shop's zone.
 */
export function deliveryText(
  t: OrderTranslate,
  locale: Locale,
  promise: DeliveryPromise,
  method: string,
  now: Temporal.Instant,
): string {
  const timeZone = promise.orderBefore.timeZoneId;
  const today = now.toZonedDateTimeISO(timeZone).toPlainDate();
  const tomorrow = today.add({ days: 1 });
  const remaining = now.until(promise.orderBefore.toInstant(), { largestUnit: 'hours' });

  let order: string;
  if (Temporal.Duration.compare(remaining, COUNTDOWN_FROM) <= 0) {
    order = t('delivery.orderWithin', { duration: countdown(t, remaining) });
  } else {
    const time = format(
      locale,
      timeZone,
      { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
      promise.orderBefore,
    );
    const cutoffDay = promise.orderBefore.toPlainDate();
    if (cutoffDay.equals(today)) order = t('delivery.orderBefore', { time });
    else if (cutoffDay.equals(tomorrow)) order = t('delivery.orderBeforeTomorrow', { time });
    else order = t('delivery.orderBeforeDay', { time, day: formatDate(locale, timeZone, cutoffDay, false) });
  }

  const mailbox = method === 'mailbox';
  const delivery = promise.deliveryDate.equals(tomorrow)
    ? t(mailbox ? 'delivery.mailboxTomorrow' : 'delivery.doorTomorrow')
    : t(mailbox ? 'delivery.mailbox' : 'delivery.door', {
        date: formatDate(locale, timeZone, promise.deliveryDate, true),
      });
  return t('delivery.promise', { order, delivery });
}

function countdown(t: OrderTranslate, remaining: Temporal.Duration): string {
  const total = Math.max(1, Math.floor(remaining.total('minutes')));
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return t('delivery.minutes', { minutes });
  if (minutes === 0) return t('delivery.hours', { hours });
  return t('delivery.hoursMinutes', { hours, minutes });
}

/** "dinsdag 2 december" / "Tuesday 2 December", or the weekday alone. */
function formatDate(locale: Locale, timeZone: string, date: Temporal.PlainDate, withDay: boolean): string {
  const options: Intl.DateTimeFormatOptions = withDay
    ? { weekday: 'long', day: 'numeric', month: 'long' }
    : { weekday: 'long' };
  return format(locale, timeZone, options, date.toZonedDateTime(timeZone));
}

function format(
  locale: Locale,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
  moment: Temporal.ZonedDateTime,
): string {
  const key = `${locale}:${timeZone}:${JSON.stringify(options)}`;
  let formatter = formats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone });
    formats.set(key, formatter);
  }
  return formatter.format(moment.epochMilliseconds);
}
