import type { Temporal } from 'temporal-polyfill';
import { type DeliveryPromise, deliveryPromise } from './delivery-promise.ts';
import type { ShippingCalendar } from './shipping-calendar.ts';
import type { MethodSettings, ShippingSettings } from './shipping-settings.ts';

/**
 * How the shop ships: which methods fit a cart, what they cost and when they deliver, all from the owner's
 * shipping settings (a `ShippingSettings` snapshot, see shipping-settings-service.ts). The cart, the checkout,
 * the API, product pages and lookup results read them through these functions.
 */

export type ShippingMethod = 'mailbox' | 'parcel';
/** The fixed set of methods; the owner switches them on and off and sets them up, but adds none. */
export const SHIPPING_METHODS: readonly ShippingMethod[] = ['mailbox', 'parcel'];

/** VAT rate on shipping costs (NL: follows the main supply; the demo shop sells at 21 %). */
export const SHIPPING_VAT_RATE = 21;

export function isShippingMethod(value: unknown): value is ShippingMethod {
  return typeof value === 'string' && (SHIPPING_METHODS as readonly string[]).includes(value);
}

/** What shipping needs to know of a cart. */
export type ShippableCart = { itemsCents: number; weightGrams: number; allMailboxFit: boolean };

export type ShippingOption = {
  method: ShippingMethod;
  available: boolean;
  priceCents: number;
  promise: DeliveryPromise;
};

/** The methods switched on, in SHIPPING_METHODS order. */
export function enabledMethods(settings: ShippingSettings): MethodSettings[] {
  return settings.methods.filter((m) => m.enabled);
}

/**
 * Whether the method can carry this cart: within its maximum weight, and for a mailbox parcel only when every
 * line fits through the mailbox. Says nothing of whether the method is switched on.
 */
export function methodFits(method: MethodSettings, cart: ShippableCart): boolean {
  if (method.maxWeightGrams !== null && cart.weightGrams > method.maxWeightGrams) return false;
  return method.method !== 'mailbox' || cart.allMailboxFit;
}

/** Shipping cost of a cart by this method: free from the threshold, if the shop has one. */
export function shippingPrice(
  settings: ShippingSettings,
  method: MethodSettings,
  itemsCents: number,
): number {
  return settings.freeFromCents !== null && itemsCents >= settings.freeFromCents ? 0 : method.priceCents;
}

/** The method's calendar in the shop's time zone, with the shop's holidays and closing days. */
export function calendarFor(
  settings: ShippingSettings,
  method: MethodSettings,
  timeZone: string,
): ShippingCalendar {
  return {
    method: method.method,
    cutoff: method.cutoff,
    dispatchWeekdays: method.dispatchWeekdays,
    deliveryWeekdays: method.deliveryWeekdays,
    transitDays: method.transitDays,
    country: settings.holidayCountry,
    closedDates: settings.closingDays.map((d) => d.date),
    timeZone,
  };
}

/**
 * Every method switched on, with its price for this cart, whether it can carry the cart, and the delivery
 * promise for an order placed at `now`; the cheapest available method first. A method switched off is not
 * listed at all.
 */
export function shippingOptions(
  settings: ShippingSettings,
  cart: ShippableCart,
  timeZone: string,
  now: Temporal.Instant,
): ShippingOption[] {
  return enabledMethods(settings)
    .map((m) => ({
      method: m.method,
      available: methodFits(m, cart),
      priceCents: shippingPrice(settings, m, cart.itemsCents),
      promise: deliveryPromise(calendarFor(settings, m, timeZone), now),
    }))
    .sort((a, b) => Number(b.available) - Number(a.available) || a.priceCents - b.priceCents);
}
