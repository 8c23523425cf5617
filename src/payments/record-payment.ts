import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import { bankTransferProvider } from './bank-transfer-provider.ts';
import { providerNameFor } from './payment-provider.ts';

type PaymentOf = { id: string; number: string; paymentMethod: string; totalCents: number; currency: string };

/**
 * An order's first payment record, written in the checkout transaction (RELIABILITY I3), many orders' in one
 * statement. Bank transfer gets its reference at once; an online payment gets the provider's id after the commit
 * (`startOnlinePayment`), because creating it is an outside side effect that must not happen for an order that
 * rolls back.
 */
export async function paymentRow(ctx: Ctx, order: PaymentOf) {
  const provider = providerNameFor(order.paymentMethod);
  const id = newId(ctx.clock.now().epochMilliseconds);
  const created =
    provider === 'bank-transfer'
      ? await bankTransferProvider.createPayment({
          paymentId: id,
          orderNumber: order.number,
          method: order.paymentMethod,
          amountCents: order.totalCents,
          currency: order.currency,
          redirectUrl: '',
          webhookUrl: '',
          description: order.number,
        })
      : null;
  const at = isoNow(ctx.clock);
  return {
    id,
    order_id: order.id,
    provider,
    method: order.paymentMethod,
    provider_payment_id: created?.providerPaymentId ?? null,
    status: 'open' as const,
    amount_cents: order.totalCents,
    currency: order.currency,
    checkout_url: null,
    refund_id: null,
    created_at: at,
    updated_at: at,
  };
}
