import { PostgresAdapter, sql } from 'kysely';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { CheckoutResult, OrderReceipt } from './checkout.ts';
import type { CheckoutInput } from './checkout-input.ts';
import { type PlacedOrder, placeOrders } from './place-order.ts';
import type { ShippingSettings } from './shipping-settings.ts';
import { withRetry } from './with-retry.ts';

/** A checkout whose input is valid, waiting for its turn. */
export type BatchEntry = {
  cartId: string;
  input: CheckoutInput;
  idempotencyKey: string;
  requestHash: string;
  customerId: string | null;
  shipping: ShippingSettings;
};

/** A stored answer is replayed for 24 hours; after that the key counts as new. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
/** PostgreSQL: how long a repeat waits for the first request with its key before answering "in progress". */
const WAIT_FOR_FIRST = '5s';
/** Most checkouts in one transaction: enough to share a commit widely, small enough to keep latency low. */
const MAX_BATCH = 64;

type Waiting = {
  ctx: Ctx;
  entry: BatchEntry;
  done: (result: CheckoutResult) => void;
  fail: (error: unknown) => void;
};

/** Carries a result out of a transaction that must roll back. */
class Abort {
  constructor(readonly result: CheckoutResult) {}
}

/**
 * Group commit for checkouts. Checkouts that arrive while the previous batch is being written wait, and
 * go into the next transaction together: with many customers at once, one commit (and one statement per
 * table) carries dozens of orders, on SQLite and on PostgreSQL alike; a lone customer still gets a
 * transaction of their own at once. One batch runs at a time per database handle on SQLite (one
 * connection), two on PostgreSQL (the second reads while the first commits; they meet at the locked cart
 * and stock rows, taken in id order, so they never deadlock). Checkouts with codes go alone (a refused code rolls its whole
 * transaction back). If a batch fails as a whole, every checkout in it is tried again on its own, so one
 * bad checkout never fails the others.
 */
class CheckoutQueue {
  private waiting: Waiting[] = [];
  private running = 0;
  private scheduled = false;

  /** `lanes`: how many batches may be in their transaction at once. */
  constructor(private readonly lanes: number) {}

  submit(ctx: Ctx, entry: BatchEntry): Promise<CheckoutResult> {
    return new Promise((done, fail) => {
      this.waiting.push({ ctx, entry, done, fail });
      this.wake();
    });
  }

  private wake(): void {
    if (this.scheduled || this.running >= this.lanes) return;
    this.scheduled = true;
    // after the current I/O callbacks: requests read in the same turn of the event loop share a batch
    setImmediate(() => {
      this.scheduled = false;
      while (this.running < this.lanes && this.waiting.length > 0) {
        this.running++;
        void this.lane();
      }
    });
  }

  private async lane(): Promise<void> {
    while (this.waiting.length > 0) await this.run(this.nextBatch());
    this.running--;
  }

  /** The first waiting checkout and, unless it has codes, the next ones that share its clock and config. */
  private nextBatch(): Waiting[] {
    const first = this.waiting[0]!;
    if (hasCodes(first.entry)) return this.waiting.splice(0, 1);
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    for (const w of this.waiting) {
      const fits =
        batch.length < MAX_BATCH &&
        !hasCodes(w.entry) &&
        w.ctx.clock === first.ctx.clock &&
        w.ctx.config === first.ctx.config;
      (fits ? batch : rest).push(w);
    }
    this.waiting = rest;
    return batch;
  }

  private async run(batch: Waiting[]): Promise<void> {
    try {
      const results = await withRetry(() => checkoutTogether(batch));
      for (const [i, w] of batch.entries()) w.done(results[i]!);
    } catch (error) {
      if (batch.length === 1) batch[0]!.fail(error);
      else for (const w of batch) await this.run([w]);
    }
  }
}

const queues = new WeakMap<Db, CheckoutQueue>();

/** Runs a valid checkout in the next batch of its database: see `CheckoutQueue`. */
export function checkoutInBatch(ctx: Ctx, entry: BatchEntry): Promise<CheckoutResult> {
  let queue = queues.get(ctx.db);
  if (!queue) {
    // SQLite has one connection; on PostgreSQL a second batch does its reads while the first one commits
    queue = new CheckoutQueue(ctx.db.getExecutor().adapter instanceof PostgresAdapter ? 2 : 1);
    queues.set(ctx.db, queue);
  }
  return queue.submit(ctx, entry);
}

