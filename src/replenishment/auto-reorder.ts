import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { addToCart } from '../orders/add-to-cart.ts';
import { checkout } from '../orders/checkout.ts';
import { savedAddresses } from '../orders/checkout-address.ts';
import { loadShippingSettings } from '../orders/load-shipping-settings.ts';
import type { ShippingMethod } from '../orders/shipping-methods.ts';

/** Why an automatic order was not placed (a reminder goes out instead, saying so). */
export type NotPlacedReason = 'no-address' | 'unavailable' | 'out-of-stock' | 'no-shipping-method';

export type AutoOrderOutcome =
  | { status: 'placed'; orderNumber: string }
  | { status: 'not-placed'; reason: NotPlacedReason }
  /** Could not be finished now (the database was busy): the next run tries the same cart under the same key. */
  | { status: 'try-again' };

export type AutoOrderPlan = {
  id: string;
  cycle: number;
  customerId: string;
  email: string;
  locale: string;
  sku: string;
  quantity: number;
  /** '' when the consumable was bought without a known appliance. */
  applianceId: string;
};

/**
 * Automatic reordering, which the customer chose for this plan: the order the customer would otherwise place
 * from the reminder, placed for them — the plan's consumable and quantity, delivered to the address they used
 * last, by mailbox parcel when it fits and else as a parcel, paid by **bank transfer**: nothing is charged;
 * the order confirmation (through the gateway, as every order's) asks for the transfer, and the customer can
 * cancel the order free of charge until it ships.
 *
 * Once per plan and cycle, whatever happens: the cart is recorded first (`replenishment_auto_orders`), and the
 * checkout runs under the key `auto-reorder:<plan>:<cycle>:<method>`, so a rerun after a crash replays the same
 * checkout rather than placing a second order. When it cannot be placed (no saved address, the product off
 * sale, out of stock, no shipping method) that is recorded with the reason and the caller sends the ordinary
 * reminder instead.
 */
export async function placeAutomaticOrder(ctx: Ctx, plan: AutoOrderPlan): Promise<AutoOrderOutcome> {
  const existing = await findAutoOrder(ctx, plan);
  if (existing?.outcome === 'placed') return { status: 'placed', orderNumber: existing.order_number! };
  if (existing?.outcome === 'not-placed')
    return { status: 'not-placed', reason: existing.reason as NotPlacedReason };

  const [address] = await savedAddresses(ctx, plan.customerId);
  if (!address) return notPlaced(ctx, plan, existing?.cart_id ?? null, 'no-address');
  let cartId = existing?.cart_id;
  if (!cartId) {
    const added = await addToCart(
      ctx,
      null,
      plan.sku,
      plan.quantity,
      plan.applianceId === '' ? null : plan.applianceId,
    );
    if (!added.ok) return notPlaced(ctx, plan, null, 'unavailable');
    await ctx.db
      .insertInto('replenishment_auto_orders')
      .values({
        plan_id: plan.id,
        cycle: plan.cycle,
        cart_id: added.cartId,
        order_number: null,
        outcome: 'placing',
        reason: null,
        created_at: isoNow(ctx.clock),
      })
      .onConflict((oc) => oc.columns(['plan_id', 'cycle']).doNothing())
      .execute();
    // a concurrent run may have recorded its cart first: check out that one
    cartId = (await findAutoOrder(ctx, plan))!.cart_id;
  }

  const shipping = await loadShippingSettings(ctx);
  const locale = plan.locale === 'en' ? 'en' : 'nl';
  for (const method of ['mailbox', 'parcel'] satisfies ShippingMethod[]) {
    const result = await checkout(
      { ...ctx, locale },
      {
        cartId,
        idempotencyKey: `auto-reorder:${plan.id}:${plan.cycle}:${method}`,
        customerId: plan.customerId,
        shipping,
        body: {
          email: plan.email,
          address: {
            name: address.name,
            street: address.street,
            houseNumber: address.houseNumber,
            addition: address.addition,
            postcode: address.postcode,
            city: address.city,
            country: address.country,
          },
          shippingMethod: method,
          paymentMethod: 'bank-transfer',
        },
      },
    );
    if (result.ok) {
      await ctx.db
        .updateTable('replenishment_auto_orders')
        .set({ outcome: 'placed', order_number: result.receipt.orderNumber })
        .where('plan_id', '=', plan.id)
        .where('cycle', '=', plan.cycle)
        .execute();
      return { status: 'placed', orderNumber: result.receipt.orderNumber };
    }
    switch (result.reason) {
      case 'shipping-method-not-available':
      case 'shipping-method-off':
      case 'no-shipping-method':
        continue; // the next method
      case 'out-of-stock':
        return notPlaced(ctx, plan, cartId, 'out-of-stock');
      case 'try-again':
      case 'request-in-progress':
        return { status: 'try-again' };
      default:
        // the saved address no longer passes the checkout, or the cart is gone: the customer orders by hand
        return notPlaced(ctx, plan, cartId, result.reason === 'invalid' ? 'no-address' : 'unavailable');
    }
  }
  return notPlaced(ctx, plan, cartId, 'no-shipping-method');
}

function findAutoOrder(ctx: Ctx, plan: Pick<AutoOrderPlan, 'id' | 'cycle'>) {
  return ctx.db
    .selectFrom('replenishment_auto_orders')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .where('cycle', '=', plan.cycle)
    .executeTakeFirst();
}

async function notPlaced(
  ctx: Ctx,
  plan: AutoOrderPlan,
  cartId: string | null,
  reason: NotPlacedReason,
): Promise<AutoOrderOutcome> {
  await ctx.db
    .insertInto('replenishment_auto_orders')
    .values({
      plan_id: plan.id,
      cycle: plan.cycle,
      cart_id: cartId ?? '',
      order_number: null,
      outcome: 'not-placed',
      reason,
      created_at: isoNow(ctx.clock),
    })
    .onConflict((oc) =>
      oc
        .columns(['plan_id', 'cycle'])
        .doUpdateSet({ outcome: 'not-placed', reason })
        .where('replenishment_auto_orders.outcome', '=', 'placing'),
    )
    .execute();
  return { status: 'not-placed', reason };
}

/** The order automatic reordering placed, by its number: which plan's product, for the confirmation e-mail. */
export async function automaticOrderOf(ctx: Ctx, orderNumber: string): Promise<{ planId: string } | null> {
  const row = await ctx.db
    .selectFrom('replenishment_auto_orders')
    .select('plan_id')
    .where('order_number', '=', orderNumber)
    .executeTakeFirst();
  return row ? { planId: row.plan_id } : null;
}
