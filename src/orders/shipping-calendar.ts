/**
 * When one shipping method dispatches and when its carrier delivers. All times are wall-clock
 * times in `timeZone`; `deliveryPromise` turns them into dates and moments. Made from the shop's
 * shipping settings by `calendarFor` (shipping-methods.ts).
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
