import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import type { ClaimResult } from './complete-setup.ts';
import { spendLink, usableLink } from './one-time-links.ts';
import { hashPassword } from './passwords.ts';

/** The invited account behind a usable invitation link, for the form; null when the link cannot be used. */
export async function invitation(ctx: Ctx, token: string): Promise<{ email: string; name: string } | null> {
  const link = await usableLink(ctx, token, 'invite');
  if (!link?.email) return null;
  const staff = await ctx.db
    .selectFrom('staff')
    .select(['email', 'name'])
    .where('email', '=', link.email)
    .where('password_hash', 'is', null)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return staff ?? null;
}

/**
 * The invitee sets a name and password. The account must still be waiting (not disabled meanwhile); the link is
 * spent in the same transaction, so it works once.
 */
export async function acceptInvite(
  ctx: Ctx,
  token: string,
  input: { name: string; password: string },
): Promise<ClaimResult> {
  const link = await usableLink(ctx, token, 'invite');
  if (!link?.email) return { ok: false, reason: 'link-invalid' };
  const passwordHash = await hashPassword(input.password);
  const now = isoNow(ctx.clock);
  const email = link.email;
  return ctx.db.transaction().execute(async (trx): Promise<ClaimResult> => {
    const staff = await trx
      .selectFrom('staff')
      .select('id')
      .where('email', '=', email)
      .where('password_hash', 'is', null)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!staff || !(await spendLink(trx, link.tokenHash, now))) return { ok: false, reason: 'link-invalid' };
    await trx
      .updateTable('staff')
      .set({ name: input.name, password_hash: passwordHash, updated_at: now })
      .where('id', '=', staff.id)
      .execute();
    return { ok: true, staffId: staff.id };
  });
}
