import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
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
  return ctx.db.transaction().execute(async (trx) => {
    const tx: Ctx = { ...ctx, db: trx };
    if (!(await withinLimits(tx, rules))) return false;
    await countAttempt(tx, rules);
    return true;
  });
}

/**
 * Whether every rule still allows an attempt, without counting one: for limits on failures only (check first,
 * then `countAttempt` when the attempt failed). Rows older than the window are cleared on the way.
 */
export async function withinLimits(ctx: Ctx, rules: RateRule[]): Promise<boolean> {
  const now = ctx.clock.now();
  for (const rule of rules) {
    const since = new Date(now.epochMilliseconds - rule.windowMinutes * 60_000).toISOString();
    const keyHash = rateKeyHash(ctx.config.sessionSecret, rule.kind, rule.key);
    await ctx.db
      .deleteFrom('rate_events')
      .where('kind', '=', rule.kind)
      .where('key_hash', '=', keyHash)
      .where('at', '<=', since)
      .execute();
    const { n } = await ctx.db
      .selectFrom('rate_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', rule.kind)
      .where('key_hash', '=', keyHash)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(n) >= rule.max) return false;
  }
  return true;
}

/** Counts one attempt against every rule. */
export async function countAttempt(ctx: Ctx, rules: RateRule[]): Promise<void> {
  const now = ctx.clock.now();
  for (const rule of rules) {
    await ctx.db
      .insertInto('rate_events')
      .values({
        id: newId(now.epochMilliseconds),
        kind: rule.kind,
        key_hash: rateKeyHash(ctx.config.sessionSecret, rule.kind, rule.key),
        at: isoNow(ctx.clock),
      })
      .execute();
  }
}

/**
 * The key for "one client" by its IP address: an IPv4 address as it is, an IPv6 address by its /64 network (one
 * home or phone gets a whole /64, so counting single IPv6 addresses would not limit anyone).
 */
export function clientKey(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

function rateKeyHash(secret: string, kind: string, key: string): string {
  return createHmac('sha256', secret).update(`rate:${kind}:${key}`).digest('hex');
}
