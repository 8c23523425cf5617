import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { enqueueJob } from '../../jobs/enqueue-job.ts';
import { inTransaction } from '../../preferences/preference-store.ts';
import { type Audience, audienceTopic, countAudience } from './audience.ts';
import { type BroadcastCounts, emptyCounts } from './broadcast-counts.ts';
import { BROADCAST_CHUNK, previewPart } from './decide-broadcast.ts';

/** The customers a preview counts in the staff member's request; a bigger audience is counted on by a job. */
export const PREVIEW_IN_REQUEST = BROADCAST_CHUNK;
export const BROADCAST_PREVIEW_JOB = 'broadcast-preview';
/** The preview job's key: one per broadcast. */
export const previewJobKey = (broadcastId: string) => `${BROADCAST_PREVIEW_JOB}:${broadcastId}`;

export type BroadcastDraft = {
  audience: Audience;
  subjectNl: string;
  subjectEn: string;
  bodyNl: string;
  bodyEn: string;
  /** From the form: the same key again (a double submit) finds the draft made the first time. */
  idempotencyKey?: string;
};

export type CreateBroadcastResult =
  /** `complete`: the counts are the whole audience's; otherwise the 'broadcast-preview' job counts the rest. */
  | { ok: true; id: string; counts: BroadcastCounts; complete: boolean }
  | { ok: false; reason: 'required' | 'unknown-appliance' };

/**
 * Stores a staff message as a draft with its preview: the audience decided now with the gateway's `decide`,
 * counted the way the admin shows it. Nothing is sent; `requestBroadcastSend` does that after the staff member
 * saw this. With an idempotency key that made a draft before, returns that draft and makes none. Only the first
 * `inRequest` customers (PREVIEW_IN_REQUEST) are counted here: for a bigger audience the draft is stored with the
 * counts so far and where they stopped, and a 'broadcast-preview' job (enqueued with it) counts the rest for the
 * same instant; the draft's page shows how far it got, and it can be sent once the counts are complete.
 */
export async function createBroadcast(
  ctx: Ctx,
  draft: BroadcastDraft,
  staff: { id: string; name: string },
  options: { inRequest?: number } = {},
): Promise<CreateBroadcastResult> {
  const inRequest = options.inRequest ?? PREVIEW_IN_REQUEST;
  const texts = [draft.subjectNl, draft.subjectEn, draft.bodyNl, draft.bodyEn].map((s) => s.trim());
  if (texts.some((s) => s === '')) return { ok: false, reason: 'required' };
  if (draft.audience.kind === 'appliance-owners') {
    const found = await ctx.db
      .selectFrom('appliances')
      .select('id')
      .where('id', '=', draft.audience.applianceId)
      .executeTakeFirst();
    if (!found) return { ok: false, reason: 'unknown-appliance' };
  }
  const earlier = await findByKey(ctx, draft.idempotencyKey);
  if (earlier) return earlier;
  const now = ctx.clock.now().epochMilliseconds;
  const part = await previewPart(
    ctx,
    draft.audience,
    now,
    { after: null, counts: emptyCounts(), chunk: Math.min(inRequest, BROADCAST_CHUNK) },
    (counted) => counted >= inRequest,
  );
  const { counts } = part;
  const total = part.done ? counts.total : await countAudience(ctx, draft.audience);
  const id = newId(now);
  const a = draft.audience;
  return inTransaction(ctx, async (tx) => {
    const inserted = await tx.db
      .insertInto('broadcasts')
      .values({
        id,
        audience: a.kind === 'offers' ? 'offers' : a.recall ? 'recall' : 'appliance-owners',
        appliance_id: a.kind === 'appliance-owners' ? a.applianceId : null,
        topic: audienceTopic(a).topic,
        subject_nl: texts[0]!,
        subject_en: texts[1]!,
        body_nl: texts[2]!,
        body_en: texts[3]!,
        status: 'draft',
        preview_json: JSON.stringify(counts),
        preview_at: new Date(now).toISOString(),
        preview_cursor: part.last,
        result_json: null,
        staff_id: staff.id,
        staff_name: staff.name,
        created_at: isoNow(ctx.clock),
        sent_at: null,
        idempotency_key: draft.idempotencyKey ?? null,
        decided_at: null,
        total_count: total,
        decided_count: 0,
        enqueued_count: 0,
        progress_cursor: null,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .executeTakeFirst();
    // the same form sent twice at once: the other request stored it first
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0)
      return (await findByKey(tx, draft.idempotencyKey))!;
    if (!part.done)
      await enqueueJob(tx, {
        kind: BROADCAST_PREVIEW_JOB,
        payload: { broadcastId: id },
        idempotencyKey: previewJobKey(id),
      });
    return { ok: true, id, counts, complete: part.done } as const;
  });
}

async function findByKey(
  ctx: Ctx,
  key: string | undefined,
): Promise<{ ok: true; id: string; counts: BroadcastCounts; complete: boolean } | null> {
  if (!key) return null;
  const row = await ctx.db
    .selectFrom('broadcasts')
    .select(['id', 'preview_json', 'preview_cursor'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row
    ? {
        ok: true,
        id: row.id,
        counts: JSON.parse(row.preview_json ?? 'null') as BroadcastCounts,
        complete: row.preview_cursor === null,
      }
    : null;
}
