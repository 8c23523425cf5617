import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { personalTables } from '../../db/personal-data.ts';
import { withRetry } from '../../orders/with-retry.ts';
import { endAllCustomerSessions } from '../sessions.ts';
import { suppressAddress } from '../suppression.ts';
import { anyDb, belongsTo, type DataSubject } from './customer-rows.ts';
import { erasePersonalRows } from './erase-rows.ts';
import { dataSubject } from './export-personal-data.ts';
import { purgeDateOf } from './fiscal-retention.ts';
import { anonymiseDueSalesRecords, ensureRetentionJob } from './retention-purge.ts';

/** A sales record kept after erasure, until `purgeAfter`. */
export type RetainedOrder = {
  number: string;
  createdAt: string;
  totalCents: number;
  currency: string;
  purgeAfter: string;
};

/** What erasing the account will do (shown before the customer confirms) or did (the acknowledgement). */
export type ErasurePlan = {
  /** Personal tables with the customer's rows that are deleted or anonymised, with how many rows. */
  removed: {
    table: string;
    what: { en: string; nl: string };
    onErase: 'delete' | 'anonymise';
    count: number;
  }[];
  /** Orders kept for the books, with their purge date. */
  retained: RetainedOrder[];
};

export type ErasureResult = { erased: true; at: string; retained: RetainedOrder[] } | { erased: false };

/** What `eraseAccount` would do now; null when there is no such account. */
export async function erasurePlan(ctx: Ctx, customerId: string): Promise<ErasurePlan | null> {
  const who = await dataSubject(ctx, customerId);
  if (!who) return null;
  const db = anyDb(ctx);
  const removed: ErasurePlan['removed'] = [];
  for (const { table, entry } of personalTables()) {
    if (entry.onErase === 'retain-fiscal') continue;
    const row = (await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where((eb) => belongsTo(eb, entry.find, who))
      .executeTakeFirst()) as { n: number | string | bigint } | undefined;
    const count = Number(row?.n ?? 0);
    if (count > 0) removed.push({ table, what: entry.what, onErase: entry.onErase, count });
  }
  const now = isoNow(ctx.clock);
  const zone = ctx.config.shopTimezone;
  const retained = (await ordersOf(ctx, who))
    .map((o) => ({ ...o, purgeAfter: o.purgeAfter ?? purgeDateOf(o.createdAt, zone) }))
    .filter((o) => o.purgeAfter > now);
  return { removed, retained };
}

/**
 * Deletes the account (GDPR Art. 17), in one transaction: every personal table of the registry is emptied of the
 * customer's rows ('delete') or has its personal columns replaced ('anonymise'); sales records ('retain-fiscal':
 * the orders with their lines, events and payments) are kept, unlinked from the account, with `purge_after` set
 * to 7 years after the end of the order's fiscal year (`purgeDateOf`), and the 'retention-purge' job anonymises them then (at once when that date has
 * passed already). All sessions end; the household membership ends (an empty household is removed); the address
 * goes on the suppression list as a keyed hash, so it is never mailed again. Idempotent: a second call finds no
 * account and answers `{ erased: false }`.
 */
export async function eraseAccount(ctx: Ctx, customerId: string): Promise<ErasureResult> {
  return withRetry(() =>
    ctx.db.transaction().execute(async (trx) => {
      const tx: Ctx = { ...ctx, db: trx };
      const who = await dataSubject(tx, customerId);
      if (!who) return { erased: false } as const;
      const now = isoNow(tx.clock);

      // sales records: kept, unlinked from the account, until their purge date
      const orders = await ordersOf(tx, who);
      for (const order of orders) {
        await trx
          .updateTable('orders')
          .set({
            customer_id: null,
            purge_after: order.purgeAfter ?? purgeDateOf(order.createdAt, tx.config.shopTimezone),
          })
          .where('id', '=', order.id)
          .execute();
      }

      // every other personal table, children before the account itself
      await endAllCustomerSessions(tx, who.id);
      await erasePersonalRows(tx, who);

      await leaveHousehold(tx, who);
      await trx.deleteFrom('customers').where('id', '=', who.id).execute();
      await suppressAddress(tx, who.email, 'erased');

      // records whose purge date has passed already go at once; the rest when due
      await anonymiseDueSalesRecords(tx);
      await ensureRetentionJob(tx);
      const retained = orders
        .map((o) => ({ ...o, purgeAfter: o.purgeAfter ?? purgeDateOf(o.createdAt, tx.config.shopTimezone) }))
        .filter((o) => o.purgeAfter > now)
        .map(({ id: _id, ...o }) => o);
      return { erased: true, at: now, retained } as const;
    }),
  );
}

/** Ends the membership; the household goes with its last member, otherwise another member becomes its creator. */
async function leaveHousehold(ctx: Ctx, who: DataSubject): Promise<void> {
  if (!who.householdId) return;
  await ctx.db.updateTable('customers').set({ household_id: null }).where('id', '=', who.id).execute();
  const other = await ctx.db
    .selectFrom('customers')
    .select('id')
    .where('household_id', '=', who.householdId)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!other) {
    await ctx.db.deleteFrom('households').where('id', '=', who.householdId).execute();
    return;
  }
  await ctx.db
    .updateTable('households')
    .set({ created_by: other.id })
    .where('id', '=', who.householdId)
    .where('created_by', '=', who.id)
    .execute();
}

/** The customer's orders (placed with the account, or as a guest with its address), oldest first. */
async function ordersOf(
  ctx: Ctx,
  who: DataSubject,
): Promise<(Omit<RetainedOrder, 'purgeAfter'> & { id: string; purgeAfter: string | null })[]> {
  const rows = await anyDb(ctx)
    .selectFrom('orders')
    .select(['id', 'number', 'created_at', 'total_cents', 'currency', 'purge_after'])
    .where((eb) =>
      belongsTo(eb, { by: 'customer-or-email', column: 'customer_id', emailColumn: 'email' }, who),
    )
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id as string,
    number: r.number as string,
    createdAt: r.created_at as string,
    totalCents: Number(r.total_cents),
    currency: r.currency as string,
    purgeAfter: (r.purge_after as string | null) ?? null,
  }));
}