function hasCodes(entry: BatchEntry): boolean {
  return (entry.input.codes?.length ?? 0) > 0;
}

/**
 * One transaction for the batch. Each key's row is inserted first: a key in use by a transaction of another
 * process blocks (PostgreSQL) or runs after it (SQLite's single writer), and a key used twice in one batch
 * goes to its first checkout; those that lose answer 'request-in-progress' and the caller replays the stored
 * result. A key older than 24 h is taken over as new. The orders, their keys and their stored answers commit
 * together or not at all. Out-of-stock answers are stored too; other refusals give their key back, so the
 * customer can correct the cart under the same key.
 */
async function checkoutTogether(batch: Waiting[]): Promise<CheckoutResult[]> {
  const { ctx } = batch[0]!;
  const now = isoNow(ctx.clock);
  const expired = new Date(ctx.clock.now().epochMilliseconds - IDEMPOTENCY_TTL_MS).toISOString();
  const postgres = ctx.db.getExecutor().adapter instanceof PostgresAdapter;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (postgres) await sql`set local lock_timeout = ${sql.lit(WAIT_FOR_FIRST)}`.execute(trx);
      const results: CheckoutResult[] = batch.map(() => ({ ok: false, reason: 'request-in-progress' }));
      const firstUse = new Map<string, number>();
      for (const [i, w] of batch.entries())
        if (!firstUse.has(w.entry.idempotencyKey)) firstUse.set(w.entry.idempotencyKey, i);
      const claimed = await trx
        .insertInto('idempotency_keys')
        .values(
          [...firstUse.values()].map((i) => ({
            key: batch[i]!.entry.idempotencyKey,
            request_hash: batch[i]!.entry.requestHash,
            status_code: 0,
            response_json: '{}',
            created_at: now,
          })),
        )
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
        .execute();
      const placing = claimed.map((c) => firstUse.get(c.key)!).sort((a, b) => a - b);
      if (placing.length === 0) return results;

      const placed = await placeOrders(
        { ...ctx, db: trx },
        placing.map((i) => {
          const { entry, ctx: own } = batch[i]!;
          return {
            cartId: entry.cartId,
            checkout: entry.input,
            idempotencyKey: entry.idempotencyKey,
            idempotencyClaimedAt: now,
            requestHash: entry.requestHash,
            customerId: entry.customerId,
            locale: own.locale,
            shipping: entry.shipping,
          };
        }),
      );
      const answers: ReturnType<typeof answer>[] = [];
      const givenBack: string[] = [];
      for (const [n, i] of placing.entries()) {
        const { entry } = batch[i]!;
        const p = placed[n]!;
        if (p.ok) {
          const receipt = receiptOf(p.order);
          results[i] = { ok: true, replayed: false, receipt };
          answers.push(answer(entry, 201, receipt, now));
        } else if (p.reason === 'out-of-stock') {
          results[i] = { ok: false, reason: 'out-of-stock', skus: p.skus, replayed: false };
          answers.push(answer(entry, 409, { skus: p.skus }, now));
        } else if (p.reason === 'code-refused') {
          // its codes were used as they were checked: only a rollback gives them back (it was placed alone)
          throw new Abort({ ok: false, reason: 'code-refused', refusal: p.refusal });
        } else {
          results[i] = { ok: false, reason: p.reason };
          givenBack.push(entry.idempotencyKey);
        }
      }
      if (answers.length > 0)
        await trx
          .insertInto('idempotency_keys')
          .values(answers)
          .onConflict((oc) =>
            oc.column('key').doUpdateSet((eb) => ({
              status_code: eb.ref('excluded.status_code'),
              response_json: eb.ref('excluded.response_json'),
            })),
          )
          .execute();
      if (givenBack.length > 0)
        await trx.deleteFrom('idempotency_keys').where('key', 'in', givenBack).execute();
      return results;
    });
  } catch (error) {
    if (error instanceof Abort) return [error.result];
    if (postgres && batch.length === 1 && (error as { code?: string }).code === '55P03')
      return [{ ok: false, reason: 'request-in-progress' }];
    throw error;
  }
}

function answer(entry: BatchEntry, status: number, body: unknown, now: string) {
  return {
    key: entry.idempotencyKey,
    request_hash: entry.requestHash,
    status_code: status,
    response_json: JSON.stringify(body),
    created_at: now,
  };
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
