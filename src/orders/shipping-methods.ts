import type { Temporal } from 'temporal-polyfill';
import type { Config } from '../config.ts';
import { type DeliveryPromise, deliveryPromise } from './delivery-promise.ts';
import { demoCalendars, type ShippingCalendar } from './shipping-calendar.ts';

/**
 * The shop's shipping methods and prices, in one place; the cart, the checkout and the API all read
 * them from here. Prices are cents including VAT.
 */
export const SHIPPING = {
  /** Mailbox parcel: € 3,95, only when every line fits through the mailbox and the parcel weighs at most 2 kg. */
  mailbox: { priceCents: 395, maxWeightGrams: 2000 },
  /** Parcel: € 6,95, always possible. */
  parcel: { priceCents: 695 },
  /** From this amount of goods (incl. VAT) shipping is free, whatever the method. Default € 50. */
  freeFromCents: 5000,
  /** VAT rate on shipping costs (NL: follows the main supply; the demo shop sells at 21 %). */
  vatRate: 21,
} as const;

export type ShippingMethod = 'mailbox' | 'parcel';
export const SHIPPING_METHODS: readonly ShippingMethod[] = ['mailbox', 'parcel'];

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

/** Whether the method can carry this cart: a mailbox parcel needs every line to fit and at most 2 kg. */
export function methodFits(method: ShippingMethod, cart: ShippableCart): boolean {
  if (method === 'parcel') return true;
  return cart.allMailboxFit && cart.weightGrams <= SHIPPING.mailbox.maxWeightGrams;
}

/** Shipping cost of a cart by this method: free from the threshold. */
export function shippingPrice(method: ShippingMethod, itemsCents: number): number {
  return itemsCents >= SHIPPING.freeFromCents ? 0 : SHIPPING[method].priceCents;
}

/** The shipping calendar of a method, in the shop's time zone. */
export function calendarFor(method: ShippingMethod, config: Config): ShippingCalendar {
  const calendar = demoCalendars.find((c) => c.method === method);
  if (!calendar) throw new Error(`no shipping calendar for ${method}`);
  return { ...calendar, timeZone: config.shopTimezone };
}

/**
 * Every method with its price for this cart, whether it can carry the cart, and the delivery promise
 * for an order placed at `now`; the cheapest available method first.
 */
export function shippingOptions(
  cart: ShippableCart,
  config: Config,
  now: Temporal.Instant,
): ShippingOption[] {
  return SHIPPING_METHODS.map((method) => ({
    method,
    available: methodFits(method, cart),
    priceCents: shippingPrice(method, cart.itemsCents),
    promise: deliveryPromise(calendarFor(method, config), now),
  })).sort((a, b) => Number(b.available) - Number(a.available) || a.priceCents - b.priceCents);
}
