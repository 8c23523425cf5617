import type { Ctx } from '../context.ts';
import { staffNote } from '../orders/staff-note.ts';
import { RetriesExhausted, withRetry } from '../orders/with-retry.ts';
import { changePaymentStatus } from './change-payment-status.ts';
import { settlePaidPayment } from './settle-payment.ts';

export type MarkPaidResult =
  | { ok: true; alreadyPaid: boolean; outcome: 'order-paid' | 'refund-due' | 'none' }
  | { ok: false; reason: 'not-found' | 'not-bank-transfer' | 'try-again' };

/**
 * Staff saw the bank transfer arrive: in one transaction the order's open bank-transfer payment becomes
 * 'paid' and the order 'paid' (event with actor staff). Idempotent: marking a paid order again changes
 * nothing. Money for an order that was cancelled meanwhile is not kept: a 'refund' job is enqueued.
 * `ctx.db` is the database; this opens its own transaction.
 */
export async function markBankTransferPaid(
  ctx: Ctx,
  input: { orderId: string; staffId: string },
): Promise<MarkPaidResult> {
  try {
    for (let attempt = 0; ; attempt++) {
      const result = await withRetry(() =>
        ctx.db.transaction().execute(async (trx): Promise<MarkPaidResult | 'again'> => {
          const tx = { ...ctx, db: trx };
          const payments = await trx
            .selectFrom('payments')
            .select(['id', 'provider', 'provider_payment_id', 'status', 'amount_cents', 'currency'])
            .where('order_id', '=', input.orderId)
            .execute();
          if (payments.length === 0) return { ok: false, reason: 'not-found' };
          const payment = payments.find((p) => p.provider === 'bank-transfer');
          if (!payment) return { ok: false, reason: 'not-bank-transfer' };
          if (payment.status !== 'open') return { ok: true, alreadyPaid: true, outcome: 'none' };
          const changed = await changePaymentStatus(tx, { paymentId: payment.id, from: 'open', to: 'paid' });
          if (!changed.ok) return 'again';
          const outcome = await settlePaidPayment(
            tx,
            {
              id: payment.id,
              orderId: input.orderId,
              amountCents: payment.amount_cents,
              currency: payment.currency,
              providerPaymentId: payment.provider_payment_id,
            },
            'staff',
            staffNote({ id: input.staffId }),
          );
          return { ok: true, alreadyPaid: false, outcome };
        }),
      );
      if (result !== 'again') return result;
      if (attempt >= 3) return { ok: false, reason: 'try-again' };
    }
  } catch (error) {
    if (error instanceof RetriesExhausted) return { ok: false, reason: 'try-again' };
    throw error;
  }
}
