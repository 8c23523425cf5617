import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';

/** How long the price quoted in a reminder is honoured: through the 7th day after the reminder (shop zone). */
export const PRICE_HONOURED_DAYS = 7;

/** A price promised on a cart line, for at most `quantity` units. */
export type PriceLock = { priceCents: number; quantity: number };

/** Units of a cart line at one unit price: a line is one part, or two when a lock covers only some units. */
export type PricedUnits = { quantity: number; unitPriceCents: number };

/**
 * Promises a price for up to `quantity` units of one product on one cart until `validUntil` (a reminder's reorder
 * link does this, for the reminder's quantity). A second promise for the same line keeps the lower price, the later
 * end and the larger quantity: confirming the same link twice, or two reminders for one product, never stretch the
 * promise beyond the largest single reminder.
 */
export async function lockPrice(
  ctx: Ctx,
  input: {
    cartId: string;
    productId: string;
    priceCents: number;
    quantity: number;
    validUntil: string;
    source: string;
  },
): Promise<void> {
  const existing = await ctx.db
    .selectFrom('price_locks')
    .select(['price_cents', 'quantity', 'valid_until'])
    .where('cart_id', '=', input.cartId)
    .where('product_id', '=', input.productId)
    .executeTakeFirst();
  if (existing) {
    await ctx.db
      .updateTable('price_locks')
      .set({
        price_cents: Math.min(existing.price_cents, input.priceCents),
        quantity: Math.max(existing.quantity, input.quantity),
        // ISO instants sort as text: the later end
        valid_until: [existing.valid_until, input.validUntil].sort()[1]!,
        source: input.source,
      })
      .where('cart_id', '=', input.cartId)
      .where('product_id', '=', input.productId)
      .execute();
    return;
  }
  await ctx.db
    .insertInto('price_locks')
    .values({
      cart_id: input.cartId,
      product_id: input.productId,
      price_cents: input.priceCents,
      quantity: input.quantity,
      valid_until: input.validUntil,
      source: input.source,
      created_at: isoNow(ctx.clock),
    })
    .execute();
}

/**
 * The promised prices on a cart that still hold now, by product id. The cart view and `placeOrder` charge the
 * line through `pricedUnits`, so both always agree.
 */
export async function lockedPrices(ctx: Ctx, cartId: string): Promise<Map<string, PriceLock>> {
  const rows = await ctx.db
    .selectFrom('price_locks')
    .select(['product_id', 'price_cents', 'quantity'])
    .where('cart_id', '=', cartId)
    .where('valid_until', '>', isoNow(ctx.clock))
    .execute();
  return new Map(rows.map((r) => [r.product_id, { priceCents: r.price_cents, quantity: r.quantity }]));
}

/**
 * What a cart line of `quantity` units costs, as parts: the promised units (at most the lock's quantity) at the
 * lower of the promised and today's price, the rest at today's price. One part when every unit costs the same;
 * the promised part first. A promise never makes a unit dearer than today.
 */
export function pricedUnits(
  currentCents: number,
  quantity: number,
  lock: PriceLock | undefined,
): PricedUnits[] {
  if (!lock || lock.priceCents >= currentCents) return [{ quantity, unitPriceCents: currentCents }];
  const promised = Math.min(quantity, lock.quantity);
  const parts: PricedUnits[] = [{ quantity: promised, unitPriceCents: lock.priceCents }];
  if (quantity > promised) parts.push({ quantity: quantity - promised, unitPriceCents: currentCents });
  return parts;
}
