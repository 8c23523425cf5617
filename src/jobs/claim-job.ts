import { randomUUID } from 'node:crypto';
import { PostgresAdapter } from 'kysely';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import type { JobTable } from './tables.ts';

export type Claim = { job: JobTable; token: string };

/**
 * Claims the oldest due job of one of `kinds` for `leaseMs`: a 'pending' job whose `run_at` has come, or a
 * 'running' one whose lease ran out (its worker died). One statement that marks it 'running', counts the
 * attempt and records a fresh claim token, so it is atomic by itself: on PostgreSQL the candidate row is
 * picked with `FOR UPDATE SKIP LOCKED` (concurrent workers take different jobs and never wait on each
 * other); SQLite runs one writer at a time. Null when nothing is due.
 */
export async function claimJob(ctx: Ctx, kinds: readonly string[], leaseMs: number): Promise<Claim | null> {
  if (kinds.length === 0) return null;
  const now = isoNow(ctx.clock);
  const lockedUntil = new Date(ctx.clock.now().epochMilliseconds + leaseMs).toISOString();
  const token = randomUUID();
  const postgres = ctx.db.getExecutor().adapter instanceof PostgresAdapter;
  let candidate = ctx.db
    .selectFrom('jobs')
    .select('id')
    .where('kind', 'in', kinds)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', now)]),
      ]),
    )
    .orderBy('run_at')
    .orderBy('id')
    .limit(1);
  if (postgres) candidate = candidate.forUpdate().skipLocked();
  const job = await ctx.db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      locked_until: lockedUntil,
      locked_by: token,
      updated_at: now,
    }))
    .where('id', '=', candidate)
    .returningAll()
    .executeTakeFirst();
  return job ? { job, token } : null;
}
