import type { Ctx } from '../context.ts';

/** A claimed job as its handler sees it. */
export type ClaimedJob = {
  id: string;
  kind: string;
  /** The payload as enqueued (parsed JSON); the handler checks its shape. */
  payload: unknown;
  /** This attempt's number, 1 for the first. */
  attempt: number;
};

/**
 * What `run` returns when it stopped early on purpose, its progress saved: the job goes back to 'pending', due
 * at once but behind every job that was due before it, without using up an attempt. A long job (a staff
 * message to a million customers) works in slices this way, so the jobs queued meanwhile (order confirmations,
 * sign-in links) are not kept waiting until it is done.
 */
export const RUN_AGAIN = 'run-again' as const;

/**
 * What a kind of job declares: its handler and how often to try. `run` must be safe to run again for the
 * same job (a worker may die after the work but before recording it): key outside effects on `job.id`
 * or on the job's own idempotency key. A thrown error is retried after an exponential back-off
 * (`backoffMs` · 2^(attempt−1)), up to `maxAttempts`; then the job is 'failed' with the last error.
 */
export type JobKind = {
  maxAttempts: number;
  /** First retry delay; default 30 s. */
  backoffMs?: number;
  /** Returns nothing when the job is done, or RUN_AGAIN to go on later. */
  // biome-ignore lint/suspicious/noConfusingVoidType: most kinds return nothing (an async function's Promise<void>)
  run(ctx: Ctx, job: ClaimedJob): Promise<void | typeof RUN_AGAIN>;
};

/** The kinds a worker runs, by the `kind` stored in the jobs table. A worker never claims other kinds. */
export type JobKinds = Readonly<Record<string, JobKind>>;
