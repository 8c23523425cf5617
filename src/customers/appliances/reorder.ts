import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { MAX_QUANTITY } from '../../orders/add-to-cart.ts';
import { createCart } from '../../orders/create-cart.ts';
import { householdMemberIds } from '../households/members.ts';
import { COUNTED } from './view-my-appliances.ts';

export type ReorderResult =
  /** The cart holds the consumables; `short` lists SKUs it holds fewer of than last time, or none. */
  | { kind: 'filled'; cartId: string; short: string[] }
  /** Nothing was bought for this appliance yet: show what fits instead. */
  | { kind: 'nothing-bought' }
  /** Nothing of last time is in stock: the cart is left as it was. */
  | { kind: 'none-in-stock'; short: string[] }
  | { kind: 'unknown' };

/**
 * One-tap reorder: the cart gets the consumables of the household's last order for this appliance, in that
 * order's quantities (a line the cart already holds is set to that quantity, so tapping twice does not double
 * it). What is short is put in as far as stock goes and reported, never left out silently; the lines remember the
 * appliance, so the next order counts for it too.
 */
export async function reorderForAppliance(
  ctx: Ctx,
  customerId: string,
  myApplianceId: string,
  cartId: string | null,
): Promise<ReorderResult> {
  const members = await householdMemberIds(ctx, customerId);
  const mine = await ctx.db
    .selectFrom('customer_appliances')
    .select('appliance_id')
    .where('id', '=', myApplianceId)
    .where('customer_id', 'in', members)
    .executeTakeFirst();
  if (!mine) return { kind: 'unknown' };
  const last = await ctx.db
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select('orders.id')
    .where('orders.customer_id', 'in', members)
    .where('order_lines.appliance_id', '=', mine.appliance_id)
    .where('orders.status', 'in', [...COUNTED])
    .orderBy('orders.created_at', 'desc')
    .orderBy('orders.id', 'desc')
    .executeTakeFirst();
  if (!last) return { kind: 'nothing-bought' };
  const lines = await ctx.db
    .selectFrom('order_lines')
    .innerJoin('products', 'products.id', 'order_lines.product_id')
    .select(['products.id', 'products.sku', 'products.stock', 'products.active', 'order_lines.quantity'])
    .where('order_lines.order_id', '=', last.id)
    .where('order_lines.appliance_id', '=', mine.appliance_id)
    .orderBy('products.sku')
    .execute();
  const wanted = new Map<string, { sku: string; stock: number; active: boolean; quantity: number }>();
  for (const l of lines) {
    const seen = wanted.get(l.id);
    wanted.set(l.id, {
      sku: l.sku,
      stock: l.stock,
      active: l.active === 1,
      quantity: Math.min(MAX_QUANTITY, (seen?.quantity ?? 0) + l.quantity),
    });
  }
  const short: string[] = [];
  const fill: { productId: string; quantity: number }[] = [];
  for (const [productId, w] of wanted) {
    const available = w.active ? Math.max(0, w.stock) : 0;
    const quantity = Math.min(w.quantity, available);
    if (quantity < w.quantity) short.push(w.sku);
    if (quantity > 0) fill.push({ productId, quantity });
  }
  if (fill.length === 0) return { kind: 'none-in-stock', short };
  const at = isoNow(ctx.clock);
  const filled = await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    let id = cartId;
    if (id) {
      const cart = await trx.selectFrom('carts').select('id').where('id', '=', id).executeTakeFirst();
      if (cart) await trx.updateTable('carts').set({ updated_at: at }).where('id', '=', id).execute();
      else id = null;
    }
    if (!id) id = await createCart(tctx);
    for (const f of fill) {
      await trx
        .insertInto('cart_lines')
        .values({
          cart_id: id,
          product_id: f.productId,
          quantity: f.quantity,
          added_at: at,
          appliance_id: mine.appliance_id,
        })
        .onConflict((oc) =>
          oc.columns(['cart_id', 'product_id']).doUpdateSet({
            quantity: f.quantity,
            appliance_id: mine.appliance_id,
          }),
        )
        .execute();
    }
    return id;
  });
  return { kind: 'filled', cartId: filled, short };
}
