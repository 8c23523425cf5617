/**
 * When one shipping method dispatches and when its carrier delivers. All times are wall-clock
 * times in `timeZone`; `deliveryPromise` turns them into dates and moments.
 */
export type ShippingCalendar = {
  /** The shipping method this calendar belongs to: 'mailbox', 'parcel', … */
  method: string;
  /** Orders placed before this local time on a dispatch day are dispatched that day. */
  cutoff: { hour: number; minute: number };
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which the shop dispatches. */
  dispatchWeekdays: number[];
  /** ISO weekdays on which the carrier delivers (mailbox parcels in NL: Tuesday–Saturday). */
  deliveryWeekdays: number[];
  /** Carrier delivery days between dispatch and delivery; 1 = the next delivery day. At least 1. */
  transitDays: number;
  /** ISO country whose public holidays (date-holidays, type 'public' only) stop dispatch and delivery. */
  country: string;
  /** The shop's own closing days, 'YYYY-MM-DD': no dispatch (the carrier still delivers). */
  closedDates: string[];
  /** The shop's IANA time zone, normally `config.shopTimezone`. */
  timeZone: string;
};

/**
 * The demo shop's two methods. Mailbox parcels are not dispatched on Saturday: with no delivery
 * on Sunday or Monday a Saturday dispatch would still arrive on Tuesday, like a Monday one.
 * Callers with another shop zone spread in `{ ...calendar, timeZone: config.shopTimezone }`.
 */
export const demoCalendars: ShippingCalendar[] = [
  {
    method: 'mailbox',
    cutoff: { hour: 23, minute: 59 },
    dispatchWeekdays: [1, 2, 3, 4, 5],
    deliveryWeekdays: [2, 3, 4, 5, 6],
    transitDays: 1,
    country: 'NL',
    closedDates: [],
    timeZone: 'Europe/Amsterdam',
  },
  {
    method: 'parcel',
    cutoff: { hour: 22, minute: 0 },
    dispatchWeekdays: [1, 2, 3, 4, 5],
    deliveryWeekdays: [1, 2, 3, 4, 5, 6],
    transitDays: 1,
    country: 'NL',
    closedDates: [],
    timeZone: 'Europe/Amsterdam',
  },
];
