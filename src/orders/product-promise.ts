import type { Ctx } from '../context.ts';
import { deliveryPromise } from './delivery-promise.ts';
import { deliveryText, type OrderTranslate } from './delivery-text.ts';
import { calendarFor, methodFits } from './shipping-methods.ts';

/**
 * The delivery promise for buying this product alone, in words ("Vóór 23:59 besteld, dinsdag 2 december in je
 * brievenbus"): by mailbox parcel when it fits one, otherwise as a parcel. Shown on product pages and lookup
 * results; the cart shows the promise for the whole cart.
 */
export function productPromise(
  ctx: Pick<Ctx, 'clock' | 'config' | 'locale'>,
  t: OrderTranslate,
  product: { mailboxFit: boolean; weightGrams: number },
): string {
  const now = ctx.clock.now();
  const mailbox = methodFits('mailbox', {
    itemsCents: 0,
    weightGrams: product.weightGrams,
    allMailboxFit: product.mailboxFit,
  });
  const method = mailbox ? 'mailbox' : 'parcel';
  return deliveryText(t, ctx.locale, deliveryPromise(calendarFor(method, ctx.config), now), method, now);
}
