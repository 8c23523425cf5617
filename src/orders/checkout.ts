import { createHash } from 'node:crypto';
import { PostgresAdapter, sql } from 'kysely';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { isOnlineMethod, offeredPaymentMethods } from '../payments/payment-provider.ts';
import { startOnlinePayment } from '../payments/start-online-payment.ts';
import type { CodeRefusal } from '../vouchers/rules.ts';
import { type FieldProblem, parseCheckoutInput } from './checkout-input.ts';
import { type PlacedOrder, placeOrder } from './place-order.ts';
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

/** A stored answer is replayed for 24 hours; after that the key counts as new. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
/** PostgreSQL: how long a repeat waits for the first request with its key before answering "in progress". */
const WAIT_FOR_FIRST = '5s';

/** Carries a result out of a transaction that must roll back. */
class Abort {
  constructor(readonly result: CheckoutResult) {}
}

/**
 * Checks out a cart exactly once per idempotency key (Stripe's semantics). The key's row is inserted
 * first, in the same transaction as the order: a concurrent repeat blocks on it (PostgreSQL) or runs
 * after it (SQLite's single writer) and then replays the stored result; a repeat with a different
 * request is refused; a key older than 24 h is taken over as new. A commit therefore holds either the
 * order, its key and its stored receipt together, or none of them — a crash leaves no half-claimed
 * key behind. Out-of-stock refusals are stored too (the stock reservation itself rolls back);
 * invalid input is not, so the customer can correct it under the same key. Serialization failures,
 * deadlocks and busy errors are retried with back-off; if they persist the result is 'try-again'.
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
  const postgres = ctx.db.getExecutor().adapter instanceof PostgresAdapter;

  try {
    const result = await withRetry(async (): Promise<CheckoutResult> => {
      const now = isoNow(ctx.clock);
      const expired = new Date(ctx.clock.now().epochMilliseconds - IDEMPOTENCY_TTL_MS).toISOString();
      try {
        return await ctx.db.transaction().execute(async (trx): Promise<CheckoutResult> => {
          if (postgres) await sql`set local lock_timeout = ${sql.lit(WAIT_FOR_FIRST)}`.execute(trx);
          const claimed = await trx
            .insertInto('idempotency_keys')
            .values({ key, request_hash: requestHash, status_code: 0, response_json: '{}', created_at: now })
            .onConflict((oc) =>
              oc
                .column('key')
                .doUpdateSet((eb) => ({
                  request_hash: eb.ref('excluded.request_hash'),
                  status_code: eb.ref('excluded.status_code'),
                  response_json: eb.ref('excluded.response_json'),
                  created_at: eb.ref('excluded.created_at'),
                }))
                .where('idempotency_keys.created_at', '<', expired),
            )
            .returning('key')
            .executeTakeFirst();
          if (!claimed) throw new Abort({ ok: false, reason: 'request-in-progress' });

          const placed = await placeOrder(
            { ...ctx, db: trx },
            {
              cartId: request.cartId,
              checkout: parsed.input,
              idempotencyKey: key,
              idempotencyClaimedAt: now,
              requestHash,
              customerId: request.customerId ?? null,
              shipping: request.shipping,
            },
          );
          if (!placed.ok) {
            throw new Abort(
              placed.reason === 'out-of-stock'
                ? { ok: false, reason: 'out-of-stock', skus: placed.skus, replayed: false }
                : placed.reason === 'code-refused'
                  ? { ok: false, reason: 'code-refused', refusal: placed.refusal }
                  : { ok: false, reason: placed.reason },
            );
          }
          const receipt = receiptOf(placed.order);
          await trx
            .updateTable('idempotency_keys')
            .set({ status_code: 201, response_json: JSON.stringify(receipt) })
            .where('key', '=', key)
            .execute();
          return { ok: true, replayed: false, receipt };
        });
      } catch (error) {
        if (error instanceof Abort) return error.result;
        if (postgres && (error as { code?: string }).code === '55P03')
          return { ok: false, reason: 'request-in-progress' };
        throw error;
      }
    });
    if (!result.ok && result.reason === 'request-in-progress') {
      const replayed = await replay(ctx, key, requestHash);
      return replayed.ok
        ? { ...replayed, receipt: await withPaymentUrl(ctx, key, replayed.receipt) }
        : replayed;
    }
    if (!result.ok && result.reason === 'out-of-stock')
      await storeRefusal(ctx, key, requestHash, result.skus);
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

async function storeRefusal(ctx: Ctx, key: string, requestHash: string, skus: string[]): Promise<void> {
  await withRetry(() =>
    ctx.db
      .insertInto('idempotency_keys')
      .values({
        key,
        request_hash: requestHash,
        status_code: 409,
        response_json: JSON.stringify({ skus }),
        created_at: isoNow(ctx.clock),
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute(),
  );
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

function receiptOf(order: PlacedOrder): OrderReceipt {
  return {
    orderNumber: order.number,
    status: order.status,
    total: order.dueCents,
    ...(order.discountCents > 0 ? { discount: order.discountCents } : {}),
    ...(order.giftCardCents > 0 ? { giftCard: order.giftCardCents } : {}),
    currency: order.currency,
    deliveryDate: order.deliveryDate,
    shippingMethod: order.shippingMethod,
    paymentMethod: order.paymentMethod,
  };
}
