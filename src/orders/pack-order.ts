import type { Ctx } from '../context.ts';
import { changeOrderStatus } from './order-events.ts';
import { type StaffRef, staffNote } from './staff-note.ts';
import { RetriesExhausted, withRetry } from './with-retry.ts';

export type PackOrderResult =
  | { ok: true; alreadyPacked: boolean }
  | { ok: false; reason: 'not-found' | 'try-again' }
  | { ok: false; reason: 'not-packable'; status: string };

/**
 * Staff mark a paid order packed: the status moves to 'packed' with an event naming the staff member, in one
 * transaction. Idempotent: packing a packed order changes nothing. `ctx.db` is the database.
 */
export async function packOrder(ctx: Ctx, orderId: string, staff: StaffRef): Promise<PackOrderResult> {
  try {
    return await withRetry(() =>
      ctx.db.transaction().execute(async (trx): Promise<PackOrderResult> => {
        const tx = { ...ctx, db: trx };
        const order = await trx
          .selectFrom('orders')
          .select(['status'])
          .where('id', '=', orderId)
          .executeTakeFirst();
        if (!order) return { ok: false, reason: 'not-found' };
        if (order.status === 'packed') return { ok: true, alreadyPacked: true };
        const changed = await changeOrderStatus(tx, {
          orderId,
          from: order.status,
          to: 'packed',
          actor: 'staff',
          note: staffNote(staff),
        });
        // a concurrent change lost the race: report what the order is now
        if (!changed.ok) return { ok: false, reason: 'not-packable', status: order.status };
        return { ok: true, alreadyPacked: false };
      }),
    );
  } catch (error) {
    if (error instanceof RetriesExhausted) return { ok: false, reason: 'try-again' };
    throw error;
  }
}
