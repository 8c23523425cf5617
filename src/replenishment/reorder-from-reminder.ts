import type { Ctx } from '../context.ts';
import { addToCart } from '../orders/add-to-cart.ts';
import { lockPrice } from './price-lock.ts';

export type ReorderResult =
  | { ok: true; cartId: string; lockedCents: number | null }
  | { ok: false; reason: 'unknown-plan' | 'unavailable' };

/**
 * A reminder's reorder link, confirmed: puts the plan's consumable (its last quantity, for its appliance) in
 * the cart (`cartId`, or a new one) and, while the reminder's price still holds, promises that unit price on
 * the cart line for the reminder's quantity — the checkout then charges the lower of it and today's price for
 * those units, and today's price for any more. Charges nothing: the customer still places the order at the
 * checkout.
 */
export async function reorderFromReminder(
  ctx: Ctx,
  input: { planId: string; cycle: number; cartId: string | null },
): Promise<ReorderResult> {
  const plan = await ctx.db
    .selectFrom('replenishment_plans')
    .innerJoin('products', 'products.id', 'replenishment_plans.product_id')
    .select([
      'replenishment_plans.id',
      'replenishment_plans.product_id',
      'replenishment_plans.appliance_id',
      'replenishment_plans.quantity',
      'products.sku',
    ])
    .where('replenishment_plans.id', '=', input.planId)
    .executeTakeFirst();
  if (!plan) return { ok: false, reason: 'unknown-plan' };
  const add = (cartId: string | null) =>
    addToCart(ctx, cartId, plan.sku, plan.quantity, plan.appliance_id === '' ? null : plan.appliance_id);
  let added = await add(input.cartId);
  if (!added.ok && added.reason === 'unknown-cart') added = await add(null);
  if (!added.ok) return { ok: false, reason: 'unavailable' };
  const reminder = await ctx.db
    .selectFrom('replenishment_reminders')
    .select(['id', 'quoted_cents', 'quantity', 'price_valid_until'])
    .where('plan_id', '=', plan.id)
    .where('cycle', '=', input.cycle)
    .executeTakeFirst();
  const now = new Date(ctx.clock.now().epochMilliseconds).toISOString();
  if (!reminder || reminder.price_valid_until <= now)
    return { ok: true, cartId: added.cartId, lockedCents: null };
  await lockPrice(ctx, {
    cartId: added.cartId,
    productId: plan.product_id,
    priceCents: reminder.quoted_cents,
    quantity: reminder.quantity,
    validUntil: reminder.price_valid_until,
    source: `reminder:${reminder.id}`,
  });
  return { ok: true, cartId: added.cartId, lockedCents: reminder.quoted_cents };
}
