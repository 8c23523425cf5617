import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Locale } from '../../config.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import type { Decision } from '../gateway/contract.ts';
import { DELIVER_JOB } from '../gateway/request-message.ts';
import { DIGEST_JOB } from '../gateway/send-digest.ts';
import type { Recipient } from './audience.ts';
import { bulkStatement } from './bulk-insert.ts';

/** What every message of one staff message shares. */
export type BroadcastMessageFacts = {
  broadcastId: string;
  topic: string;
  urgency: string;
  deadline: string;
  /** ISO instant the decisions were made for: the messages' and decisions' time, the jobs' time for 'send'. */
  at: string;
  subjects: Record<Locale, string>;
};

/** A message's status after its first decision (as `statusAfter` says). */
const STATUS = { send: 'queued', hold: 'held', digest: 'digest', drop: 'dropped' } as const;

/**
 * Records one chunk of a staff message as `requestMessage` records one message: per recipient that is sent,
 * held or put in the digest a `gateway_messages` row under the key `broadcast:<id>:<customer>` (its data is only
 * the broadcast's id: the text is stored once, on the broadcast, and read when the message is rendered), its
 * 'queued' decision with the reason, and a job — a delivery job now for 'send' and at the hold's end for 'hold',
 * which decides again at send time; for 'digest' the customer's digest job, now, under the key `enqueueDigest`
 * uses (one job however many messages wait for it). A dropped recipient gets one narrow `broadcast_drops` row
 * (customer, broadcast, reason) instead: the readers of decisions (the customer's list, staff's, export,
 * erasure) read it with the messages. A recipient recorded already (its message key, or its drop row) is
 * skipped. Runs in `ctx` as given: call it inside the chunk's transaction. Returns how many recipients were new.
 */
export async function recordBroadcastChunk(
  ctx: Ctx,
  facts: BroadcastMessageFacts,
  recipients: readonly Recipient[],
  decided: { decisions: readonly Decision[]; locales: readonly Locale[] },
): Promise<number> {
  if (recipients.length === 0) return 0;
  const nowMs = Date.parse(facts.at);
  const rows: (string | null)[][] = new Array(recipients.length);
  for (let i = 0; i < recipients.length; i++) {
    const d = decided.decisions[i]!;
    rows[i] = [
      d.action === 'drop' ? null : newId(nowMs),
      recipients[i]!.id,
      recipients[i]!.email,
      decided.locales[i]!,
      d.action,
      d.action === 'send' ? d.channel : null,
      d.reason,
      d.action === 'hold' ? d.until : null,
    ];
  }
  return ctx.db.getExecutor().adapter instanceof PostgresAdapter
    ? recordPostgres(ctx, facts, rows)
    : recordSqlite(ctx, facts, rows);
}

const COLUMNS = ['id', 'customer_id', 'to_address', 'locale', 'action', 'channel', 'reason', 'hold_until'];

/** The message's insert, reading the rows as `v` and the facts as ?-constants (see `messageConstants`). */
const INSERT_MESSAGES = `insert into gateway_messages (id, idempotency_key, customer_id, to_address, topic,
    template, data_json, locale, subject, urgency, deadline, on_request, status, channel, reason, hold_until,
    decisions, created_at, updated_at, sent_at)
  select v.id, cast(? as text) || v.customer_id, v.customer_id, v.to_address, ?, 'staff-message', ?, v.locale,
    case v.locale when 'nl' then cast(? as text) else cast(? as text) end, ?, ?, 0,
    case v.action when 'send' then '${STATUS.send}' when 'hold' then '${STATUS.hold}'
      when 'digest' then '${STATUS.digest}' else '${STATUS.drop}' end,
    v.channel, v.reason, v.hold_until, 1, ?, ?, null
  from v where v.action <> 'drop'
  on conflict (idempotency_key) do nothing`;

/** A dropped recipient's row, reading the rows as `v` and the broadcast's id as the ?-constant. */
const INSERT_DROPS = `insert into broadcast_drops (customer_id, broadcast_id, reason)
  select v.customer_id, ?, v.reason from v where v.action = 'drop'
  on conflict (customer_id, broadcast_id) do nothing`;

