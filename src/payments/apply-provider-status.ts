import type { Ctx } from '../context.ts';
import { recordOrderEvent } from '../orders/order-events.ts';
import { withRetry } from '../orders/with-retry.ts';
import { changePaymentStatus } from './change-payment-status.ts';
import { paymentProvider } from './payment-provider.ts';
import type { ProviderStatus } from './payment-states.ts';
import { settlePaidPayment } from './settle-payment.ts';

export type ApplyResult =
  /** No payment of ours has this id: nothing changes (and nothing is asked of the provider). */
  | { outcome: 'unknown' }
  /** Our record already says what the provider says, or the map does not allow the step (never backwards). */
  | { outcome: 'unchanged'; status: string }
  | { outcome: 'changed'; from: string; to: ProviderStatus; order?: 'order-paid' | 'refund-due' };

/**
 * A provider said "something changed" about a payment: ask the provider for its current status (the
 * notification itself is never trusted) and apply it once. The same status again changes nothing, and
 * because the status is read fresh and only ever moves forward through the transitions map, the order in
 * which notifications arrive does not matter: the final state is the provider's current one. Paid → the
 * order is paid, or refunded if it no longer waits or the provider holds another amount than asked
 * (`settlePaidPayment`); failed/expired/canceled → the
 * payment records it and the order keeps waiting for a retry. Throws when the provider cannot be asked
 * (the caller answers an error, so the provider sends the notification again).
 */
export async function applyProviderStatus(ctx: Ctx, providerPaymentId: string): Promise<ApplyResult> {
  const known = await ctx.db
    .selectFrom('payments')
    .select(['id', 'provider'])
    .where('provider_payment_id', '=', providerPaymentId)
    .executeTakeFirst();
  if (!known) return { outcome: 'unknown' };
  const { status, amount } = await paymentProvider(ctx.config, known.provider).fetchStatus(providerPaymentId);
  for (let attempt = 0; ; attempt++) {
    const result = await withRetry(() =>
      ctx.db.transaction().execute(async (trx): Promise<ApplyResult | 'again'> => {
        const tx = { ...ctx, db: trx };
        const payment = await trx
          .selectFrom('payments')
          .select(['id', 'order_id', 'status', 'amount_cents', 'currency'])
          .where('id', '=', known.id)
          .executeTakeFirstOrThrow();
        if (payment.status === status) return { outcome: 'unchanged', status };
        const changed = await changePaymentStatus(tx, {
          paymentId: payment.id,
          from: payment.status,
          to: status,
        });
        if (!changed.ok)
          return changed.reason === 'changed-meanwhile'
            ? 'again'
            : { outcome: 'unchanged', status: payment.status };
        const note = `${known.provider} ${providerPaymentId}`;
        if (status === 'paid') {
          const order = await settlePaidPayment(
            tx,
            {
              id: payment.id,
              orderId: payment.order_id,
              amountCents: payment.amount_cents,
              currency: payment.currency,
              providerPaymentId,
            },
            'system',
            note,
            amount,
          );
          return { outcome: 'changed', from: payment.status, to: status, order };
        }
        await recordOrderEvent(tx, {
          orderId: payment.order_id,
          kind: `payment-${status}`,
          actor: 'system',
          note,
        });
        return { outcome: 'changed', from: payment.status, to: status };
      }),
    );
    if (result !== 'again') return result;
    if (attempt >= 3) throw new Error(`payment ${known.id} kept changing while applying ${status}`);
  }
}
