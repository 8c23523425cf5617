import { Temporal } from 'temporal-polyfill';
import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { ERASED_EMAIL, personalTables } from '../../db/personal-data.ts';
import { enqueueJob } from '../../jobs/enqueue-job.ts';
import type { JobKind } from '../../jobs/job-kind.ts';
import { anyDb } from './customer-rows.ts';
import { addressOnly, erasePersonalRows } from './erase-rows.ts';

export const RETENTION_JOB = 'retention-purge';

/**
 * Anonymises the sales records whose purge date has passed: every 'retain-fiscal' table of the registry has the
 * columns it gives a placeholder replaced (orders: name, address, e-mail → placeholders), keeping the amounts,
 * VAT and dates for the books. Returns how many orders were anonymised; running it again changes nothing.
 */
export async function anonymiseDueSalesRecords(ctx: Ctx): Promise<number> {
  const now = isoNow(ctx.clock);
  const db = anyDb(ctx);
  const due = db
    .selectFrom('orders')
    .select('orders.id')
    .where('orders.purge_after', 'is not', null)
    .where('orders.purge_after', '<=', now);
  // anything written to an erased customer's address after the erasure (a late order e-mail, dropped as
  // suppressed, still records its address) goes with the sales record that held it
  const addresses = await db
    .selectFrom('orders')
    .select((eb) => eb.fn<string>('lower', [eb.ref('email')]).as('address'))
    .distinct()
    .where('purge_after', 'is not', null)
    .where('purge_after', '<=', now)
    .where('email', '<>', ERASED_EMAIL)
    .execute();
  for (const { address } of addresses) {
    const account = await ctx.db
      .selectFrom('customers')
      .select('id')
      .where('email', '=', address)
      .executeTakeFirst();
    if (!account) await erasePersonalRows(ctx, addressOnly(address));
  }

  let orders = 0;
  for (const { table, entry } of personalTables()) {
    if (entry.onErase !== 'retain-fiscal' || !entry.placeholders) continue;
    const set = Object.fromEntries(Object.entries(entry.placeholders));
    if (table === 'orders') {
      const result = await db
        .updateTable('orders')
        .set(set)
        .where('purge_after', 'is not', null)
        .where('purge_after', '<=', now)
        .where('email', '<>', ERASED_EMAIL)
        .executeTakeFirst();
      orders = Number(result.numUpdatedRows);
    } else if (entry.find.by === 'order') {
      await db.updateTable(table).set(set).where(entry.find.column, 'in', due).execute();
    } else {
      throw new Error(`${table}: a sales record must be found by its order`);
    }
  }
  return orders;
}

/** Makes sure the daily purge is scheduled: one job for tomorrow 03:00 UTC (the key makes a second call a no-op). */
export async function ensureRetentionJob(ctx: Ctx): Promise<void> {
  const tomorrow = Temporal.Instant.from(isoNow(ctx.clock))
    .toZonedDateTimeISO('UTC')
    .toPlainDate()
    .add({ days: 1 });
  await enqueueJob(ctx, {
    kind: RETENTION_JOB,
    payload: {},
    idempotencyKey: `${RETENTION_JOB}:${tomorrow}`,
    runAt: `${tomorrow}T03:00:00.000Z`,
  });
}

/**
 * Job kind 'retention-purge': anonymises the sales records that are due, then schedules itself for the next day,
 * so once started (by the first erasure) it runs daily. Safe to run twice: anonymised records are left alone.
 */
export const retentionPurgeJob: JobKind = {
  maxAttempts: 5,
  backoffMs: 60_000,
  run: async (ctx) => {
    // tomorrow's run first, on its own: a purge that keeps failing must not end the daily chain
    await ensureRetentionJob(ctx);
    await ctx.db.transaction().execute((trx) => anonymiseDueSalesRecords({ ...ctx, db: trx }));
  },
};
