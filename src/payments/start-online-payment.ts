import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import { confirmationPath } from '../orders/order-token.ts';
import { giftCardPaid } from '../vouchers/gift-card-paid.ts';
import { isOnlineMethod, paymentProvider } from './payment-provider.ts';

export type StartPaymentResult =
  | { ok: true; paymentUrl: string }
  | { ok: false; reason: 'not-found' | 'not-online' | 'not-awaiting-payment' }
  | { ok: false; reason: 'provider-unavailable'; error: string };

/** The path Mollie posts its webhooks to (exempt from the CSRF check: Mollie carries no token). */
export const MOLLIE_WEBHOOK_PATH = '/webhooks/mollie';

/**
 * Makes sure an order paid online has a payment open at the provider and answers its hosted payment page.
 * Call it after the order's transaction committed. It reuses the open attempt (the checkout's own row, or
 * one whose page is still open); after a failed, expired or cancelled attempt it adds a new one (two
 * concurrent retries may each add one; should both be paid, the second is refunded by `settlePaidPayment`). Our
 * payment row's id is the `Idempotency-Key` at the provider, so a repeat (a double submit, a retry after
 * a timeout) never creates a second payment for one attempt. If the provider cannot be reached the order
 * simply stays 'awaiting_payment' and the customer may try again from the confirmation page.
 */
export async function startOnlinePayment(ctx: Ctx, orderNumber: string): Promise<StartPaymentResult> {
  const order = await ctx.db
    .selectFrom('orders')
    .select(['id', 'number', 'status', 'payment_method', 'total_cents', 'currency'])
    .where('number', '=', orderNumber)
    .executeTakeFirst();
  if (!order) return { ok: false, reason: 'not-found' };
  if (!isOnlineMethod(order.payment_method)) return { ok: false, reason: 'not-online' };
  if (order.status !== 'awaiting_payment') return { ok: false, reason: 'not-awaiting-payment' };
  // at most one attempt is open at a time: failed, expired and canceled ones are final
  const open = await ctx.db
    .selectFrom('payments')
    .select(['id', 'provider_payment_id', 'checkout_url'])
    .where('order_id', '=', order.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open?.checkout_url) return { ok: true, paymentUrl: open.checkout_url };
  // a gift card paid part of it (src/vouchers): the provider is asked for the rest only
  const dueCents = order.total_cents - (await giftCardPaid(ctx, order.id));
  let paymentId = open && !open.provider_payment_id ? open.id : null;
  if (!paymentId) {
    paymentId = newId(ctx.clock.now().epochMilliseconds);
    const at = isoNow(ctx.clock);
    await ctx.db
      .insertInto('payments')
      .values({
        id: paymentId,
        order_id: order.id,
        provider: 'mollie',
        method: order.payment_method,
        provider_payment_id: null,
        status: 'open',
        amount_cents: dueCents,
        currency: order.currency,
        checkout_url: null,
        refund_id: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  const { config } = ctx;
  let created: { providerPaymentId: string; redirectUrl: string | null };
  try {
    created = await paymentProvider(config, 'mollie').createPayment({
      paymentId,
      orderNumber: order.number,
      method: order.payment_method,
      amountCents: dueCents,
      currency: order.currency,
      redirectUrl: `${config.publicUrl}${confirmationPath(config.sessionSecret, order.number)}`,
      webhookUrl: `${config.publicUrl}${MOLLIE_WEBHOOK_PATH}`,
      description: `${config.shopName} ${order.number}`,
    });
  } catch (err) {
    return { ok: false, reason: 'provider-unavailable', error: (err as Error).message };
  }
  if (!created.redirectUrl) return { ok: false, reason: 'provider-unavailable', error: 'no checkout URL' };
  await ctx.db
    .updateTable('payments')
    .set({
      provider_payment_id: created.providerPaymentId,
      checkout_url: created.redirectUrl,
      updated_at: isoNow(ctx.clock),
    })
    .where('id', '=', paymentId)
    .where((eb) =>
      eb.or([
        eb('provider_payment_id', 'is', null),
        eb('provider_payment_id', '=', created.providerPaymentId),
      ]),
    )
    .execute();
  return { ok: true, paymentUrl: created.redirectUrl };
}
