import type { Ctx } from '../context.ts';
import { recordOrderEvent } from '../orders/order-events.ts';
import { type StaffRef, staffNote } from '../orders/staff-note.ts';
import { RetriesExhausted, withRetry } from '../orders/with-retry.ts';
import { formatPrice } from '../web/i18n/format.ts';
import { changePaymentStatus } from './change-payment-status.ts';

export type MarkRefundSentResult =
  | { ok: true; alreadyRefunded: boolean }
  | { ok: false; reason: 'not-found' | 'no-refund-due' | 'try-again' };

/**
 * Staff transferred a bank-transfer payment back by hand (the 'refund' job left it 'refund_pending'): in one
 * transaction the payment becomes 'refunded' and the order's timeline says who sent how much back. Idempotent:
 * a second click changes nothing. The order's own status stays as it was (a cancelled order stays cancelled).
 */
export async function markRefundSent(
  ctx: Ctx,
  input: { orderId: string; staff: StaffRef },
): Promise<MarkRefundSentResult> {
  try {
    return await withRetry(() =>
      ctx.db.transaction().execute(async (trx): Promise<MarkRefundSentResult> => {
        const payments = await trx
          .selectFrom('payments')
          .select(['id', 'provider', 'status', 'amount_cents', 'currency'])
          .where('order_id', '=', input.orderId)
          .where('provider', '=', 'bank-transfer')
          .execute();
        if (payments.length === 0) return { ok: false, reason: 'not-found' };
        const due = payments.find((p) => p.status === 'refund_pending');
        if (!due) {
          return payments.some((p) => p.status === 'refunded')
            ? { ok: true, alreadyRefunded: true }
            : { ok: false, reason: 'no-refund-due' };
        }
        const tx = { ...ctx, db: trx };
        const changed = await changePaymentStatus(tx, {
          paymentId: due.id,
          from: 'refund_pending',
          to: 'refunded',
        });
        if (!changed.ok) return { ok: true, alreadyRefunded: true };
        await recordOrderEvent(tx, {
          orderId: input.orderId,
          kind: 'refunded',
          actor: 'staff',
          note: staffNote(
            input.staff,
            `${formatPrice(due.amount_cents, 'en', due.currency)} transferred back by hand`,
          ),
        });
        return { ok: true, alreadyRefunded: false };
      }),
    );
  } catch (error) {
    if (error instanceof RetriesExhausted) return { ok: false, reason: 'try-again' };
    throw error;
  }
}

/** Whether an order has a bank-transfer refund that staff still have to send. */
export async function refundDue(ctx: Ctx, orderId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('payments')
    .select('id')
    .where('order_id', '=', orderId)
    .where('status', '=', 'refund_pending')
    .executeTakeFirst();
  return row !== undefined;
}
