import type { Ctx } from '../../context.ts';
import { type StaffMessageRef, staffMessageData } from '../broadcast/staff-message-mail.tsx';
import type { TemplateData, TemplateName } from '../templates.ts';

/**
 * The data a stored message renders with: its `data_json`, except for a staff message stored by reference
 * (`StaffMessageRef`), whose text is read from its broadcast. `cache` keeps broadcasts already read, for a caller
 * rendering many messages.
 */
export async function storedMessageData(
  ctx: Ctx,
  row: { template: string; data_json: string },
  cache: Map<string, TemplateData['staff-message']> = new Map(),
): Promise<TemplateData[TemplateName]> {
  const data = JSON.parse(row.data_json) as TemplateData[TemplateName];
  if (row.template !== 'staff-message' || 'bodyNl' in data) return data;
  const { broadcastId } = data as unknown as StaffMessageRef;
  let text = cache.get(broadcastId);
  if (!text) {
    const b = await ctx.db
      .selectFrom('broadcasts')
      .select(['id', 'subject_nl', 'subject_en', 'body_nl', 'body_en'])
      .where('id', '=', broadcastId)
      .executeTakeFirstOrThrow();
    text = staffMessageData(b);
    cache.set(broadcastId, text);
  }
  return text;
}
