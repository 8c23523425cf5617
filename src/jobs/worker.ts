import { setTimeout as sleep } from 'node:timers/promises';
import type { Ctx } from '../context.ts';
import type { JobKinds } from './job-kind.ts';
import { type JobOutcome, type RunOptions, runNextJob } from './run-jobs.ts';

/** The subset of a pino logger the worker uses (Fastify's `app.log` fits). */
export type WorkerLog = {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type Worker = {
  /** Finishes the job in hand (if any), then stops polling. */
  stop(): Promise<void>;
};

/**
 * A job loop: runs due jobs back to back, and when none is due looks again every `pollMs`. Any number of
 * workers, in any number of processes, may share one database; each job is claimed by one at a time.
 * `serve` starts one in-process; `toonbank worker` runs only this.
 */
export function startWorker(
  ctx: Ctx,
  kinds: JobKinds,
  options: RunOptions & { pollMs: number; log: WorkerLog },
): Worker {
  const stopping = new AbortController();
  const report = (o: JobOutcome) => {
    if (o.outcome === 'done') options.log.info(o, 'job done');
    else if (o.outcome === 'again')
      options.log.info(o, 'job paused; it goes on after the jobs due before it');
    else options.log.error(o, o.outcome === 'retry' ? 'job failed; will retry' : 'job failed for good');
  };
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      let outcome: JobOutcome | null = null;
      try {
        outcome = await runNextJob(ctx, kinds, options);
        if (outcome) report(outcome);
      } catch (err) {
        options.log.error({ err }, 'could not claim or record a job');
      }
      if (!outcome) await sleep(options.pollMs, undefined, { signal: stopping.signal }).catch(() => {});
    }
  })();
  return {
    stop: async () => {
      stopping.abort();
      await loop;
    },
  };
}
