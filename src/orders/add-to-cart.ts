import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { createCart } from './create-cart.ts';

export const MAX_QUANTITY = 99;

export type AddToCartResult =
  | { ok: true; cartId: string; quantity: number }
  | { ok: false; reason: 'unknown-product' | 'bad-quantity' | 'unknown-cart' | 'unknown-appliance' };

/**
 * Adds units of a product to a cart (creating the cart when `cartId` is null), adding to a line that already
 * holds the product, capped at 99 per line. Stock is not reserved here: that happens at checkout.
 * `applianceId` (from a lookup result or "my appliances") must name a known appliance; the line then remembers
 * it (the latest one given wins), and so will the order line.
 */
export async function addToCart(
  ctx: Ctx,
  cartId: string | null,
  sku: string,
  quantity: number,
  applianceId: string | null = null,
): Promise<AddToCartResult> {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY)
    return { ok: false, reason: 'bad-quantity' };
  const product = await ctx.db
    .selectFrom('products')
    .select('id')
    .where('sku', '=', sku)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!product) return { ok: false, reason: 'unknown-product' };
  if (applianceId !== null) {
    const appliance = await ctx.db
      .selectFrom('appliances')
      .select('id')
      .where('id', '=', applianceId)
      .executeTakeFirst();
    if (!appliance) return { ok: false, reason: 'unknown-appliance' };
  }
  const now = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    let id = cartId;
    if (id) {
      const cart = await trx.selectFrom('carts').select('id').where('id', '=', id).executeTakeFirst();
      if (!cart) return { ok: false, reason: 'unknown-cart' } as const;
      await trx.updateTable('carts').set({ updated_at: now }).where('id', '=', id).execute();
    } else {
      id = await createCart({ ...ctx, db: trx });
    }
    const line = await trx
      .selectFrom('cart_lines')
      .select('quantity')
      .where('cart_id', '=', id)
      .where('product_id', '=', product.id)
      .executeTakeFirst();
    const next = Math.min(MAX_QUANTITY, (line?.quantity ?? 0) + quantity);
    if (line) {
      await trx
        .updateTable('cart_lines')
        .set(applianceId === null ? { quantity: next } : { quantity: next, appliance_id: applianceId })
        .where('cart_id', '=', id)
        .where('product_id', '=', product.id)
        .execute();
    } else {
      await trx
        .insertInto('cart_lines')
        .values({
          cart_id: id,
          product_id: product.id,
          quantity: next,
          added_at: now,
          appliance_id: applianceId,
        })
        .execute();
    }
    return { ok: true, cartId: id, quantity: next } as const;
  });
}