/**
 * The customer's digest job for a message just kept for the digest (as `enqueueDigest` queues it): due now, keyed
 * by the first message waiting for the digest — an earlier one, or this one. Reads `v` (job_id, customer_id,
 * message id as id) and the ?-constants: the time (run_at), created_at, updated_at.
 */
const INSERT_DIGEST_JOBS = `insert into jobs (id, kind, payload_json, status, run_at, attempts, last_error,
    idempotency_key, created_at, updated_at)
  select v.job_id, '${DIGEST_JOB}', '{"customerId":"' || v.customer_id || '"}', 'pending', ?, 0, null,
    '${DIGEST_JOB}:' || v.customer_id || ':after:' || coalesce((select g.id from gateway_messages g
      where g.customer_id = v.customer_id and g.status = 'digest' and g.id <> v.id
      order by g.created_at, g.id limit 1), v.id), ?, ?
  from v where v.action = 'digest'
  on conflict (idempotency_key) do nothing`;

function messageConstants(facts: BroadcastMessageFacts): string[] {
  return [
    `broadcast:${facts.broadcastId}:`,
    facts.topic,
    JSON.stringify({ broadcastId: facts.broadcastId }),
    facts.subjects.nl,
    facts.subjects.en,
    facts.urgency,
    facts.deadline,
    facts.at,
    facts.at,
  ];
}

const JOB_COLUMNS = `id, kind, payload_json, status, run_at, attempts, last_error, idempotency_key, created_at,
  updated_at`;

/**
 * SQLite: many rows per statement (bulkStatement's multi-row VALUES); the messages' insert returns the ids it
 * wrote, and only those get a decision and a job; the drops' insert returns the drops it wrote.
 */
async function recordSqlite(
  ctx: Ctx,
  facts: BroadcastMessageFacts,
  rows: (string | null)[][],
): Promise<number> {
  const kept = rows.filter((r) => r[4] !== 'drop');
  const dropped = rows.filter((r) => r[4] === 'drop');
  const inserted = await bulkStatement<{ id: string }>(
    ctx.db,
    COLUMNS,
    kept,
    `${INSERT_MESSAGES} returning id`,
    messageConstants(facts),
  );
  const fresh = inserted.length === kept.length ? null : new Set(inserted.map((r) => r.id));
  const nowMs = Date.parse(facts.at);
  const decisions: (string | null)[][] = [];
  const jobs: (string | null)[][] = [];
  const digests: (string | null)[][] = [];
  for (const [id, customerId, , , action, channel, reason, holdUntil] of kept) {
    if (fresh && !fresh.has(id!)) continue;
    decisions.push([newId(nowMs), id!, customerId!, action!, channel!, reason!, holdUntil!]);
    if (action === 'send' || action === 'hold') jobs.push([newId(nowMs), id!, holdUntil ?? facts.at]);
    else if (action === 'digest') digests.push([newId(nowMs), id!, customerId!, action]);
  }
  await bulkStatement(
    ctx.db,
    ['id', 'message_id', 'customer_id', 'action', 'channel', 'reason', 'hold_until'],
    decisions,
    `insert into message_decisions (id, message_id, customer_id, topic, phase, action, channel, reason,
       hold_until, decided_at)
     select v.id, v.message_id, v.customer_id, ?, 'queued', v.action, v.channel, v.reason, v.hold_until, ?
     from v`,
    [facts.topic, facts.at],
  );
  await bulkStatement(
    ctx.db,
    ['id', 'message_id', 'run_at'],
    jobs,
    `insert into jobs (${JOB_COLUMNS})
     select v.id, ?, '{"messageId":"' || v.message_id || '"}', 'pending', v.run_at, 0, null,
       cast(? as text) || v.message_id || ':1', ?, ?
     from v`,
    [DELIVER_JOB, `${DELIVER_JOB}:`, facts.at, facts.at],
  );
  await bulkStatement(ctx.db, ['job_id', 'id', 'customer_id', 'action'], digests, INSERT_DIGEST_JOBS, [
    facts.at,
    facts.at,
    facts.at,
  ]);
  const drops = await bulkStatement(
    ctx.db,
    ['customer_id', 'action', 'reason'],
    dropped.map((r) => [r[1]!, r[4]!, r[6]!]),
    `${INSERT_DROPS} returning customer_id`,
    [facts.broadcastId],
  );
  return inserted.length + drops.length;
}

