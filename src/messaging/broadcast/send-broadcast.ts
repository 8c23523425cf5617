import { PostgresAdapter } from 'kysely';
import { isoNow } from '../../clock.ts';
import type { Locale } from '../../config.ts';
import type { Ctx } from '../../context.ts';
import { enqueueJob } from '../../jobs/enqueue-job.ts';
import { type JobKind, RUN_AGAIN } from '../../jobs/job-kind.ts';
import { inTransaction } from '../../preferences/preference-store.ts';
import type { BroadcastTable } from '../../replenishment/tables.ts';
import { renderTemplate } from '../templates.ts';
import { type Audience, countAudience, loadAudience } from './audience.ts';
import { type BroadcastCounts, countDecisions, emptyCounts } from './broadcast-counts.ts';
import { BROADCAST_CHUNK, decideChunk, loadChunkFacts, planBroadcast } from './decide-broadcast.ts';
import { recordBroadcastChunk } from './record-broadcast-chunk.ts';
import { staffMessageData } from './staff-message-mail.tsx';

export const BROADCAST_SEND_JOB = 'broadcast-send';

/** The send job's idempotency key: one job per broadcast, however often "send" is pressed. */
export const sendJobKey = (broadcastId: string) => `${BROADCAST_SEND_JOB}:${broadcastId}`;

/**
 * Asks for a staff message to be sent: a draft becomes 'queued' and its send job is enqueued, in one
 * transaction. Safe to repeat (a double-submitted form): a broadcast that is queued, sending or sent is left as
 * it is, and the job's key lets only one job exist — except a send whose job gave up after its last attempt,
 * which is tried again (it goes on where it stopped). The staff member watches the job on the broadcast's page.
 * A draft whose preview is still being counted (by the 'broadcast-preview' job) is not sent: 'preview-pending'.
 */
export async function requestBroadcastSend(
  ctx: Ctx,
  broadcastId: string,
): Promise<{ ok: true; queued: boolean } | { ok: false; reason: 'unknown-broadcast' | 'preview-pending' }> {
  return inTransaction(ctx, async (tx) => {
    const queued = await tx.db
      .updateTable('broadcasts')
      .set({ status: 'queued' })
      .where('id', '=', broadcastId)
      .where('status', '=', 'draft')
      // sent only once the staff member could see the whole preview
      .where('preview_cursor', 'is', null)
      .executeTakeFirst();
    if (queued.numUpdatedRows !== 1n) {
      const exists = await tx.db
        .selectFrom('broadcasts')
        .select('status')
        .where('id', '=', broadcastId)
        .executeTakeFirst();
      if (!exists) return { ok: false, reason: 'unknown-broadcast' };
      if (exists.status === 'draft') return { ok: false, reason: 'preview-pending' };
      if (exists.status === 'sent') return { ok: true, queued: false };
      const again = await tx.db
        .updateTable('jobs')
        .set({ status: 'pending', attempts: 0, run_at: isoNow(tx.clock), updated_at: isoNow(tx.clock) })
        .where('idempotency_key', '=', sendJobKey(broadcastId))
        .where('status', '=', 'failed')
        .executeTakeFirst();
      return { ok: true, queued: again.numUpdatedRows === 1n };
    }
    await enqueueJob(tx, {
      kind: BROADCAST_SEND_JOB,
      payload: { broadcastId },
      idempotencyKey: sendJobKey(broadcastId),
    });
    return { ok: true, queued: true };
  });
}

export type SendBroadcastResult =
  /** `paused`: the slice's time was up; the progress is saved and the next run goes on after it. */
  | { ok: true; counts: BroadcastCounts; created: number; paused?: true }
  | { ok: false; reason: 'unknown-broadcast' };

/** Where a send's time went, for the benchmark: reading the audience and its facts, deciding, writing. */
export type BroadcastStageTimes = { loadMs: number; decideMs: number; recordMs: number; chunks: number };

