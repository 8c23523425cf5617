import { PostgresAdapter, sql } from 'kysely';
import type { Ctx } from '../context.ts';

/**
 * The next human order number, `TB-2026-000123`: short enough to read out on the phone and to use as
 * the bank transfer reference. PostgreSQL draws from a sequence (no row lock held until commit, so
 * concurrent checkouts do not queue on it; a rolled-back order leaves a gap); SQLite, which runs one
 * writer at a time anyway, counts in a row updated in the same transaction. Unique either way.
 * Must run inside the order's transaction (`ctx.db` is the transaction).
 */
export async function nextOrderNumber(ctx: Ctx, year: number): Promise<string> {
  let value: number;
  if (ctx.db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ value: number }>`select nextval('order_number_seq') as value`.execute(
      ctx.db,
    );
    value = Number(rows[0]!.value);
  } else {
    const row = await ctx.db
      .updateTable('order_counters')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', 'order')
      .returning('value')
      .executeTakeFirstOrThrow();
    value = row.value;
  }
  return `TB-${year}-${String(value).padStart(6, '0')}`;
}
