import { createHmac } from 'node:crypto';
import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';

export type RateRule = { kind: string; key: string; max: number; windowMinutes: number };

/**
 * Counts an attempt against every rule and says whether all of them still allow it. Keys (an address, an IP)
 * are stored only as a keyed hash. A refused attempt is not counted, so waiting always helps; rows older than
 * the window are cleared on the way.
 */
export async function allowAttempt(ctx: Ctx, rules: RateRule[]): Promise<boolean> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    for (const rule of rules) {
      const since = new Date(now.epochMilliseconds - rule.windowMinutes * 60_000).toISOString();
      const keyHash = rateKeyHash(ctx.config.sessionSecret, rule.kind, rule.key);
      await trx
        .deleteFrom('rate_events')
        .where('kind', '=', rule.kind)
        .where('key_hash', '=', keyHash)
        .where('at', '<=', since)
        .execute();
      const { n } = await trx
        .selectFrom('rate_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', rule.kind)
        .where('key_hash', '=', keyHash)
        .where('at', '>', since)
        .executeTakeFirstOrThrow();
      if (Number(n) >= rule.max) return false;
    }
    for (const rule of rules) {
      await trx
        .insertInto('rate_events')
        .values({
          id: newId(now.epochMilliseconds),
          kind: rule.kind,
          key_hash: rateKeyHash(ctx.config.sessionSecret, rule.kind, rule.key),
          at: isoNow(ctx.clock),
        })
        .execute();
    }
    return true;
  });
}

function rateKeyHash(secret: string, kind: string, key: string): string {
  return createHmac('sha256', secret).update(`rate:${kind}:${key}`).digest('hex');
}
