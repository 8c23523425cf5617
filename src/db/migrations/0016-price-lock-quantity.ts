import { type Kysely, sql } from 'kysely';

// Frozen in time once landed: never import application code here.
// A reminder's price lock covers the reminder's quantity only: units beyond it pay today's price.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('price_locks')
    .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(1).check(sql`quantity > 0`))
    .execute();
  // locks made before: the quantity of the reminder that made them (their source is 'reminder:<id>')
  await sql`update price_locks set quantity = coalesce(
      (select r.quantity from replenishment_reminders r where 'reminder:' || r.id = price_locks.source), 1)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('price_locks').dropColumn('quantity').execute();
}
