import type { Ctx } from '../context.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { changeOrderStatus, type OrderActor, recordOrderEvent } from '../orders/order-events.ts';

/**
 * The consequences of a payment that just became 'paid', in the same transaction: an order waiting for
 * its money becomes 'paid'; any other order (cancelled, withdrawn, or already paid by another attempt)
 * does not keep the money: a 'refund' job for this payment is enqueued and the event says why. So does a
 * payment whose `received` amount (what the provider says it holds) is not the amount asked: the money
 * goes back and the order keeps waiting, so the customer can pay the right amount.
 */
export async function settlePaidPayment(
  ctx: Ctx,
  payment: {
    id: string;
    orderId: string;
    amountCents: number;
    currency: string;
    providerPaymentId: string | null;
  },
  actor: OrderActor,
  note: string,
  received: { cents: number; currency: string } | null = null,
): Promise<'order-paid' | 'refund-due'> {
  const wrongAmount =
    received !== null && (received.cents !== payment.amountCents || received.currency !== payment.currency);
  const order = await ctx.db
    .selectFrom('orders')
    .select(['id', 'number', 'status'])
    .where('id', '=', payment.orderId)
    .executeTakeFirstOrThrow();
  if (order.status === 'awaiting_payment' && !wrongAmount) {
    const changed = await changeOrderStatus(ctx, {
      orderId: order.id,
      from: 'awaiting_payment',
      to: 'paid',
      actor,
      note,
    });
    if (changed.ok) return 'order-paid';
  }
  await recordOrderEvent(ctx, {
    orderId: order.id,
    kind: wrongAmount ? 'payment-amount-mismatch' : 'payment-refund-due',
    actor,
    note: wrongAmount
      ? `${note}; received ${received.currency} ${received.cents / 100} instead of ${payment.currency} ${payment.amountCents / 100}, so the payment is refunded and the order keeps waiting`
      : `${note}; the order is ${order.status}, so the payment is refunded`,
  });
  await enqueueJob(ctx, {
    kind: 'refund',
    payload: {
      orderId: order.id,
      number: order.number,
      paymentId: payment.id,
      amountCents: received?.cents ?? payment.amountCents,
      currency: received?.currency ?? payment.currency,
    },
    idempotencyKey: `refund:payment:${payment.id}`,
  });
  return 'refund-due';
}
