import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import type { Audience } from './audience.ts';
import { type BroadcastCounts, countDecisions, decideBroadcast } from './decide-broadcast.ts';

export type BroadcastDraft = {
  audience: Audience;
  subjectNl: string;
  subjectEn: string;
  bodyNl: string;
  bodyEn: string;
};

export type CreateBroadcastResult =
  | { ok: true; id: string; counts: BroadcastCounts }
  | { ok: false; reason: 'required' | 'unknown-appliance' };

/**
 * Stores a staff message as a draft with its preview: the audience decided now with the gateway's `decide`,
 * counted the way the admin shows it. Nothing is sent; `sendBroadcast` does that after the staff member saw this.
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
  const decided = await decideBroadcast(ctx, draft.audience, ctx.clock.now().epochMilliseconds);
  const counts = countDecisions(decided.decisions);
  const id = newId(ctx.clock.now().epochMilliseconds);
  const a = draft.audience;
  await ctx.db
    .insertInto('broadcasts')
    .values({
      id,
      audience: a.kind === 'offers' ? 'offers' : a.recall ? 'recall' : 'appliance-owners',
      appliance_id: a.kind === 'appliance-owners' ? a.applianceId : null,
      topic: decided.topic,
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
    })
    .execute();
  return { ok: true, id, counts };
}
