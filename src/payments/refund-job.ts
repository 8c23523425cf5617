import type { Ctx } from '../context.ts';
import type { JobKind } from '../jobs/job-kind.ts';
import { recordOrderEvent } from '../orders/order-events.ts';
import { formatPrice } from '../web/i18n/format.ts';
import { changePaymentStatus } from './change-payment-status.ts';
import { paymentProvider } from './payment-provider.ts';

/**
 * Job kind 'refund': a paid order was cancelled or withdrawn (`enqueueRefund`, payload `{ orderId }`), or a
 * payment arrived for an order that no longer waits for it, or with another amount than asked
 * (`settlePaidPayment`, payload with `paymentId` and the amount the provider holds).
 * Each paid payment concerned is refunded in full:
 * - Mollie: the provider's refund (its `Idempotency-Key` is `refund:<payment id>`, so a retried job never
 *   refunds twice), then the payment becomes 'refunded' with the refund id, and the order's timeline says so.
 * - Bank transfer: the shop cannot send money itself. The payment becomes 'refund_pending' and the event
 *   'refund-pending' tells staff to transfer the amount back by hand (they then record it; see README).
 * The order's own status is left alone (a cancelled order stays cancelled).
 */
export const refundJob: JobKind = {
  maxAttempts: 8,
  backoffMs: 60_000,
  async run(ctx, job) {
    const payload = job.payload as {
      orderId?: unknown;
      paymentId?: unknown;
      amountCents?: unknown;
      currency?: unknown;
    };
    if (typeof payload.orderId !== 'string') throw new Error('refund job without orderId');
    const query = ctx.db
      .selectFrom('payments')
      .select(['id', 'order_id', 'provider', 'provider_payment_id', 'amount_cents', 'currency'])
      .where('order_id', '=', payload.orderId)
      .where('status', '=', 'paid');
    if (typeof payload.paymentId !== 'string') {
      for (const payment of await query.execute()) await refundPayment(ctx, payment);
      return;
    }
    // one payment: what the provider holds, which is not what we asked when the amount was wrong
    for (const payment of await query.where('id', '=', payload.paymentId).execute())
      await refundPayment(ctx, {
        ...payment,
        ...(typeof payload.amountCents === 'number' ? { amount_cents: payload.amountCents } : {}),
        ...(typeof payload.currency === 'string' ? { currency: payload.currency } : {}),
      });
  },
};

async function refundPayment(
  ctx: Ctx,
  payment: {
    id: string;
    order_id: string;
    provider: 'bank-transfer' | 'mollie';
    provider_payment_id: string | null;
    amount_cents: number;
    currency: string;
  },
): Promise<void> {
  const outcome = await paymentProvider(ctx.config, payment.provider).refund(
    payment.provider_payment_id ?? '',
    { cents: payment.amount_cents, currency: payment.currency },
    `refund:${payment.id}`,
  );
  const amount = formatPrice(payment.amount_cents, 'en', payment.currency);
  await ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const to = outcome.kind === 'refunded' ? 'refunded' : 'refund_pending';
    const changed = await changePaymentStatus(tx, {
      paymentId: payment.id,
      from: 'paid',
      to,
      ...(outcome.kind === 'refunded' ? { refundId: outcome.refundId } : {}),
    });
    if (!changed.ok) return; // another run recorded it already
    await recordOrderEvent(tx, {
      orderId: payment.order_id,
      kind: outcome.kind === 'refunded' ? 'refunded' : 'refund-pending',
      actor: 'system',
      note:
        outcome.kind === 'refunded'
          ? `${amount} refunded through ${payment.provider} (${outcome.refundId})`
          : `${amount} must be transferred back to the customer by hand`,
    });
  });
}
