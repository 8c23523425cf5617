import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { canPaymentTransition, type PaymentStatus } from './payment-states.ts';

export type PaymentChange =
  | { ok: true; from: PaymentStatus; to: PaymentStatus }
  | { ok: false; reason: 'transition-not-allowed' | 'changed-meanwhile'; from: string; to: string };

/**
 * Moves a payment from `from` to `to` if the transitions map allows it and the row is still in `from`
 * (a guarded update: of two concurrent webhooks only one changes it). `ctx.db` must be the open
 * transaction that also writes the consequences (order status, refund job, event).
 */
export async function changePaymentStatus(
  ctx: Ctx,
  change: { paymentId: string; from: string; to: PaymentStatus; refundId?: string },
): Promise<PaymentChange> {
  if (!canPaymentTransition(change.from, change.to))
    return { ok: false, reason: 'transition-not-allowed', from: change.from, to: change.to };
  const updated = await ctx.db
    .updateTable('payments')
    .set({
      status: change.to,
      updated_at: isoNow(ctx.clock),
      ...(change.to === 'paid' || change.to === 'open' ? {} : { checkout_url: null }),
      ...(change.refundId ? { refund_id: change.refundId } : {}),
    })
    .where('id', '=', change.paymentId)
    .where('status', '=', change.from as PaymentStatus)
    .executeTakeFirst();
  if (updated.numUpdatedRows !== 1n)
    return { ok: false, reason: 'changed-meanwhile', from: change.from, to: change.to };
  return { ok: true, from: change.from as PaymentStatus, to: change.to };
}
