import type { Ctx } from '../../context.ts';
import { ERASED, personalTables } from '../../db/personal-data.ts';
import { anyDb, belongsTo, type DataSubject } from './customer-rows.ts';

/**
 * Deletes or anonymises `who`'s rows in every personal table of the registry, except sales records
 * ('retain-fiscal') and the account and household rows themselves (the caller removes those last, as other rows
 * point to them). Rows found through another table ('via') go first, while that table still leads to them.
 */
export async function erasePersonalRows(ctx: Ctx, who: DataSubject): Promise<void> {
  const db = anyDb(ctx);
  const tables = personalTables().sort(
    (a, b) => Number(b.entry.find.by === 'via') - Number(a.entry.find.by === 'via'),
  );
  for (const { table, entry } of tables) {
    if (entry.onErase === 'retain-fiscal') continue;
    if (entry.find.by === 'self' || entry.find.by === 'household') continue;
    if (entry.onErase === 'delete') {
      await db
        .deleteFrom(table)
        .where((eb) => belongsTo(eb, entry.find, who))
        .execute();
      continue;
    }
    const set = Object.fromEntries(
      entry.columns.map((c) => [c, entry.placeholders?.[c] !== undefined ? entry.placeholders[c] : ERASED]),
    );
    await db
      .updateTable(table)
      .set(set)
      .where((eb) => belongsTo(eb, entry.find, who))
      .execute();
  }
}

/** No account: a subject known only by an address (an erased customer's, found again on a sales record); the id matches no row. */
export function addressOnly(email: string): DataSubject {
  return { id: '(no account)', email, householdId: null };
}
