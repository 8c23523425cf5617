import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import { returnRedemptions } from '../vouchers/return-redemptions.ts';
import { ChangedMeanwhile, guardedTransaction } from './guarded-transaction.ts';
import { changeOrderStatus, type OrderActor } from './order-events.ts';
import { canTransition, type OrderStatus } from './order-states.ts';
import { demandByProduct } from './place-order.ts';

export type CancelOrderResult =
  | { ok: true; status: 'cancelled'; alreadyCancelled: boolean }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'not-cancellable'; status: string }
  | { ok: false; reason: 'try-again' };

/** Statuses in which an order has not left the shop: the customer may still cancel it. */
export function isCancellable(status: string): boolean {
  return canTransition(status, 'cancelled');
}

/**
 * Cancels an order that has not been shipped, in one transaction: the status moves to 'cancelled'
 * (a guarded update through the transitions map, so of two concurrent clicks only one wins), every
 * unit goes back into stock with a 'cancel' movement, the event is recorded, and for a paid order a
 * 'refund' job is enqueued. Idempotent: cancelling a cancelled order answers the same, and never
 * returns stock twice. `ctx.db` is the database, not a transaction: this opens its own.
 */
export async function cancelOrder(
  ctx: Ctx,
  orderId: string,
  actor: OrderActor,
  /** Kept on the 'cancelled' event, e.g. which staff member cancelled (staff-note.ts). */
  note?: string,
): Promise<CancelOrderResult> {
  return guardedTransaction(ctx, async (tx): Promise<CancelOrderResult> => {
    const order = await tx.db
      .selectFrom('orders')
      .select(['id', 'number', 'status', 'total_cents', 'currency'])
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (!order) return { ok: false, reason: 'not-found' };
    if (order.status === 'cancelled') return { ok: true, status: 'cancelled', alreadyCancelled: true };
    const changed = await changeOrderStatus(tx, {
      orderId,
      from: order.status,
      to: 'cancelled',
      actor,
      ...(note ? { note } : {}),
    });
    if (!changed.ok) {
      if (changed.reason === 'changed-meanwhile') throw new ChangedMeanwhile();
      return { ok: false, reason: 'not-cancellable', status: order.status };
    }
    await returnStock(tx, orderId, 'cancel');
    // a gift card gets its amount back, a voucher its use; the money refund is for the rest
    const { giftCardCents } = await returnRedemptions(tx, orderId, { vouchers: true });
    if (changed.from !== 'awaiting_payment' && order.total_cents > giftCardCents) {
      await enqueueRefund(tx, { ...order, total_cents: order.total_cents - giftCardCents }, changed.from);
    }
    return { ok: true, status: 'cancelled', alreadyCancelled: false };
  });
}

/**
 * Puts every unit of an order back into stock, one movement per product with `reason`. Call it only
 * inside the transaction whose status change guarantees it runs once per order.
 */
export async function returnStock(ctx: Ctx, orderId: string, reason: 'cancel' | 'return'): Promise<void> {
  const lines = await ctx.db
    .selectFrom('order_lines')
    .select(['product_id', 'quantity'])
    .where('order_id', '=', orderId)
    .execute();
  const at = isoNow(ctx.clock);
  for (const [productId, quantity] of demandByProduct(lines)) {
    await ctx.db
      .updateTable('products')
      .set((eb) => ({ stock: eb('stock', '+', quantity) }))
      .where('id', '=', productId)
      .execute();
    await ctx.db
      .insertInto('stock_movements')
      .values({
        id: newId(ctx.clock.now().epochMilliseconds),
        product_id: productId,
        order_id: orderId,
        delta: quantity,
        reason,
        at,
      })
      .execute();
  }
}

/** A paid order that is cancelled or withdrawn owes the customer their money: staff (or the provider) refund it. */
export async function enqueueRefund(
  ctx: Ctx,
  order: { id: string; number: string; total_cents: number; currency: string },
  paidStatus: OrderStatus,
): Promise<void> {
  const at = isoNow(ctx.clock);
  await ctx.db
    .insertInto('jobs')
    .values({
      id: newId(ctx.clock.now().epochMilliseconds),
      kind: 'refund',
      payload_json: JSON.stringify({
        orderId: order.id,
        number: order.number,
        amountCents: order.total_cents,
        currency: order.currency,
        statusBefore: paidStatus,
      }),
      status: 'pending',
      run_at: at,
      attempts: 0,
      last_error: null,
      idempotency_key: `refund:${order.id}`,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}
