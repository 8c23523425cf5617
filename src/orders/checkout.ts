import { createHash } from 'node:crypto';
import type { Ctx } from '../context.ts';
import { isOnlineMethod, offeredPaymentMethods } from '../payments/payment-provider.ts';
import { startOnlinePayment } from '../payments/start-online-payment.ts';
import type { CodeRefusal } from '../vouchers/rules.ts';
import { checkoutInBatch } from './checkout-batch.ts';
import { type FieldProblem, parseCheckoutInput } from './checkout-input.ts';
import type { ShippingSettings } from './shipping-settings.ts';
import { RetriesExhausted, withRetry } from './with-retry.ts';

/** What a successful checkout answers, stored and replayed unchanged for repeats with the same key. */
export type OrderReceipt = {
  orderNumber: string;
  status: string;
  /** What is left to pay: the order's total after the discount, less what a gift card paid. */
  total: number;
  /** A voucher's discount, when one was used. */
  discount?: number;
  /** Paid with a gift card, when one was used. */
  giftCard?: number;
  currency: string;
  deliveryDate: string;
  shippingMethod: string;
  paymentMethod: string;
  /** Where to pay, for providers with a hosted payment page; absent for bank transfer. */
  paymentUrl?: string;
};

export type CheckoutResult =
  | { ok: true; replayed: boolean; receipt: OrderReceipt }
  | { ok: false; reason: 'out-of-stock'; skus: string[]; replayed: boolean }
  | { ok: false; reason: 'invalid'; fields: Record<string, FieldProblem> }
  | { ok: false; reason: 'code-refused'; refusal: CodeRefusal }
  | {
      ok: false;
      reason:
        | 'idempotency-mismatch'
        | 'request-in-progress'
        | 'unknown-cart'
        | 'empty-cart'
        | 'shipping-method-not-available'
        | 'shipping-method-off'
        | 'no-shipping-method'
        | 'try-again';
    };

export type CheckoutRequest = {
  cartId: string;
  idempotencyKey: string;
  body: unknown;
  /** The signed-in customer (the storefront's customer session), or absent for a guest. */
  customerId?: string | null;
  /** The shop's shipping settings (the in-memory snapshot, `app.shipping.current`). */
  shipping: ShippingSettings;
};

/**
 * Checks out a cart exactly once per idempotency key (Stripe's semantics). Valid input joins the next
 * batch of checkouts (`checkoutInBatch`: one transaction for many concurrent orders). The key's row is
 * inserted first, in the same transaction as the order: a concurrent repeat blocks on it (PostgreSQL) or
 * runs after it (SQLite's single writer) and then replays the stored result; a repeat with a different
 * request is refused; a key older than 24 h is taken over as new. A commit therefore holds either the
 * order, its key and its stored receipt together, or none of them — a crash leaves no half-claimed
 * key behind. Out-of-stock refusals are stored too; invalid input is not, so the customer can correct it
 * under the same key. Serialization failures, deadlocks and busy errors are retried with back-off; if
 * they persist the result is 'try-again'.
 */
export async function checkout(ctx: Ctx, request: CheckoutRequest): Promise<CheckoutResult> {
  const parsed = parseCheckoutInput(request.body);
  if (!parsed.ok) return { ok: false, reason: 'invalid', fields: parsed.fields };
  if (!offeredPaymentMethods(ctx.config).includes(parsed.input.paymentMethod))
    return { ok: false, reason: 'invalid', fields: { paymentMethod: { reason: 'choice' } } };
  const requestHash = createHash('sha256')
    .update(
      JSON.stringify({
        cartId: request.cartId,
        input: parsed.input,
        ...(request.customerId ? { customerId: request.customerId } : {}),
      }),
    )
    .digest('base64url');
  const key = request.idempotencyKey;
  try {
    const result = await checkoutInBatch(ctx, {
      cartId: request.cartId,
      input: parsed.input,
      idempotencyKey: key,
      requestHash,
      customerId: request.customerId ?? null,
      shipping: request.shipping,
    });
    if (!result.ok && result.reason === 'request-in-progress') {
      const replayed = await replay(ctx, key, requestHash);
      return replayed.ok
        ? { ...replayed, receipt: await withPaymentUrl(ctx, key, replayed.receipt) }
        : replayed;
    }
    if (result.ok) return { ...result, receipt: await withPaymentUrl(ctx, key, result.receipt) };
    return result;
  } catch (error) {
    if (error instanceof RetriesExhausted) return { ok: false, reason: 'try-again' };
    throw error;
  }
}

/** The stored result for a key already used: the same answer, or a mismatch if the request differs. */
async function replay(ctx: Ctx, key: string, requestHash: string): Promise<CheckoutResult> {
  const row = await ctx.db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response_json'])
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row || row.status_code === 0) return { ok: false, reason: 'request-in-progress' };
  if (row.request_hash !== requestHash) return { ok: false, reason: 'idempotency-mismatch' };
  const stored = JSON.parse(row.response_json) as OrderReceipt | { skus: string[] };
  if (row.status_code === 201) return { ok: true, replayed: true, receipt: stored as OrderReceipt };
  return { ok: false, reason: 'out-of-stock', skus: (stored as { skus: string[] }).skus, replayed: true };
}

/**
 * After the commit, an order paid online gets its payment at the provider (an outside side effect, so never
 * inside the order's transaction), and the stored answer gains its `paymentUrl` for repeats. If the provider
 * cannot be reached the receipt has no `paymentUrl`: the order waits, and the confirmation page offers
 * "try paying again".
 */
async function withPaymentUrl(ctx: Ctx, key: string, receipt: OrderReceipt): Promise<OrderReceipt> {
  if (!isOnlineMethod(receipt.paymentMethod) || receipt.paymentUrl || receipt.status !== 'awaiting_payment')
    return receipt;
  const started = await startOnlinePayment(ctx, receipt.orderNumber);
  if (!started.ok) return receipt;
  const withUrl = { ...receipt, paymentUrl: started.paymentUrl };
  await withRetry(() =>
    ctx.db
      .updateTable('idempotency_keys')
      .set({ response_json: JSON.stringify(withUrl) })
      .where('key', '=', key)
      .where('status_code', '=', 201)
      .execute(),
  );
  return withUrl;
}
