import type { Ctx } from '../context.ts';
import { deliveryPromise } from './delivery-promise.ts';
import { deliveryText, type OrderTranslate } from './delivery-text.ts';
import { calendarFor, enabledMethods, methodFits } from './shipping-methods.ts';
import type { ShippingSettings } from './shipping-settings.ts';

/**
 * The delivery promise for buying this product alone, in words ("Vóór 23:59 besteld, dinsdag 2 december in je
 * brievenbus"): by the first method the shop offers that can carry it (a mailbox parcel when it fits one,
 * otherwise a parcel). Null when no method the shop offers can. Shown on product pages and lookup results; the
 * cart shows the promise for the whole cart.
 */
export function productPromise(
  ctx: Pick<Ctx, 'clock' | 'config' | 'locale'>,
  shipping: ShippingSettings,
  t: OrderTranslate,
  product: { mailboxFit: boolean; weightGrams: number },
): string | null {
  const now = ctx.clock.now();
  const cart = { itemsCents: 0, weightGrams: product.weightGrams, allMailboxFit: product.mailboxFit };
  const method = enabledMethods(shipping).find((m) => methodFits(m, cart));
  if (!method) return null;
  const calendar = calendarFor(shipping, method, ctx.config.shopTimezone);
  return deliveryText(t, ctx.locale, deliveryPromise(calendar, now), method.method, now);
}
