import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../preferences/preference-store.ts';
import { DELIVER_JOB } from '../gateway/request-message.ts';
import { renderTemplate } from '../templates.ts';
import type { Audience } from './audience.ts';
import { bulkStatement } from './bulk-insert.ts';
import { type BroadcastCounts, countDecisions, decideBroadcast } from './decide-broadcast.ts';
import type { StaffMessageData } from './staff-message-mail.tsx';

/** Recipients written per transaction: big enough to be fast, small enough not to hold the writer for long. */
const CHUNK = 50_000;

export type SendBroadcastResult =
  | { ok: true; counts: BroadcastCounts; created: number }
  | { ok: false; reason: 'unknown-broadcast' | 'already-sent' };

/**
 * Sends a staff message through the gateway to its whole audience: decided with `decide` for every recipient
 * now (see `decideBroadcast`), then recorded exactly as `requestMessage` records one message — a
 * `gateway_messages` row under the key `broadcast:<id>:<customer>`, its 'queued' decision with the reason, and
 * a delivery job (now for 'send', at the hold's end for 'hold'; none for 'drop' and 'digest'), which decides
 * again at send time — but many thousands of rows per statement, in chunked transactions. A rerun after a crash
 * skips the recipients already recorded (their keys exist). Returns the counts of what was recorded, which the
 * admin compares with the preview.
 */
export async function sendBroadcast(ctx: Ctx, broadcastId: string): Promise<SendBroadcastResult> {
  const b = await ctx.db
    .selectFrom('broadcasts')
    .selectAll()
    .where('id', '=', broadcastId)
    .executeTakeFirst();
  if (!b) return { ok: false, reason: 'unknown-broadcast' };
  const claimed = await ctx.db
    .updateTable('broadcasts')
    .set({ status: 'sending' })
    .where('id', '=', b.id)
    .where('status', 'in', ['draft', 'sending'])
    .executeTakeFirst();
  if (claimed.numUpdatedRows !== 1n) return { ok: false, reason: 'already-sent' };
  const audience: Audience =
    b.audience === 'offers'
      ? { kind: 'offers' }
      : { kind: 'appliance-owners', applianceId: b.appliance_id ?? '', recall: b.audience === 'recall' };
  const nowMs = ctx.clock.now().epochMilliseconds;
  const decided = await decideBroadcast(ctx, audience, nowMs);
  const data: StaffMessageData = {
    subjectNl: b.subject_nl,
    subjectEn: b.subject_en,
    bodyNl: b.body_nl,
    bodyEn: b.body_en,
    broadcastId: b.id,
  };
  const created = await recordBroadcastMessages(ctx, b.id, data, decided);
  const counts = countDecisions(decided.decisions);
  await ctx.db
    .updateTable('broadcasts')
    .set({ status: 'sent', result_json: JSON.stringify(counts), sent_at: isoNow(ctx.clock) })
    .where('id', '=', b.id)
    .execute();
  return { ok: true, counts, created };
}

/** Writes the messages, their decisions and their delivery jobs; returns how many messages were new. */
export async function recordBroadcastMessages(
  ctx: Ctx,
  broadcastId: string,
  data: StaffMessageData,
  decided: Awaited<ReturnType<typeof decideBroadcast>>,
): Promise<number> {
  const at = new Date(decided.now).toISOString();
  const dataJson = JSON.stringify(data);
  const subjectNl = renderTemplate('staff-message', data, 'nl', ctx.config).subject;
  const subjectEn = renderTemplate('staff-message', data, 'en', ctx.config).subject;
  const keyPrefix = `broadcast:${broadcastId}:`;
  let created = 0;
  const { recipients, decisions, locales } = decided;
  for (let start = 0; start < recipients.length; start += CHUNK) {
    const end = Math.min(recipients.length, start + CHUNK);
    const messages: (string | null)[][] = [];
    const ids: string[] = [];
    for (let i = start; i < end; i++) {
      const d = decisions[i]!;
      const id = newId(decided.now);
      ids.push(id);
      messages.push([
        id,
        recipients[i]!.id,
        recipients[i]!.email,
        locales[i]!,
        d.action === 'send'
          ? 'queued'
          : d.action === 'hold'
            ? 'held'
            : d.action === 'digest'
              ? 'digest'
              : 'dropped',
        d.action === 'send' ? d.channel : null,
        d.reason,
        d.action === 'hold' ? d.until : null,
      ]);
    }
    created += await inTransaction(ctx, async (tx) => {
      const inserted = await bulkStatement<{ id: string }>(
        tx.db,
        ['id', 'customer_id', 'to_address', 'locale', 'status', 'channel', 'reason', 'hold_until'],
        messages,
        `insert into gateway_messages (id, idempotency_key, customer_id, to_address, topic, template, data_json,
           locale, subject, urgency, deadline, on_request, status, channel, reason, hold_until, decisions,
           created_at, updated_at, sent_at)
         select v.id, cast(? as text) || v.customer_id, v.customer_id, v.to_address, ?, 'staff-message', ?,
           v.locale, case v.locale when 'nl' then cast(? as text) else cast(? as text) end, ?, ?, 0, v.status,
           v.channel, v.reason, v.hold_until, 1, ?, ?, null
         from v where true
         on conflict (idempotency_key) do nothing
         returning id`,
        [keyPrefix, decided.topic, dataJson, subjectNl, subjectEn, decided.urgency, decided.deadline, at, at],
      );
      const fresh = new Set(inserted.map((r) => r.id));
      const decisionRows: (string | null)[][] = [];
      const jobRows: (string | null)[][] = [];
      for (let i = start; i < end; i++) {
        const id = ids[i - start]!;
        if (!fresh.has(id)) continue;
        const d = decisions[i]!;
        decisionRows.push([
          newId(decided.now),
          id,
          recipients[i]!.id,
          d.action,
          d.action === 'send' ? d.channel : null,
          d.reason,
          d.action === 'hold' ? d.until : null,
        ]);
        if (d.action === 'send') jobRows.push([newId(decided.now), id, at]);
        else if (d.action === 'hold') jobRows.push([newId(decided.now), id, d.until]);
      }
      await bulkStatement(
        tx.db,
        ['id', 'message_id', 'customer_id', 'action', 'channel', 'reason', 'hold_until'],
        decisionRows,
        `insert into message_decisions (id, message_id, customer_id, topic, phase, action, channel, reason,
           hold_until, decided_at)
         select v.id, v.message_id, v.customer_id, ?, 'queued', v.action, v.channel, v.reason, v.hold_until, ?
         from v`,
        [decided.topic, at],
      );
      await bulkStatement(
        tx.db,
        ['id', 'message_id', 'run_at'],
        jobRows,
        `insert into jobs (id, kind, payload_json, status, run_at, attempts, last_error, idempotency_key,
           created_at, updated_at)
         select v.id, ?, '{"messageId":"' || v.message_id || '"}', 'pending', v.run_at, 0, null,
           cast(? as text) || v.message_id || ':1', ?, ?
         from v`,
        [DELIVER_JOB, `${DELIVER_JOB}:`, at, at],
      );
      return fresh.size;
    });
  }
  return created;
}
