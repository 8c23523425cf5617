import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import type { Carrier } from './carriers.ts';
import { ChangedMeanwhile, guardedTransaction } from './guarded-transaction.ts';
import { changeOrderStatus } from './order-events.ts';
import { type StaffRef, staffNote } from './staff-note.ts';

export type ShipOrderInput = { carrier: Carrier; trackingCode: string };

export type ShipOrderResult =
  | { ok: true; alreadyShipped: boolean }
  | { ok: false; reason: 'not-found' | 'try-again' }
  | { ok: false; reason: 'not-shippable'; status: string };

/**
 * Staff hand an order to the carrier. In one transaction: a paid order is first marked packed, the status moves
 * to 'shipped' through the transitions map with a 'shipped' event naming the staff member, the carrier and
 * tracking code are stored, and an 'order-shipped' job sends the customer the tracking link. The input must be
 * validated already (see carriers.ts). Idempotent: shipping a shipped order changes nothing and sends no second
 * e-mail. `ctx.db` is the database; this opens its own transaction.
 */
export async function shipOrder(
  ctx: Ctx,
  orderId: string,
  staff: StaffRef,
  input: ShipOrderInput,
): Promise<ShipOrderResult> {
  return guardedTransaction(ctx, (tx) => attemptShipping(tx, orderId, staff, input));
}

async function attemptShipping(
  ctx: Ctx,
  orderId: string,
  staff: StaffRef,
  input: ShipOrderInput,
): Promise<ShipOrderResult> {
  const order = await ctx.db
    .selectFrom('orders')
    .select(['id', 'number', 'status'])
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!order) return { ok: false, reason: 'not-found' };
  if (order.status === 'shipped') return { ok: true, alreadyShipped: true };
  let from = order.status;
  if (from === 'paid') {
    const packed = await changeOrderStatus(ctx, {
      orderId,
      from,
      to: 'packed',
      actor: 'staff',
      note: staffNote(staff),
    });
    if (!packed.ok) throw new ChangedMeanwhile();
    from = 'packed';
  }
  const shipped = await changeOrderStatus(ctx, {
    orderId,
    from,
    to: 'shipped',
    actor: 'staff',
    note: staffNote(staff, `${input.carrier} ${input.trackingCode}`),
  });
  if (!shipped.ok) {
    if (shipped.reason === 'changed-meanwhile') throw new ChangedMeanwhile();
    return { ok: false, reason: 'not-shippable', status: order.status };
  }
  await ctx.db
    .updateTable('orders')
    .set({ carrier: input.carrier, tracking_code: input.trackingCode, shipped_at: isoNow(ctx.clock) })
    .where('id', '=', orderId)
    .execute();
  await enqueueJob(ctx, {
    kind: 'order-shipped',
    payload: { orderId, number: order.number },
    idempotencyKey: `order-shipped:${orderId}`,
  });
  return { ok: true, alreadyShipped: false };
}