/** PostgreSQL: rows per statement, sent as one array per column. */
const POSTGRES_ROWS = 20_000;
const PG_COLUMNS = [...COLUMNS, 'decision_id', 'job_id'];

/**
 * PostgreSQL: one statement per batch writes the messages, and, from what that insert returned, their decisions
 * and jobs (data-modifying common table expressions), and the drops, so no ids travel back and forth. The
 * statement's parts see the tables as they were before it: the digest job's key finds an earlier message waiting
 * for the digest, not this one (`INSERT_DIGEST_JOBS` falls back to it).
 */
async function recordPostgres(
  ctx: Ctx,
  facts: BroadcastMessageFacts,
  rows: (string | null)[][],
): Promise<number> {
  const constants = messageConstants(facts);
  let n = PG_COLUMNS.length;
  const numbered = (text: string) => text.replace(/\?/g, () => `$${++n}`);
  const insertMessages = numbered(INSERT_MESSAGES);
  const p = (value: string) => {
    constants.push(value);
    return `$${++n}`;
  };
  const topic = p(facts.topic);
  const at = p(facts.at);
  const kind = p(DELIVER_JOB);
  const keyPrefix = p(`${DELIVER_JOB}:`);
  const insertDrops = numbered(INSERT_DROPS);
  constants.push(facts.broadcastId);
  const insertDigestJobs = numbered(
    INSERT_DIGEST_JOBS.replace('from v where', 'from v join m on m.id = v.id where'),
  );
  constants.push(facts.at, facts.at, facts.at);
  const text = `with v as (
      select * from unnest(${PG_COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(', ')}) as u(${PG_COLUMNS.join(', ')})
    ),
    m as (${insertMessages} returning id),
    d as (
      insert into message_decisions (id, message_id, customer_id, topic, phase, action, channel, reason,
        hold_until, decided_at)
      select v.decision_id, v.id, v.customer_id, ${topic}, 'queued', v.action, v.channel, v.reason,
        v.hold_until, ${at}
      from v join m on m.id = v.id
    ),
    j as (
      insert into jobs (${JOB_COLUMNS})
      select v.job_id, ${kind}, '{"messageId":"' || v.id || '"}', 'pending',
        coalesce(v.hold_until, ${at}), 0, null, ${keyPrefix} || v.id || ':1', ${at}, ${at}
      from v join m on m.id = v.id
      where v.action in ('send', 'hold')
    ),
    dj as (${insertDigestJobs}),
    x as (${insertDrops} returning 1)
    select ((select count(*) from m) + (select count(*) from x))::int as n`;
  const nowMs = Date.parse(facts.at);
  let created = 0;
  for (let start = 0; start < rows.length; start += POSTGRES_ROWS) {
    const batch = rows.slice(start, start + POSTGRES_ROWS);
    const arrays: (string | null)[][] = COLUMNS.map((_, c) => batch.map((r) => r[c] ?? null));
    // the ids of the decisions and jobs, made here like every id (time-ordered): a decision for every message
    // (not for a drop), a job where one is due (delivery, or the digest)
    arrays.push(batch.map((r) => (r[4] === 'drop' ? null : newId(nowMs))));
    arrays.push(batch.map((r) => (r[4] === 'drop' ? null : newId(nowMs))));
    const result = await ctx.db.executeQuery<{ n: number }>(
      CompiledQuery.raw(text, [...arrays, ...constants]),
    );
    created += result.rows[0]?.n ?? 0;
  }
  return created;
}
