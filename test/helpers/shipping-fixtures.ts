import type { ShippingCalendar } from '../../src/orders/shipping-calendar.ts';

/**
 * The demo shop's two calendars, as migration 0015 seeds them (and as they were when they were code constants):
 * the delivery-promise tests are written against them. Mailbox parcels are not dispatched on Saturday: with no
 * delivery on Sunday or Monday a Saturday dispatch would still arrive on Tuesday, like a Monday one.
 */
export const demoCalendars: [mailbox: ShippingCalendar, parcel: ShippingCalendar] = [
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
