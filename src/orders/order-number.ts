import { PostgresAdapter, sql } from 'kysely';
import type { Ctx } from '../context.ts';

/**
 * The next `count` human order numbers, `TB-2026-000123`, in ascending order: short enough to read out on the
 * phone and to use as the bank transfer reference. PostgreSQL draws from a sequence (no row lock held until
 * commit, so concurrent checkouts do not queue on it; a rolled-back order leaves a gap); SQLite, which runs one
 * writer at a time anyway, counts in a row updated in the same transaction. Unique either way.
 * Must run inside the orders' transaction (`ctx.db` is the transaction).
 */
export async function nextOrderNumbers(ctx: Ctx, year: number, count: number): Promise<string[]> {
  let values: number[];
  if (ctx.db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ value: number }>`select nextval('order_number_seq') as value
      from generate_series(1, ${count})`.execute(ctx.db);
    values = rows.map((r) => Number(r.value)).sort((a, b) => a - b);
  } else {
    const row = await ctx.db
      .updateTable('order_counters')
      .set((eb) => ({ value: eb('value', '+', count) }))
      .where('name', '=', 'order')
      .returning('value')
      .executeTakeFirstOrThrow();
    values = Array.from({ length: count }, (_, i) => row.value - count + 1 + i);
  }
  return values.map((value) => `TB-${year}-${String(value).padStart(6, '0')}`);
}
