import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';

/**
 * Adds a job, to run at `runAt` (default now). Call it inside the transaction whose commit the job
 * follows, so the work exists exactly when its cause does. A second job with the same idempotency key
 * is ignored; returns whether this call added it.
 */
export async function enqueueJob(
  ctx: Ctx,
  input: { kind: string; payload: unknown; idempotencyKey: string; runAt?: string },
): Promise<boolean> {
  const at = isoNow(ctx.clock);
  const result = await ctx.db
    .insertInto('jobs')
    .values({
      id: newId(ctx.clock.now().epochMilliseconds),
      kind: input.kind,
      payload_json: JSON.stringify(input.payload),
      status: 'pending',
      run_at: input.runAt ?? at,
      attempts: 0,
      last_error: null,
      idempotency_key: input.idempotencyKey,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}
