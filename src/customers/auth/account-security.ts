import type { Ctx } from '../../context.ts';
import { hashToken } from '../../staff/tokens.ts';

export type SessionRow = {
  /** The session's hash id: names it in forms; the cookie's token cannot be derived from it. */
  id: string;
  method: string;
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
};

export type PasskeyRow = { id: string; label: string; createdAt: string; lastUsedAt: string | null };

/** The customer's sessions that have not expired, newest first; `current` marks the one asking. */
export async function listSessions(ctx: Ctx, customerId: string, currentToken: string | undefined) {
  const currentHash = currentToken ? hashToken(currentToken) : '';
  const rows = await ctx.db
    .selectFrom('customer_sessions')
    .select(['id_hash', 'method', 'user_agent', 'created_at', 'last_seen_at'])
    .where('customer_id', '=', customerId)
    .where('expires_at', '>', new Date(ctx.clock.now().epochMilliseconds).toISOString())
    .orderBy('last_seen_at', 'desc')
    .orderBy('id_hash')
    .execute();
  return rows.map(
    (r): SessionRow => ({
      id: r.id_hash,
      method: r.method,
      userAgent: r.user_agent,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      current: r.id_hash === currentHash,
    }),
  );
}

/** Ends one of the customer's own sessions; false when there is no such session of theirs. */
export async function endSession(ctx: Ctx, customerId: string, sessionId: string): Promise<boolean> {
  const result = await ctx.db
    .deleteFrom('customer_sessions')
    .where('customer_id', '=', customerId)
    .where('id_hash', '=', sessionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function listPasskeys(ctx: Ctx, customerId: string): Promise<PasskeyRow[]> {
  const rows = await ctx.db
    .selectFrom('passkeys')
    .select(['id', 'label', 'created_at', 'last_used_at'])
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

/** Removes one of the customer's own passkeys; false when there is no such passkey of theirs. */
export async function removePasskey(ctx: Ctx, customerId: string, passkeyId: string): Promise<boolean> {
  const result = await ctx.db
    .deleteFrom('passkeys')
    .where('customer_id', '=', customerId)
    .where('id', '=', passkeyId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
