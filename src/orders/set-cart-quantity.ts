import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { MAX_QUANTITY } from './add-to-cart.ts';

/** Sets a line's quantity; 0 removes the line. Unknown carts or SKUs change nothing. */
export async function setCartQuantity(
  ctx: Ctx,
  cartId: string,
  sku: string,
  quantity: number,
): Promise<{ ok: true } | { ok: false; reason: 'bad-quantity' | 'unknown-line' }> {
  if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_QUANTITY)
    return { ok: false, reason: 'bad-quantity' };
  const product = await ctx.db.selectFrom('products').select('id').where('sku', '=', sku).executeTakeFirst();
  if (!product) return { ok: false, reason: 'unknown-line' };
  const where = ctx.db
    .selectFrom('cart_lines')
    .select('quantity')
    .where('cart_id', '=', cartId)
    .where('product_id', '=', product.id);
  if (!(await where.executeTakeFirst())) return { ok: false, reason: 'unknown-line' };
  if (quantity === 0) {
    await ctx.db
      .deleteFrom('cart_lines')
      .where('cart_id', '=', cartId)
      .where('product_id', '=', product.id)
      .execute();
  } else {
    await ctx.db
      .updateTable('cart_lines')
      .set({ quantity })
      .where('cart_id', '=', cartId)
      .where('product_id', '=', product.id)
      .execute();
  }
  await ctx.db
    .updateTable('carts')
    .set({ updated_at: isoNow(ctx.clock) })
    .where('id', '=', cartId)
    .execute();
  return { ok: true };
}
