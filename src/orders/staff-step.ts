import type { Ctx } from '../context.ts';
import { changeOrderStatus } from './order-events.ts';
import type { OrderStatus } from './order-states.ts';
import { type StaffRef, staffNote } from './staff-note.ts';
import { RetriesExhausted, withRetry } from './with-retry.ts';

export type StaffStepResult =
  | { ok: true; already: boolean }
  | { ok: false; reason: 'not-found' | 'try-again' }
  | { ok: false; reason: 'not-allowed'; status: string };

/**
 * One step of fulfilment taken by staff, with nothing else to it: the status moves to `to` through the
 * transitions map with an event naming the staff member, in one transaction. Idempotent: an order already in
 * `to` changes nothing. `ctx.db` is the database.
 */
export async function staffStep(
  ctx: Ctx,
  orderId: string,
  staff: StaffRef,
  to: OrderStatus,
): Promise<StaffStepResult> {
  try {
    return await withRetry(() =>
      ctx.db.transaction().execute(async (trx): Promise<StaffStepResult> => {
        const order = await trx
          .selectFrom('orders')
          .select(['status'])
          .where('id', '=', orderId)
          .executeTakeFirst();
        if (!order) return { ok: false, reason: 'not-found' };
        if (order.status === to) return { ok: true, already: true };
        const changed = await changeOrderStatus(
          { ...ctx, db: trx },
          { orderId, from: order.status, to, actor: 'staff', note: staffNote(staff) },
        );
        // not allowed from this status, or a concurrent change won the race: report what the order is now
        if (!changed.ok) return { ok: false, reason: 'not-allowed', status: order.status };
        return { ok: true, already: false };
      }),
    );
  } catch (error) {
    if (error instanceof RetriesExhausted) return { ok: false, reason: 'try-again' };
    throw error;
  }
}

/** Staff mark a paid order packed. */
export const packOrder = (ctx: Ctx, orderId: string, staff: StaffRef) =>
  staffStep(ctx, orderId, staff, 'packed');

/**
 * Staff record that a shipped order arrived (the carrier's tracking says so, or the customer told us). The
 * 'delivered' event starts the 14-day withdrawal period (withdraw-order.ts).
 */
export const deliverOrder = (ctx: Ctx, orderId: string, staff: StaffRef) =>
  staffStep(ctx, orderId, staff, 'delivered');
