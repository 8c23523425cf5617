import type { Ctx } from '../context.ts';
import { changeOrderStatus } from './order-events.ts';
import { type StaffRef, staffNote } from './staff-note.ts';
import { RetriesExhausted, withRetry } from './with-retry.ts';

export type DeliverOrderResult =
  | { ok: true; alreadyDelivered: boolean }
  | { ok: false; reason: 'not-found' | 'try-again' }
  | { ok: false; reason: 'not-deliverable'; status: string };

/**
 * Staff record that a shipped order arrived (the carrier's tracking says so, or the customer told us). The
 * 'delivered' event starts the 14-day withdrawal period (withdraw-order.ts) and makes the order count as
 * delivered for reviews. One transaction; idempotent: delivering a delivered order changes nothing.
 */
export async function deliverOrder(ctx: Ctx, orderId: string, staff: StaffRef): Promise<DeliverOrderResult> {
  try {
    return await withRetry(() =>
      ctx.db.transaction().execute(async (trx): Promise<DeliverOrderResult> => {
        const order = await trx
          .selectFrom('orders')
          .select(['status'])
          .where('id', '=', orderId)
          .executeTakeFirst();
        if (!order) return { ok: false, reason: 'not-found' };
        if (order.status === 'delivered') return { ok: true, alreadyDelivered: true };
        const changed = await changeOrderStatus(
          { ...ctx, db: trx },
          { orderId, from: order.status, to: 'delivered', actor: 'staff', note: staffNote(staff) },
        );
        if (!changed.ok) return { ok: false, reason: 'not-deliverable', status: order.status };
        return { ok: true, alreadyDelivered: false };
      }),
    );
  } catch (error) {
    if (error instanceof RetriesExhausted) return { ok: false, reason: 'try-again' };
    throw error;
  }
}
