import type { Kysely } from 'kysely';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import type { Database } from '../db/schema.ts';
import type { StaffRole, StaffTokenTable } from './tables.ts';
import { hashToken } from './tokens.ts';

export type UsableLink = { tokenHash: string; email: string | null; role: StaffRole };

/** The setup or invitation link behind a token, or null when it is unknown, used or expired. */
export async function usableLink(
  ctx: Ctx,
  token: string,
  purpose: StaffTokenTable['purpose'],
): Promise<UsableLink | null> {
  const row = await ctx.db
    .selectFrom('staff_tokens')
    .select(['token_hash', 'email', 'role'])
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', isoNow(ctx.clock))
    .executeTakeFirst();
  return row ? { tokenHash: row.token_hash, email: row.email, role: row.role } : null;
}

/**
 * Marks a link used; false when another request used it first. Call inside the transaction that acts on the
 * link, so a link works exactly once.
 */
export async function spendLink(db: Kysely<Database>, tokenHash: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('staff_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
