import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { type Audience, audienceTopic } from './audience.ts';
import type { BroadcastCounts } from './broadcast-counts.ts';
import { previewBroadcast } from './decide-broadcast.ts';

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
  | { ok: true; id: string; counts: BroadcastCounts }
  | { ok: false; reason: 'required' | 'unknown-appliance' };

/**
 * Stores a staff message as a draft with its preview: the audience decided now with the gateway's `decide`,
 * counted the way the admin shows it. Nothing is sent; `requestBroadcastSend` does that after the staff member
 * saw this. With an idempotency key that made a draft before, returns that draft and makes none.
 */
export async function createBroadcast(
  ctx: Ctx,
  draft: BroadcastDraft,
  staff: { id: string; name: string },
): Promise<CreateBroadcastResult> {
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
  const counts = await previewBroadcast(ctx, draft.audience, ctx.clock.now().epochMilliseconds);
  const id = newId(ctx.clock.now().epochMilliseconds);
  const a = draft.audience;
  const inserted = await ctx.db
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
      result_json: null,
      staff_id: staff.id,
      staff_name: staff.name,
      created_at: isoNow(ctx.clock),
      sent_at: null,
      idempotency_key: draft.idempotencyKey ?? null,
      decided_at: null,
      total_count: 0,
      decided_count: 0,
      enqueued_count: 0,
      progress_cursor: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  // the same form sent twice at once: the other request stored it first
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0)
    return (await findByKey(ctx, draft.idempotencyKey))!;
  return { ok: true, id, counts };
}

async function findByKey(
  ctx: Ctx,
  key: string | undefined,
): Promise<{ ok: true; id: string; counts: BroadcastCounts } | null> {
  if (!key) return null;
  const row = await ctx.db
    .selectFrom('broadcasts')
    .select(['id', 'preview_json'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row
    ? { ok: true, id: row.id, counts: JSON.parse(row.preview_json ?? 'null') as BroadcastCounts }
    : null;
}
