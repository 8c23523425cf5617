import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import type { StaffRole } from './tables.ts';
import { hashToken, newToken } from './tokens.ts';

const SESSION_HOURS = 12;

export type SessionStaff = { id: string; email: string; name: string; role: StaffRole };

/** Starts a new session (a fresh id at every login) and returns the cookie value. */
export async function createSession(ctx: Ctx, staffId: string, userAgent: string): Promise<string> {
  const token = newToken();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('staff_sessions')
    .values({
      id_hash: hashToken(token),
      staff_id: staffId,
      created_at: isoNow(ctx.clock),
      last_seen_at: isoNow(ctx.clock),
      expires_at: new Date(now.add({ hours: SESSION_HOURS }).epochMilliseconds).toISOString(),
      user_agent: userAgent.slice(0, 200),
    })
    .execute();
  return token;
}

/** The staff member behind a session cookie, or null when it is unknown, expired or the account is disabled. */
export async function loadSession(ctx: Ctx, token: string): Promise<SessionStaff | null> {
  const row = await ctx.db
    .selectFrom('staff_sessions')
    .innerJoin('staff', 'staff.id', 'staff_sessions.staff_id')
    .select([
      'staff.id',
      'staff.email',
      'staff.name',
      'staff.role',
      'staff.disabled_at',
      'staff_sessions.expires_at',
    ])
    .where('staff_sessions.id_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.disabled_at || row.expires_at <= isoNow(ctx.clock)) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

export async function endSession(ctx: Ctx, token: string): Promise<void> {
  await ctx.db.deleteFrom('staff_sessions').where('id_hash', '=', hashToken(token)).execute();
}

/** Logout everywhere, and what disabling an account does. */
export async function endAllSessions(ctx: Ctx, staffId: string): Promise<void> {
  await ctx.db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute();
}
