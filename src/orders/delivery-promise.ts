import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import type { ShippingCalendar } from './shipping-calendar.ts';

export type DeliveryPromise = {
  /** The day the order leaves the shop (shop's zone). */
  dispatchDate: Temporal.PlainDate;
  /** The day the carrier delivers it (shop's zone). */
  deliveryDate: Temporal.PlainDate;
  /** The cut-off moment that still makes this promise: order before it. */
  orderBefore: Temporal.ZonedDateTime;
  /** Real elapsed time from `now` until `orderBefore`, in hours, minutes, seconds… */
  remaining: Temporal.Duration;
};

/** A year is more than enough; a calendar that finds no day in it is misconfigured. */
const SEARCH_DAYS = 366;

/**
 * The delivery date promised to an order placed at `now` with this shipping method.
 *
 * The order is dispatched on the first dispatch day (a dispatch weekday that is neither a public
 * holiday nor a closing day) whose cut-off is still ahead, and delivered on the `transitDays`-th
 * carrier delivery day (a delivery weekday that is not a public holiday) after that. Dates and
 * cut-offs are reckoned in the calendar's zone, so the result is right across daylight-saving
 * changes; a cut-off that falls in a skipped hour takes effect when the clock jumps past it.
 * The promise never gets earlier as `now` moves later. Throws only for a calendar that has no
 * dispatch or delivery day within a year, or fewer than one transit day.
 */
export function deliveryPromise(calendar: ShippingCalendar, now: Temporal.Instant): DeliveryPromise {
  if (!Number.isInteger(calendar.transitDays) || calendar.transitDays < 1) {
    throw new RangeError(`Shipping method ${calendar.method}: transitDays must be a whole number ≥ 1`);
  }
  const local = now.toZonedDateTimeISO(calendar.timeZone);

  let dispatchDate = local.toPlainDate();
  let orderBefore = cutoffOn(calendar, dispatchDate);
  for (let i = 0; !isDispatchDay(calendar, dispatchDate) || !isBefore(now, orderBefore); i++) {
    if (i === SEARCH_DAYS) throw new RangeError(`Shipping method ${calendar.method} never dispatches`);
    dispatchDate = dispatchDate.add({ days: 1 });
    orderBefore = cutoffOn(calendar, dispatchDate);
  }

  let deliveryDate = dispatchDate;
  for (let found = 0, i = 0; found < calendar.transitDays; i++) {
    if (i === SEARCH_DAYS) throw new RangeError(`Shipping method ${calendar.method} never delivers`);
    deliveryDate = deliveryDate.add({ days: 1 });
    if (isDeliveryDay(calendar, deliveryDate)) found++;
  }

  const remaining = now.until(orderBefore.toInstant(), { largestUnit: 'hours' });
  return { dispatchDate, deliveryDate, orderBefore, remaining };
}

function isBefore(now: Temporal.Instant, moment: Temporal.ZonedDateTime): boolean {
  return Temporal.Instant.compare(now, moment.toInstant()) < 0;
}

/** The first moment on `date` at which the shop's clock reads the cut-off time or later. */
function cutoffOn(calendar: ShippingCalendar, date: Temporal.PlainDate): Temporal.ZonedDateTime {
  const wall = date.toPlainDateTime(new Temporal.PlainTime(calendar.cutoff.hour, calendar.cutoff.minute));
  const zoned = wall.toZonedDateTime(calendar.timeZone); // a repeated time counts at its first reading
  if (zoned.toPlainDateTime().equals(wall)) return zoned;
  // A skipped time passes when the clock jumps, the transition that follows its earlier reading.
  const beforeJump = wall.toZonedDateTime(calendar.timeZone, { disambiguation: 'earlier' });
  return beforeJump.getTimeZoneTransition('next') ?? zoned;
}

function isDispatchDay(calendar: ShippingCalendar, date: Temporal.PlainDate): boolean {
  return (
    calendar.dispatchWeekdays.includes(date.dayOfWeek) &&
    !calendar.closedDates.includes(date.toString()) &&
    !isPublicHoliday(calendar.country, date)
  );
}

function isDeliveryDay(calendar: ShippingCalendar, date: Temporal.PlainDate): boolean {
  return calendar.deliveryWeekdays.includes(date.dayOfWeek) && !isPublicHoliday(calendar.country, date);
}

// date-holidays is slow to construct and to compute a year: one instance per country, one set per year.
const holidayCalendars = new Map<string, Holidays>();
const publicHolidays = new Map<string, Set<string>>();

function isPublicHoliday(country: string, date: Temporal.PlainDate): boolean {
  const key = `${country}:${date.year}`;
  let days = publicHolidays.get(key);
  if (!days) {
    days = new Set(
      holidaysOf(country)
        .getHolidays(date.year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    publicHolidays.set(key, days);
  }
  return days.has(date.toString());
}

function holidaysOf(country: string): Holidays {
  let holidays = holidayCalendars.get(country);
  if (!holidays) {
    holidays = new Holidays();
    if (!(country.toUpperCase() in holidays.getCountries())) {
      throw new RangeError(`date-holidays does not know the country "${country}"`);
    }
    holidays.init(country);
    holidayCalendars.set(country, holidays);
  }
  return holidays;
}
