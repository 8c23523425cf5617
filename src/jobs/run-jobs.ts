import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { claimJob } from './claim-job.ts';
import { type JobKinds, RUN_AGAIN } from './job-kind.ts';

export type RunOptions = {
  /** How long a claim lasts before another worker may take the job over; default 5 minutes. */
  leaseMs?: number;
};

export type JobOutcome = {
  id: string;
  kind: string;
  attempt: number;
  /** 'again': the job returned RUN_AGAIN (a slice of a long job is done): pending again, no attempt used. */
  outcome: 'done' | 'again' | 'retry' | 'failed';
  error?: string;
};

const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 6 * 3600_000;

/**
 * Claims one due job and runs it: 'done' on success; on an error 'pending' again after an exponential
 * back-off, or 'failed' with the last error once the kind's `maxAttempts` are used up. The result is
 * recorded only while this claim still holds the job (a worker that outlived its lease changes nothing).
 * Null when no job was due.
 */
export async function runNextJob(
  ctx: Ctx,
  kinds: JobKinds,
  options: RunOptions = {},
): Promise<JobOutcome | null> {
  const claim = await claimJob(ctx, Object.keys(kinds), options.leaseMs ?? DEFAULT_LEASE_MS);
  if (!claim) return null;
  const { job, token } = claim;
  const kind = kinds[job.kind]!;
  const base = { id: job.id, kind: job.kind, attempt: job.attempts };

  let error: string | null = null;
  let again = false;
  if (job.attempts > kind.maxAttempts) {
    // its last attempt's worker died (the lease ran out): nothing left to try
    error = job.last_error ?? 'the worker stopped during the last attempt';
  } else {
    const lease = options.leaseMs ?? DEFAULT_LEASE_MS;
    // a long job keeps its claim: the lease is renewed a few times per lease while it runs
    const renewal = setInterval(
      () => {
        renewLease(ctx, job.id, token, lease).catch(() => {});
      },
      Math.max(50, Math.floor(lease / 3)),
    );
    renewal.unref();
    try {
      again =
        (await kind.run(ctx, {
          id: job.id,
          kind: job.kind,
          payload: JSON.parse(job.payload_json),
          attempt: job.attempts,
        })) === RUN_AGAIN;
    } catch (err) {
      error = err instanceof Error ? err.message || err.name : String(err);
    } finally {
      clearInterval(renewal);
    }
  }

  const now = isoNow(ctx.clock);
  const finish = ctx.db
    .updateTable('jobs')
    .where('id', '=', job.id)
    .where('locked_by', '=', token)
    .where('status', '=', 'running');
  if (error === null && again) {
    // due now, so behind the jobs that were due before; the claim's attempt is given back
    await finish
      .set((eb) => ({
        status: 'pending',
        run_at: now,
        attempts: eb('attempts', '-', 1),
        locked_until: null,
        locked_by: null,
        updated_at: now,
      }))
      .execute();
    return { ...base, outcome: 'again' };
  }
  if (error === null) {
    await finish
      .set({ status: 'done', locked_until: null, locked_by: null, last_error: null, updated_at: now })
      .execute();
    return { ...base, outcome: 'done' };
  }
  if (job.attempts >= kind.maxAttempts) {
    await finish
      .set({ status: 'failed', locked_until: null, locked_by: null, last_error: error, updated_at: now })
      .execute();
    return { ...base, outcome: 'failed', error };
  }
  const delay = Math.min((kind.backoffMs ?? DEFAULT_BACKOFF_MS) * 2 ** (job.attempts - 1), MAX_BACKOFF_MS);
  const runAt = new Date(ctx.clock.now().epochMilliseconds + delay).toISOString();
  await finish
    .set({
      status: 'pending',
      run_at: runAt,
      locked_until: null,
      locked_by: null,
      last_error: error,
      updated_at: now,
    })
    .execute();
  return { ...base, outcome: 'retry', error };
}

/** Moves a running job's lease on, as long as this claim (token) still holds it. */
async function renewLease(ctx: Ctx, id: string, token: string, leaseMs: number): Promise<void> {
  await ctx.db
    .updateTable('jobs')
    .set({ locked_until: new Date(ctx.clock.now().epochMilliseconds + leaseMs).toISOString() })
    .where('id', '=', id)
    .where('locked_by', '=', token)
    .where('status', '=', 'running')
    .execute();
}

/** Runs due jobs one after another until none is due; returns what happened (tests, the CLI). */
export async function runJobsUntilIdle(
  ctx: Ctx,
  kinds: JobKinds,
  options: RunOptions = {},
): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  for (;;) {
    const outcome = await runNextJob(ctx, kinds, options);
    if (!outcome) return outcomes;
    outcomes.push(outcome);
  }
}
