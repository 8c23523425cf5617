import type { Locale } from '../../config.ts';
import type { Ctx } from '../../context.ts';
import { loadPreferences } from '../../preferences/preference-store.ts';
import { renderTemplate, type TemplateData, type TemplateName } from '../templates.ts';
import { storedMessageData } from './stored-message-data.ts';
import type { MessageDecisionTable } from './tables.ts';

export type DecisionRow = Pick<
  MessageDecisionTable,
  'phase' | 'action' | 'channel' | 'reason' | 'hold_until' | 'decided_at'
>;

export type ListedMessage = {
  id: string;
  createdAt: string;
  subject: string;
  topic: string;
  status: string;
  channel: string | null;
  reason: string;
  holdUntil: string | null;
  sentAt: string | null;
  /** The plain text of a message kept in the digest (or sent in it), to read here. */
  digestText: string | null;
  /** For staff: the provider's words when an SMS's outcome is unknown (why it was not sent again). */
  staffNote: string | null;
  decisions: DecisionRow[];
};

/**
 * A customer's messages, newest first (at most `limit`), each with every decision made about it, oldest first:
 * the gateway's message rows, and the staff messages to a group that dropped the customer (`broadcast_drops`,
 * one narrow row each: shown as a dropped message with its one decision, the broadcast's subject in the
 * customer's language, at the moment the broadcast was decided for).
 */
export async function listCustomerMessages(
  ctx: Ctx,
  customerId: string,
  limit = 200,
): Promise<ListedMessage[]> {
  const rows = await ctx.db
    .selectFrom('gateway_messages')
    .select([
      'id',
      'created_at',
      'subject',
      'topic',
      'status',
      'channel',
      'reason',
      'hold_until',
      'sent_at',
      'template',
      'data_json',
      'locale',
    ])
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const dropped = await listBroadcastDrops(ctx, customerId, limit);
  const decisions =
    rows.length === 0
      ? []
      : await ctx.db
          .selectFrom('message_decisions')
          .select(['message_id', 'phase', 'action', 'channel', 'reason', 'hold_until', 'decided_at'])
          .where(
            'message_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('decided_at')
          .orderBy('id')
          .execute();
  const byMessage = new Map<string, DecisionRow[]>();
  for (const d of decisions) {
    const list = byMessage.get(d.message_id) ?? [];
    list.push(d);
    byMessage.set(d.message_id, list);
  }
  const unknown = rows.filter((r) => r.status === 'unknown').map((r) => r.id);
  const notes = new Map(
    unknown.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('sms_attempts')
            .select(['message_id', 'reason'])
            .where('message_id', 'in', unknown)
            .execute()
        ).map((a) => [a.message_id, a.reason]),
  );
  const texts = new Map<string, TemplateData['staff-message']>();
  const listed: ListedMessage[] = [];
  for (const r of rows)
    listed.push({
      id: r.id,
      createdAt: r.created_at,
      subject: r.subject,
      topic: r.topic,
      status: r.status,
      channel: r.channel,
      reason: r.reason,
      holdUntil: r.hold_until,
      sentAt: r.sent_at,
      digestText:
        r.status === 'digest' || r.status === 'digest-sent'
          ? renderTemplate(
              r.template as TemplateName,
              await storedMessageData(ctx, r, texts),
              r.locale as Locale,
              ctx.config,
            ).text
          : null,
      staffNote: notes.get(r.id) ?? null,
      decisions: byMessage.get(r.id) ?? [],
    });
  if (dropped.length === 0) return listed;
  return [...listed, ...dropped]
    .sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
    )
    .slice(0, limit);
}

/** The staff messages to a group that dropped the customer, newest first, as listed messages. */
async function listBroadcastDrops(ctx: Ctx, customerId: string, limit: number): Promise<ListedMessage[]> {
  const rows = await ctx.db
    .selectFrom('broadcast_drops as d')
    .innerJoin('broadcasts as b', 'b.id', 'd.broadcast_id')
    .select([
      'd.broadcast_id',
      'd.reason',
      'b.topic',
      'b.subject_nl',
      'b.subject_en',
      'b.decided_at',
      'b.created_at',
    ])
    .where('d.customer_id', '=', customerId)
    .orderBy('b.decided_at', 'desc')
    .orderBy('d.broadcast_id', 'desc')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const { prefs } = await loadPreferences(ctx, customerId);
  const nl = prefs.locale === 'nl';
  return rows.map((r) => {
    const at = r.decided_at ?? r.created_at;
    return {
      id: `${r.broadcast_id}-${customerId}`,
      createdAt: at,
      subject: nl ? r.subject_nl : r.subject_en,
      topic: r.topic,
      status: 'dropped',
      channel: null,
      reason: r.reason,
      holdUntil: null,
      sentAt: null,
      digestText: null,
      staffNote: null,
      decisions: [
        {
          phase: 'queued',
          action: 'drop',
          channel: null,
          reason: r.reason,
          hold_until: null,
          decided_at: at,
        },
      ],
    };
  });
}