/**
 * Sends a staff message through the gateway to its whole audience — the send job's work. The instant every
 * recipient is decided for is fixed when sending starts. Then, chunk by chunk in id order: read the next
 * recipients and their facts, decide each with `decide` (`decideChunk`), and in one transaction record the
 * messages, decisions and delivery jobs (`recordBroadcastChunk`) together with the progress — the counts so far
 * and the last customer done. A retried job (a crash, a restart) goes on after that customer, so nobody is
 * decided or written twice; the messages' keys would refuse a second copy anyway. Done: 'sent' with the counts,
 * which the admin compares with the preview. Running it for a broadcast that is sent already changes nothing.
 * With `sliceMs`, it stops after the chunk during which that much time passed (once that chunk is written) and
 * answers `paused`: the job then runs again after the jobs that waited meanwhile (RUN_AGAIN).
 */
export async function runBroadcast(
  ctx: Ctx,
  broadcastId: string,
  options: { chunk?: number; times?: BroadcastStageTimes; sliceMs?: number } = {},
): Promise<SendBroadcastResult> {
  const { chunk = BROADCAST_CHUNK, times, sliceMs } = options;
  const began = performance.now();
  let b = await findBroadcast(ctx, broadcastId);
  if (!b) return { ok: false, reason: 'unknown-broadcast' };
  const audience = audienceOf(b);
  if (b.status === 'sent') return { ok: true, counts: countsOf(b), created: b.enqueued_count };
  if (b.decided_at === null) {
    const total = await countAudience(ctx, audience);
    await ctx.db
      .updateTable('broadcasts')
      .set({ status: 'sending', decided_at: isoNow(ctx.clock), total_count: total })
      .where('id', '=', b.id)
      .where('decided_at', 'is', null)
      .execute();
    b = (await findBroadcast(ctx, broadcastId))!;
  }
  const decidedAt = b.decided_at!;
  const plan = await planBroadcast(ctx, audience, Date.parse(decidedAt));
  const data = staffMessageData(b);
  const subject = (locale: Locale) => renderTemplate('staff-message', data, locale, ctx.config).subject;
  const facts = {
    broadcastId: b.id,
    topic: plan.topic,
    urgency: plan.urgency,
    deadline: plan.deadline,
    at: decidedAt,
    subjects: { nl: subject('nl'), en: subject('en') },
  };
  let counts = countsOf(b);
  let cursor = b.progress_cursor;
  let created = b.enqueued_count;
  // PostgreSQL writes in its own processes: the next chunk is read and decided, and written by a second
  // connection, while the database still writes this one; the progress updates keep the commits in order
  const inFlight: Promise<{ n: number } | { error: unknown }>[] = [];
  const parallel = ctx.db.getExecutor().adapter instanceof PostgresAdapter ? 2 : 1;
  const settle = async () => {
    const done = await inFlight.shift()!;
    if ('error' in done) {
      await Promise.all(inFlight);
      throw done.error;
    }
    created += done.n;
  };
  const clock = () => performance.now();
  for (;;) {
    let t = clock();
    const recipients = await loadAudience(ctx, audience, { after: cursor, limit: chunk });
    if (recipients.length === 0) break;
    const chunkFacts = await loadChunkFacts(ctx, plan, recipients);
    if (times) times.loadMs += clock() - t;
    t = clock();
    const decided = decideChunk(ctx, plan, recipients, chunkFacts);
    counts = countDecisions(decided.decisions, structuredClone(counts));
    if (times) times.decideMs += clock() - t;
    const last = recipients[recipients.length - 1]!.id;
    const progress = { after: cursor, last, decided: recipients.length, counts: JSON.stringify(counts) };
    const started = clock();
    const previous = inFlight.at(-1);
    inFlight.push(
      writeChunk(ctx, b.id, progress, previous, (tx) =>
        recordBroadcastChunk(tx, facts, recipients, decided),
      ).then(
        (n) => {
          if (times) {
            times.recordMs += clock() - started;
            times.chunks++;
          }
          return { n };
        },
        (error: unknown) => ({ error }),
      ),
    );
    cursor = last;
    if (inFlight.length >= parallel) await settle();
    if (sliceMs !== undefined && clock() - began >= sliceMs) {
      while (inFlight.length > 0) await settle();
      return { ok: true, counts, created, paused: true };
    }
  }
  while (inFlight.length > 0) await settle();
  await ctx.db
    .updateTable('broadcasts')
    .set((eb) => ({
      status: 'sent',
      sent_at: isoNow(ctx.clock),
      progress_cursor: null,
      total_count: eb.ref('decided_count'),
      result_json: JSON.stringify(counts),
    }))
    .where('id', '=', b.id)
    .where('status', '=', 'sending')
    .execute();
  return { ok: true, counts, created };
}

