import { isoNow } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { Ctx } from '../../context.ts';
import { hashToken, newToken } from '../../staff/tokens.ts';
import type { AuthChallengeTable } from '../tables.ts';

/** A passkey ceremony must finish within this many minutes. */
export const CHALLENGE_MINUTES = 5;
/** The short-lived cookie that binds a ceremony's challenge to this browser. */
export const CHALLENGE_COOKIE = 'tb_webauthn';

/** Who the passkeys belong to: PUBLIC_URL's host name is the RP ID, its origin the only accepted origin. */
export function relyingParty(config: Config): { rpID: string; origin: string; rpName: string } {
  const url = new URL(config.publicUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: config.shopName };
}

/** Keeps a challenge for one ceremony; returns the cookie value that finds it again (only its hash is stored). */
export async function storeChallenge(
  ctx: Ctx,
  purpose: AuthChallengeTable['purpose'],
  customerId: string | null,
  challenge: string,
): Promise<string> {
  const handle = newToken();
  const now = ctx.clock.now();
  await ctx.db.deleteFrom('auth_challenges').where('expires_at', '<=', isoNow(ctx.clock)).execute();
  await ctx.db
    .insertInto('auth_challenges')
    .values({
      id: hashToken(handle),
      challenge,
      purpose,
      customer_id: customerId,
      expires_at: new Date(now.add({ minutes: CHALLENGE_MINUTES }).epochMilliseconds).toISOString(),
      created_at: isoNow(ctx.clock),
    })
    .execute();
  return handle;
}

/**
 * Takes a challenge out (each works once): null when the cookie is missing or unknown, the challenge expired, or
 * it belongs to another purpose or customer.
 */
export async function takeChallenge(
  ctx: Ctx,
  handle: string | undefined,
  purpose: AuthChallengeTable['purpose'],
  customerId: string | null,
): Promise<string | null> {
  if (!handle) return null;
  const id = hashToken(handle);
  const row = await ctx.db
    .selectFrom('auth_challenges')
    .select(['challenge', 'purpose', 'customer_id', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const deleted = await ctx.db.deleteFrom('auth_challenges').where('id', '=', id).executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1) return null;
  if (row.expires_at <= isoNow(ctx.clock) || row.purpose !== purpose || row.customer_id !== customerId)
    return null;
  return row.challenge;
}
