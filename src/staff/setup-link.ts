import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { hashToken, newToken } from './tokens.ts';

const SETUP_HOURS = 24;

/**
 * While the shop has no owner who can log in, every start prints a fresh one-time setup link (older unused ones
 * stop working). There is no default password anywhere. Returns null once an owner exists.
 */
export async function issueSetupLink(ctx: Ctx): Promise<string | null> {
  const owner = await ctx.db
    .selectFrom('staff')
    .select('id')
    .where('role', '=', 'owner')
    .where('password_hash', 'is not', null)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (owner) return null;
  const token = newToken();
  const now = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('staff_tokens')
      .where('purpose', '=', 'setup')
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('staff_tokens')
      .values({
        token_hash: hashToken(token),
        purpose: 'setup',
        email: null,
        role: 'owner',
        created_by: null,
        created_at: now,
        expires_at: new Date(ctx.clock.now().add({ hours: SETUP_HOURS }).epochMilliseconds).toISOString(),
        used_at: null,
      })
      .execute();
  });
  return `${ctx.config.publicUrl}/admin/setup/${token}`;
}