/**
 * Writes one chunk and moves the progress on, in one transaction. The progress moves only from where the
 * previous chunk left it, once that chunk (`previous`, still being written) has committed: a chunk whose
 * predecessor failed, or that another worker wrote meanwhile, changes nothing and fails.
 */
async function writeChunk(
  ctx: Ctx,
  broadcastId: string,
  progress: { after: string | null; last: string; decided: number; counts: string },
  previous: Promise<{ n: number } | { error: unknown }> | undefined,
  record: (tx: Ctx) => Promise<number>,
): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const n = await record(tx);
    if (previous && 'error' in (await previous))
      throw new Error(`broadcast ${broadcastId}: the chunk before this one failed`);
    let update = tx.db
      .updateTable('broadcasts')
      .set((eb) => ({
        progress_cursor: progress.last,
        decided_count: eb('decided_count', '+', progress.decided),
        enqueued_count: eb('enqueued_count', '+', n),
        result_json: progress.counts,
      }))
      .where('id', '=', broadcastId)
      .where('status', '=', 'sending');
    update =
      progress.after === null
        ? update.where('progress_cursor', 'is', null)
        : update.where('progress_cursor', '=', progress.after);
    const moved = await update.executeTakeFirst();
    if (moved.numUpdatedRows !== 1n) throw new Error(`broadcast ${broadcastId}: the send went on elsewhere`);
    return n;
  });
}

async function findBroadcast(ctx: Ctx, id: string): Promise<BroadcastTable | undefined> {
  return ctx.db.selectFrom('broadcasts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The audience a stored broadcast was written for. */
export function audienceOf(b: Pick<BroadcastTable, 'audience' | 'appliance_id'>): Audience {
  return b.audience === 'offers'
    ? { kind: 'offers' }
    : { kind: 'appliance-owners', applianceId: b.appliance_id ?? '', recall: b.audience === 'recall' };
}

function countsOf(b: Pick<BroadcastTable, 'result_json'>): BroadcastCounts {
  return b.result_json ? (JSON.parse(b.result_json) as BroadcastCounts) : emptyCounts();
}

/**
 * How long one run of the send job works before it lets the jobs queued meanwhile go first (RUN_AGAIN): a
 * million recipients take 10–20 s, and an order confirmation should not wait for all of them.
 */
export const BROADCAST_SLICE_MS = 5_000;

/**
 * Job kind 'broadcast-send' (enqueued by `requestBroadcastSend`): a staff message to its whole audience, in
 * slices of about BROADCAST_SLICE_MS.
 */
export const broadcastSendJob: JobKind = {
  maxAttempts: 10,
  backoffMs: 10_000,
  run: async (ctx, job) => {
    const { broadcastId } = job.payload as { broadcastId: string };
    const result = await runBroadcast(ctx, broadcastId, { sliceMs: BROADCAST_SLICE_MS });
    return result.ok && result.paused ? RUN_AGAIN : undefined;
  },
};
