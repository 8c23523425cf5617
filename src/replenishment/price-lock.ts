import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';

/** How long the price quoted in a reminder is honoured: through the 7th day after the reminder (shop zone). */
export const PRICE_HONOURED_DAYS = 7;

/**
 * Promises a price for one product on one cart until `validUntil` (a reminder's reorder link does this). A
 * second promise for the same line keeps the lower price and the later end.
 */
export async function lockPrice(
  ctx: Ctx,
  input: { cartId: string; productId: string; priceCents: number; validUntil: string; source: string },
): Promise<void> {
  const existing = await ctx.db
    .selectFrom('price_locks')
    .select(['price_cents', 'valid_until'])
    .where('cart_id', '=', input.cartId)
    .where('product_id', '=', input.productId)
    .executeTakeFirst();
  if (existing) {
    await ctx.db
      .updateTable('price_locks')
      .set({
        price_cents: Math.min(existing.price_cents, input.priceCents),
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
    .values({ ...priceLockRow(input), created_at: isoNow(ctx.clock) })
    .execute();
}

function priceLockRow(input: {
  cartId: string;
  productId: string;
  priceCents: number;
  validUntil: string;
  source: string;
}) {
  return {
    cart_id: input.cartId,
    product_id: input.productId,
    price_cents: input.priceCents,
    valid_until: input.validUntil,
    source: input.source,
  };
}

/**
 * The promised prices on a cart that still hold now, by product id. The cart view and `placeOrder` charge
 * `honouredPrice(current, promised)` for those lines: never more than today's price, never more than promised.
 */
export async function lockedPrices(ctx: Ctx, cartId: string): Promise<Map<string, number>> {
  const rows = await ctx.db
    .selectFrom('price_locks')
    .select(['product_id', 'price_cents'])
    .where('cart_id', '=', cartId)
    .where('valid_until', '>', isoNow(ctx.clock))
    .execute();
  return new Map(rows.map((r) => [r.product_id, r.price_cents]));
}

/** The price charged for a line: today's, or the promised one when that is lower and still valid. */
export function honouredPrice(currentCents: number, lockedCents: number | undefined): number {
  return lockedCents === undefined ? currentCents : Math.min(currentCents, lockedCents);
}

/** A promise is used up by the order it was for: a later order from the same cart pays today's price. */
export async function releasePriceLocks(ctx: Ctx, cartId: string): Promise<void> {
  await ctx.db.deleteFrom('price_locks').where('cart_id', '=', cartId).execute();
}
