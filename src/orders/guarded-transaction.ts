import type { Ctx } from '../context.ts';
import { RetriesExhausted, withRetry } from './with-retry.ts';

/** The order changed between our read and our guarded update (another click, another process won): read again. */
export class ChangedMeanwhile extends Error {}

/**
 * Runs `work` in a transaction of its own for a change to one order that is guarded by what was read (the
 * status, the delivery date). `work` throws ChangedMeanwhile when its guarded update finds the order changed;
 * the whole transaction then runs again on a fresh read, up to three more times (after that the error passes
 * through). A database that stays busy (see withRetry) is answered with `{ ok: false, reason: 'try-again' }`.
 * `ctx.db` is the database; `work` gets the same ctx with the transaction as its `db`.
 */
export async function guardedTransaction<T>(
  ctx: Ctx,
  work: (tx: Ctx) => Promise<T>,
): Promise<T | { ok: false; reason: 'try-again' }> {
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return await withRetry(() => ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx })));
      } catch (error) {
        if (error instanceof ChangedMeanwhile && attempt < 3) continue;
        throw error;
      }
    }
  } catch (error) {
    if (error instanceof RetriesExhausted) return { ok: false, reason: 'try-again' };
    throw error;
  }
}
