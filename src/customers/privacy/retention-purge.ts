import { Temporal } from 'temporal-polyfill';
import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { ERASED_EMAIL, personalTables } from '../../db/personal-data.ts';
import { enqueueJob } from '../../jobs/enqueue-job.ts';
import type { JobKind } from '../../jobs/job-kind.ts';
import { anyDb } from './customer-rows.ts';
import { addressOnly, erasePersonalRows } from './erase-rows.ts';
import { purgeDateOf, retentionCutoff } from './fiscal-retention.ts';

export const RETENTION_JOB = 'retention-purge';

/** Ids per statement: far below SQLite's 32,766 bound parameters. */
const CHUNK = 1000;

/**
 * Anonymises the sales records whose purge date has passed: every 'retain-fiscal' table of the registry has the
 * columns it gives a placeholder replaced (orders: name, address, e-mail → placeholders), keeping the amounts,
 * VAT and dates for the books. Guest orders of people without an account first get their purge date
 * (`stampExpiredGuestOrders`). An address is erased everywhere else (messages to it, and so on) once no account
 * has it and no order still holds it: a guest with a newer order keeps it until that order's time comes. Returns
 * how many orders were anonymised; running it again changes nothing.
 */
export async function anonymiseDueSalesRecords(ctx: Ctx): Promise<number> {
  const now = isoNow(ctx.clock);
  const db = anyDb(ctx);
  await stampExpiredGuestOrders(ctx);
  const due = await ctx.db
    .selectFrom('orders')
    .select(['id', 'email'])
    .where('purge_after', 'is not', null)
    .where('purge_after', '<=', now)
    .where('email', '<>', ERASED_EMAIL)
    .execute();
  if (due.length === 0) return 0;

  for (let i = 0; i < due.length; i += CHUNK) {
    const ids = due.slice(i, i + CHUNK).map((o) => o.id);
    for (const { table, entry } of personalTables()) {
      if (entry.onErase !== 'retain-fiscal' || !entry.placeholders) continue;
      const column = table === 'orders' ? 'id' : entry.find.by === 'order' ? entry.find.column : null;
      if (!column) throw new Error(`${table}: a sales record must be found by its order`);
      await db
        .updateTable(table)
        .set(Object.fromEntries(Object.entries(entry.placeholders)))
        .where(column, 'in', ids)
        .execute();
    }
  }

  // anything else written to the address (order e-mails, a late notice dropped after an erasure) goes with the
  // last sales record that held it, unless an account has the address now
  const addresses = [...new Set(due.map((o) => o.email.toLowerCase()))];
  const kept = new Set<string>();
  for (let i = 0; i < addresses.length; i += CHUNK) {
    const chunk = addresses.slice(i, i + CHUNK);
    const accounts = await ctx.db
      .selectFrom('customers')
      .select('email')
      .where('email', 'in', chunk)
      .execute();
    const orders = await db
      .selectFrom('orders')
      .select((eb) => eb.fn<string>('lower', [eb.ref('email')]).as('address'))
      .distinct()
      .where((eb) => eb(eb.fn('lower', [eb.ref('email')]), 'in', chunk))
      .execute();
    for (const a of accounts) kept.add(a.email);
    for (const o of orders) kept.add(o.address as string);
  }
  for (const address of addresses) if (!kept.has(address)) await erasePersonalRows(ctx, addressOnly(address));
  return due.length;
}

/**
 * Gives guest orders their purge date once it has passed: orders without an account (and whose address has no
 * account now; that customer's orders are theirs, dated at erasure) placed before the retention cutoff, i.e. 7
 * years after the end of their fiscal year. Only those orders: a guest's newer orders keep no date until theirs
 * comes. Returns how many orders it dated.
 */
export async function stampExpiredGuestOrders(ctx: Ctx): Promise<number> {
  const zone = ctx.config.shopTimezone;
  const expired = await ctx.db
    .selectFrom('orders')
    .select(['id', 'created_at'])
    .where('customer_id', 'is', null)
    .where('purge_after', 'is', null)
    .where('email', '<>', ERASED_EMAIL)
    .where('created_at', '<', retentionCutoff(isoNow(ctx.clock), zone))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('customers')
            .select('customers.id')
            .whereRef('customers.email', '=', (eb) => eb.fn('lower', [eb.ref('orders.email')])),
        ),
      ),
    )
    .execute();
  // one update per purge date (orders of one fiscal year share it), in chunks
  const byDate = new Map<string, string[]>();
  for (const o of expired) {
    const date = purgeDateOf(o.created_at, zone);
    byDate.set(date, [...(byDate.get(date) ?? []), o.id]);
  }
  for (const [date, ids] of byDate)
    for (let i = 0; i < ids.length; i += CHUNK)
      await ctx.db
        .updateTable('orders')
        .set({ purge_after: date })
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute();
  return expired.length;
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
 * so once started (by the first erasure, or by the daily housekeeping) it runs daily. Safe to run twice:
 * anonymised records are left alone.
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
