import { createHmac } from 'node:crypto';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { normaliseEmail } from './guard.ts';

export type SuppressionReason = 'erased' | 'hard-bounce' | 'complaint';

/**
 * The suppression list keeps no addresses, only a keyed hash of each (HMAC with the shop's secret), so an
 * erased customer's address cannot be read back, yet is recognised and never mailed again.
 */
export function addressHash(secret: string, email: string): string {
  return createHmac('sha256', secret)
    .update(`suppress:${normaliseEmail(email)}`)
    .digest('hex');
}

export async function suppressAddress(ctx: Ctx, email: string, reason: SuppressionReason): Promise<void> {
  await ctx.db
    .insertInto('suppressed_addresses')
    .values({
      address_hash: addressHash(ctx.config.sessionSecret, email),
      reason,
      created_at: isoNow(ctx.clock),
    })
    .onConflict((oc) => oc.column('address_hash').doNothing())
    .execute();
}

/** The reason an address must not be mailed, or null when it may be. */
export async function suppressionOf(ctx: Ctx, email: string): Promise<SuppressionReason | null> {
  const row = await ctx.db
    .selectFrom('suppressed_addresses')
    .select('reason')
    .where('address_hash', '=', addressHash(ctx.config.sessionSecret, email))
    .executeTakeFirst();
  return (row?.reason as SuppressionReason | undefined) ?? null;
}
