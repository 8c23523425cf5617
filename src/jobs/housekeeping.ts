import { Temporal } from 'temporal-polyfill';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { ensureRetentionJob } from '../customers/privacy/retention-purge.ts';
import { enqueueDueDigests } from '../messaging/gateway/send-digest.ts';
import { enqueueJob } from './enqueue-job.ts';
import type { JobKind } from './job-kind.ts';

export const HOUSEKEEPING_JOB = 'housekeeping';

/** How long finished work and spent credentials are kept before they go. */
const KEEP = {
  /** Done jobs: long enough to look back at a month's work; failed jobs stay until staff look at them. */
  doneJobsDays: 30,
  /** Idempotency keys are honoured for 24 h (RELIABILITY 4); a day more for clock skew. */
  idempotencyKeysHours: 48,
  /** Rate-limit tallies only ever look back an hour or a day. */
  rateEventsHours: 48,
  /** Used or expired one-time links and sessions, a day after they stopped working. */
  spentHours: 24,
  /** A cart nobody touched for this long is abandoned; no order still points at it for anything. */
  cartDays: 90,
};

export type HousekeepingResult = Record<string, number>;

/**
 * Deletes what no longer serves anyone: done jobs, expired idempotency keys, old rate-limit tallies and login
 * failures, expired or used one-time links, WebAuthn challenges and sessions, and abandoned carts. Nothing here
 * is a record the shop or the customer relies on (orders, payments, messages and the consent ledger are kept by
 * their own rules). Returns the number of rows removed per table.
 */
export async function housekeeping(ctx: Ctx): Promise<HousekeepingResult> {
  const now = ctx.clock.now();
  const before = (hours: number) => new Date(now.subtract({ hours }).epochMilliseconds).toISOString();
  const at = isoNow(ctx.clock);
  const spent = before(KEEP.spentHours);
  const removed: HousekeepingResult = {};
  const count = (name: string, result: { numDeletedRows: bigint }[]) => {
    removed[name] = (removed[name] ?? 0) + result.reduce((n, r) => n + Number(r.numDeletedRows), 0);
  };
  count(
    'jobs',
    await ctx.db
      .deleteFrom('jobs')
      .where('status', '=', 'done')
      .where('updated_at', '<', before(KEEP.doneJobsDays * 24))
      .execute(),
  );
  count(
    'idempotency_keys',
    await ctx.db
      .deleteFrom('idempotency_keys')
      .where('created_at', '<', before(KEEP.idempotencyKeysHours))
      .execute(),
  );
  count(
    'rate_events',
    await ctx.db.deleteFrom('rate_events').where('at', '<', before(KEEP.rateEventsHours)).execute(),
  );
  count(
    'login_failures',
    await ctx.db.deleteFrom('login_failures').where('at', '<', before(KEEP.rateEventsHours)).execute(),
  );
  count('auth_challenges', await ctx.db.deleteFrom('auth_challenges').where('expires_at', '<', at).execute());
  count(
    'customer_links',
    await ctx.db
      .deleteFrom('customer_links')
      .where((eb) => eb.or([eb('expires_at', '<', spent), eb('used_at', '<', spent)]))
      .execute(),
  );
  count(
    'staff_tokens',
    await ctx.db
      .deleteFrom('staff_tokens')
      .where((eb) => eb.or([eb('expires_at', '<', spent), eb('used_at', '<', spent)]))
      .execute(),
  );
  count(
    'customer_sessions',
    await ctx.db.deleteFrom('customer_sessions').where('expires_at', '<', at).execute(),
  );
  count('staff_sessions', await ctx.db.deleteFrom('staff_sessions').where('expires_at', '<', at).execute());
  // cart lines go with their cart (ON DELETE CASCADE); orders keep only the cart's id, as a plain value
  count(
    'carts',
    await ctx.db
      .deleteFrom('carts')
      .where('updated_at', '<', before(KEEP.cartDays * 24))
      .execute(),
  );
  return removed;
}

/** Makes sure the next daily run is scheduled (idempotent per day): 04:00 shop time tomorrow. */
export async function scheduleHousekeeping(ctx: Ctx): Promise<void> {
  const zone = ctx.config.shopTimezone;
  const day = ctx.clock.now().toZonedDateTimeISO(zone).toPlainDate().add({ days: 1 });
  const runAt = day.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from({ hour: 4 }) });
  await enqueueJob(ctx, {
    kind: HOUSEKEEPING_JOB,
    payload: {},
    idempotencyKey: `${HOUSEKEEPING_JOB}:${day.toString()}`,
    runAt: new Date(runAt.epochMilliseconds).toISOString(),
  });
}

/**
 * Job kind 'housekeeping': the daily clean-up, which schedules the next one first. It also keeps the daily
 * 'retention-purge' scheduled: guest orders reach their fiscal purge date in every shop, also one where nobody
 * ever erased an account (the other way that job starts); and queues a digest job for any customer with messages
 * kept for the digest but none queued.
 */
export const housekeepingJob: JobKind = {
  maxAttempts: 3,
  backoffMs: 10 * 60_000,
  run: async (ctx) => {
    await scheduleHousekeeping(ctx);
    await ensureRetentionJob(ctx);
    await enqueueDueDigests(ctx);
    await housekeeping(ctx);
  },
};
