import type { Ctx } from '../../context.ts';
import { type JobKind, RUN_AGAIN } from '../../jobs/job-kind.ts';
import type { BroadcastCounts } from './broadcast-counts.ts';
import { previewPart } from './decide-broadcast.ts';
import { audienceOf, BROADCAST_SLICE_MS } from './send-broadcast.ts';

/**
 * Counts a draft's preview on from where it stopped (the request counted the first customers), chunk by chunk,
 * for the instant the preview was made (`preview_at`), saving the counts and the last customer counted after
 * every chunk — only from where the previous chunk left them, so a second worker changes nothing. With `sliceMs`,
 * stops after the chunk during which that much time passed: 'paused'. 'done' once the counts are complete.
 */
export async function continuePreview(
  ctx: Ctx,
  broadcastId: string,
  options: { chunk?: number; sliceMs?: number } = {},
): Promise<'done' | 'paused' | 'unknown-broadcast'> {
  const b = await ctx.db
    .selectFrom('broadcasts')
    .selectAll()
    .where('id', '=', broadcastId)
    .executeTakeFirst();
  if (!b) return 'unknown-broadcast';
  if (b.preview_cursor === null || b.preview_at === null) return 'done';
  const began = performance.now();
  const { sliceMs } = options;
  const part = await previewPart(
    ctx,
    audienceOf(b),
    Date.parse(b.preview_at),
    {
      after: b.preview_cursor,
      counts: JSON.parse(b.preview_json ?? 'null') as BroadcastCounts,
      ...(options.chunk ? { chunk: options.chunk } : {}),
    },
    () => sliceMs !== undefined && performance.now() - began >= sliceMs,
    async (p, previous) => {
      const moved = await ctx.db
        .updateTable('broadcasts')
        .set({ preview_json: JSON.stringify(p.counts), preview_cursor: p.last })
        .where('id', '=', b.id)
        .where('preview_cursor', '=', previous ?? '')
        .executeTakeFirst();
      if (moved.numUpdatedRows !== 1n) throw new Error(`broadcast ${b.id}: the preview went on elsewhere`);
    },
  );
  return part.done ? 'done' : 'paused';
}

/**
 * Job kind 'broadcast-preview' (enqueued by `createBroadcast` for an audience bigger than it counts in the
 * request): the rest of the preview, in slices of about BROADCAST_SLICE_MS (RUN_AGAIN).
 */
export const broadcastPreviewJob: JobKind = {
  maxAttempts: 10,
  backoffMs: 10_000,
  run: async (ctx, job) => {
    const { broadcastId } = job.payload as { broadcastId: string };
    return (await continuePreview(ctx, broadcastId, { sliceMs: BROADCAST_SLICE_MS })) === 'paused'
      ? RUN_AGAIN
      : undefined;
  },
};
