import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import type { AccountInput } from './account-fields.ts';
import { spendLink, usableLink } from './one-time-links.ts';
import { hashPassword } from './passwords.ts';

export type ClaimResult =
  | { ok: true; staffId: string }
  | { ok: false; reason: 'link-invalid' | 'email-taken' };

/**
 * Creates the first owner from the one-time setup link printed at start. The owner row and the spent link are
 * written in one transaction, so the link works exactly once even when two browsers race.
 */
export async function completeSetup(ctx: Ctx, token: string, input: AccountInput): Promise<ClaimResult> {
  const link = await usableLink(ctx, token, 'setup');
  if (!link) return { ok: false, reason: 'link-invalid' };
  const passwordHash = await hashPassword(input.password);
  const now = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx): Promise<ClaimResult> => {
    const taken = await trx
      .selectFrom('staff')
      .select('id')
      .where('email', '=', input.email)
      .executeTakeFirst();
    if (taken) return { ok: false, reason: 'email-taken' };
    if (!(await spendLink(trx, link.tokenHash, now))) return { ok: false, reason: 'link-invalid' };
    const staffId = newId(ctx.clock.now().epochMilliseconds);
    await trx
      .insertInto('staff')
      .values({
        id: staffId,
        email: input.email,
        name: input.name,
        role: 'owner',
        password_hash: passwordHash,
        created_at: now,
        updated_at: now,
        disabled_at: null,
      })
      .execute();
    return { ok: true, staffId };
  });
}
