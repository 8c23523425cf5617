import { createHmac } from 'node:crypto';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import { normaliseEmail } from './account-fields.ts';
import { verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

/** At most this many failed logins per account (e-mail address) per hour; then even the right password waits. */
export const MAX_FAILURES_PER_HOUR = 100;

export type LogInResult =
  | { ok: true; token: string; staffId: string }
  | { ok: false; reason: 'login-failed' | 'too-many-requests' };

/**
 * Checks an e-mail address and password and starts a fresh session. Unknown addresses, wrong passwords, waiting
 * invitations and disabled accounts all get the same answer after the same argon2 work. Failures are counted per
 * address (stored only as a keyed hash) whether or not the address exists.
 */
export async function logIn(
  ctx: Ctx,
  input: { email: string; password: string; userAgent: string },
): Promise<LogInResult> {
  const email = normaliseEmail(input.email);
  const emailHash = createHmac('sha256', ctx.config.sessionSecret).update(`login:${email}`).digest('hex');
  const now = ctx.clock.now();
  const hourAgo = new Date(now.epochMilliseconds - 3600_000).toISOString();
  const failures = await ctx.db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email_hash', '=', emailHash)
    .where('at', '>', hourAgo)
    .executeTakeFirstOrThrow();
  if (Number(failures.n) >= MAX_FAILURES_PER_HOUR) return { ok: false, reason: 'too-many-requests' };

  const staff = await ctx.db
    .selectFrom('staff')
    .select(['id', 'password_hash', 'disabled_at'])
    .where('email', '=', email)
    .executeTakeFirst();
  const matches = await verifyPassword(staff?.password_hash ?? null, input.password);
  if (!staff || !matches || staff.disabled_at !== null) {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('login_failures')
        .where('email_hash', '=', emailHash)
        .where('at', '<=', hourAgo)
        .execute();
      await trx
        .insertInto('login_failures')
        .values({ id: newId(now.epochMilliseconds), email_hash: emailHash, at: isoNow(ctx.clock) })
        .execute();
    });
    return { ok: false, reason: 'login-failed' };
  }
  return { ok: true, token: await createSession(ctx, staff.id, input.userAgent), staffId: staff.id };
}
