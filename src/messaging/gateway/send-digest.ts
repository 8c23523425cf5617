import { sql } from 'kysely';
import { isoNow } from '../../clock.ts';
import type { Locale } from '../../config.ts';
import type { Ctx } from '../../context.ts';
import { dbKind } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { enqueueJob } from '../../jobs/enqueue-job.ts';
import type { ClaimedJob, JobKind } from '../../jobs/job-kind.ts';
import { inTransaction, loadPreferences } from '../../preferences/preference-store.ts';
import type { Topic } from '../../preferences/preferences.ts';
import { deliverEmail } from '../deliver-email.ts';
import type { DigestItem } from '../templates/digest.tsx';
import { withFooter } from '../templates/footer.tsx';
import { renderTemplate, type TemplateName } from '../templates.ts';
import type { Decision } from './contract.ts';
import { decide } from './decide.ts';
import { loadDecisionInput } from './decision-input.ts';
import { recordBounce } from './deliver-message.ts';
import { recordDecision } from './record-decision.ts';
import { storedMessageData } from './stored-message-data.ts';
import type { GatewayMessageTable } from './tables.ts';
import { createTopicsUnsubscribeUrl } from './unsubscribe-token.ts';

export const DIGEST_JOB = 'gateway-digest';
/** The digest message's topic: not a preference topic; it counts against the limit like any non-transactional one. */
export const DIGEST_TOPIC = 'digest';

export type DigestOutcome =
  /** Nothing kept for the digest (or every item was dropped at send time). */
  | { status: 'nothing'; dropped: number }
  /** Quiet time or the limit: tried again at `until` (a job is queued). */
  | { status: 'held'; until: string; dropped: number }
  /** E-mail cannot carry it now (off, or the address suppressed): the items stay on the message page. */
  | { status: 'blocked'; reason: string; dropped: number }
  | { status: 'sent' | 'outbox' | 'bounced'; digestId: string; items: number; dropped: number };

type Claim =
  | { kind: 'nothing'; dropped: number }
  | { kind: 'held'; until: string; dropped: number }
  | { kind: 'blocked'; reason: string; dropped: number }
  | { kind: 'send'; digestId: string; items: number; dropped: number };

/**
 * Sends the customer's digest: ONE e-mail with every message kept for it (`status = 'digest'`), decided again
 * now. Each item is decided on its own (consent withdrawn, the address suppressed or the deadline passed: dropped
 * with that reason, recorded); the digest itself is decided as one non-transactional message by e-mail — quiet
 * hours and days wait, the frequency limit counts it as one (so it goes at the first moment the limit allows one
 * more). In ONE transaction the digest message is recorded (idempotency key: the customer and its first item)
 * and its items are marked sent in it; the e-mail then goes under the digest's own key (one e-mail, ever). A
 * retry or a second process finds the digest in 'sending' and finishes that one instead of sending another.
 */
export async function sendDigest(ctx: Ctx, customerId: string): Promise<DigestOutcome> {
  const nowMs = ctx.clock.now().epochMilliseconds;
  const at = isoNow(ctx.clock);
  const claim = await inTransaction(ctx, async (tx): Promise<Claim> => {
    if (dbKind(ctx.config.databaseUrl) === 'postgres')
      await sql`select id from customers where id = ${customerId} for update`.execute(tx.db);
    const customer = await tx.db
      .selectFrom('customers')
      .select(['id', 'email'])
      .where('id', '=', customerId)
      .executeTakeFirst();
    if (!customer) return { kind: 'nothing', dropped: 0 };
    const unfinished = await tx.db
      .selectFrom('gateway_messages')
      .select(['id', 'data_json'])
      .where('customer_id', '=', customerId)
      .where('topic', '=', DIGEST_TOPIC)
      .where('status', '=', 'sending')
      .executeTakeFirst();
    if (unfinished)
      return {
        kind: 'send',
        digestId: unfinished.id,
        items: itemsOf(unfinished.data_json).length,
        dropped: 0,
      };

    const pending = await tx.db
      .selectFrom('gateway_messages')
      .selectAll()
      .where('customer_id', '=', customerId)
      .where('status', '=', 'digest')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const kept: GatewayMessageTable[] = [];
    let dropped = 0;
    for (const item of pending) {
      const input = await loadDecisionInput(
        tx,
        {
          customerId,
          to: item.to_address,
          topic: item.topic as Topic,
          urgency: 'normal',
          deadline: item.deadline,
          onRequest: false,
          messageId: item.id,
        },
        nowMs,
      );
      // the limit is the digest's to meet, as one message; the item needs consent, an address and time left
      const d = decide({ ...input, recent: [] });
      if (d.action === 'drop') {
        await recordDecision(tx, item, d, 'send-time', at);
        dropped++;
      } else kept.push(item);
    }
    if (kept.length === 0) return { kind: 'nothing', dropped };

    const envelope = await loadDecisionInput(
      tx,
      {
        customerId,
        to: customer.email,
        topic: kept[0]!.topic as Topic,
        urgency: 'normal',
        deadline: null,
        onRequest: false,
      },
      nowMs,
    );
    // the digest is an e-mail: only the e-mail channel can carry it
    if (envelope.profile) {
      const email = envelope.profile.channels.includes('email');
      envelope.profile.channels.length = 0;
      if (email) envelope.profile.channels.push('email');
    }
    const d = decide(envelope);
    if (d.action === 'hold') return { kind: 'held', until: d.until, dropped };
    if (d.action !== 'send') return { kind: 'blocked', reason: d.reason, dropped };

    const { prefs } = await loadPreferences(tx, customerId);
    const locale: Locale = prefs.locale;
    const items: DigestItem[] = [];
    for (const item of kept) items.push(await summaryOf(tx, item, locale));
    const data = { items };
    const { subject } = renderTemplate('digest', data, locale, ctx.config);
    const digestId = newId(nowMs);
    const inserted = await tx.db
      .insertInto('gateway_messages')
      .values({
        id: digestId,
        idempotency_key: `digest:${customerId}:${kept[0]!.id}`,
        customer_id: customerId,
        to_address: customer.email,
        topic: DIGEST_TOPIC,
        template: 'digest',
        data_json: JSON.stringify(data),
        locale,
        subject,
        urgency: 'normal',
        deadline: null,
        on_request: 0,
        // claimed for sending: counted by the frequency limit from now on
        status: 'sending',
        channel: 'email',
        reason: 'digest-mail',
        hold_until: null,
        decisions: 1,
        created_at: at,
        updated_at: at,
        sent_at: at,
        digest_id: null,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return { kind: 'nothing', dropped };
    await tx.db
      .insertInto('message_decisions')
      .values({
        id: newId(nowMs),
        message_id: digestId,
        customer_id: customerId,
        topic: DIGEST_TOPIC,
        phase: 'send-time',
        action: 'send',
        channel: 'email',
        reason: 'digest-mail',
        hold_until: null,
        decided_at: at,
      })
      .execute();
    const inDigest: Decision = { action: 'send', channel: 'email', reason: 'in-digest' };
    for (const item of kept) {
      await recordDecision(tx, item, inDigest, 'send-time', at);
      await tx.db
        .updateTable('gateway_messages')
        .set({ status: 'digest-sent', digest_id: digestId, sent_at: at })
        .where('id', '=', item.id)
        .execute();
    }
    return { kind: 'send', digestId, items: kept.length, dropped };
  });

  if (claim.kind === 'held') {
    await enqueueDigest(ctx, customerId, claim.until);
    return { status: 'held', until: claim.until, dropped: claim.dropped };
  }
  if (claim.kind === 'blocked') return { status: 'blocked', reason: claim.reason, dropped: claim.dropped };
  if (claim.kind === 'nothing') return { status: 'nothing', dropped: claim.dropped };
  const status = await deliverDigest(ctx, claim.digestId);
  return { status, digestId: claim.digestId, items: claim.items, dropped: claim.dropped };
}

function itemsOf(dataJson: string): DigestItem[] {
  return (JSON.parse(dataJson) as { items: DigestItem[] }).items;
}

/** An item as the digest shows it: its subject and the first lines of its text, in the digest's language. */
async function summaryOf(ctx: Ctx, item: GatewayMessageTable, locale: Locale): Promise<DigestItem> {
  const rendered = renderTemplate(
    item.template as TemplateName,
    await storedMessageData(ctx, item),
    locale,
    ctx.config,
  );
  const lines = rendered.text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !/^https?:\/\//.test(l));
  const summary = lines.slice(1, 3).join(' ');
  return {
    id: item.id,
    topic: item.topic,
    subject: rendered.subject,
    summary: summary.length > 280 ? `${summary.slice(0, 279)}…` : summary,
  };
}

/** Sends a claimed digest's e-mail (once per digest, ever) and records the outcome. */
async function deliverDigest(ctx: Ctx, digestId: string): Promise<'sent' | 'outbox' | 'bounced'> {
  const row = await ctx.db
    .selectFrom('gateway_messages')
    .selectAll()
    .where('id', '=', digestId)
    .executeTakeFirstOrThrow();
  const locale = row.locale as Locale;
  const items = itemsOf(row.data_json);
  const publicUrl = ctx.config.publicUrl;
  const email = await deliverEmail(ctx, {
    idempotencyKey: `gateway:${row.id}`,
    to: row.to_address,
    locale,
    template: 'digest',
    topic: DIGEST_TOPIC,
    render: async () => {
      const rendered = renderTemplate('digest', { items }, locale, ctx.config);
      const topics = items.map((i) => i.topic as Exclude<Topic, 'transactional'>);
      const unsubscribeUrl = await createTopicsUnsubscribeUrl(ctx, row.customer_id!, topics, row.id);
      return {
        ...withFooter(rendered, locale, {
          preferencesUrl: `${publicUrl}/account/preferences`,
          whyUrl: `${publicUrl}/account/messages`,
          unsubscribeUrl,
          severalTopics: new Set(topics).size > 1,
        }),
        unsubscribeUrl,
      };
    },
  });
  const done = isoNow(ctx.clock);
  if (email.status === 'bounced') {
    await recordBounce(
      ctx,
      { id: row.id, customerId: row.customer_id, toAddress: row.to_address },
      DIGEST_TOPIC,
      done,
    );
    // its items did not arrive either: they are kept on the message page again (a later digest cannot mail them)
    await ctx.db
      .updateTable('gateway_messages')
      .set({ status: 'digest', reason: 'frequency-cap', digest_id: null, sent_at: null, updated_at: done })
      .where('digest_id', '=', row.id)
      .execute();
    return 'bounced';
  }
  await ctx.db
    .updateTable('gateway_messages')
    .set({ status: 'sent', sent_at: done, updated_at: done })
    .where('id', '=', row.id)
    .execute();
  return email.status;
}

/**
 * Queues the customer's digest job: at `runAt` (a hold's end), or now when a message was just folded into the
 * digest — then keyed by the first message waiting for it, so folding many messages queues one job.
 */
export async function enqueueDigest(ctx: Ctx, customerId: string, runAt?: string): Promise<void> {
  let key = `${DIGEST_JOB}:${customerId}:${runAt}`;
  if (!runAt) {
    const first = await ctx.db
      .selectFrom('gateway_messages')
      .select('id')
      .where('customer_id', '=', customerId)
      .where('status', '=', 'digest')
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    key = `${DIGEST_JOB}:${customerId}:after:${first?.id ?? isoNow(ctx.clock)}`;
  }
  await enqueueJob(ctx, {
    kind: DIGEST_JOB,
    payload: { customerId },
    idempotencyKey: key,
    runAt: runAt ?? isoNow(ctx.clock),
  });
}

/**
 * Queues a digest job for every customer with messages kept for the digest and no digest job waiting: the daily
 * safety net for messages folded without one (a staff message's set-based recording). Returns how many.
 */
export async function enqueueDueDigests(ctx: Ctx): Promise<number> {
  const rows = await ctx.db
    .selectFrom('gateway_messages')
    .select('customer_id')
    .distinct()
    .where('status', '=', 'digest')
    .where('customer_id', 'is not', null)
    .execute();
  const waiting = new Set(
    (
      await ctx.db
        .selectFrom('jobs')
        .select('payload_json')
        .where('kind', '=', DIGEST_JOB)
        .where('status', '=', 'pending')
        .execute()
    ).map((j) => (JSON.parse(j.payload_json) as { customerId: string }).customerId),
  );
  let queued = 0;
  for (const r of rows)
    if (!waiting.has(r.customer_id!)) {
      await enqueueDigest(ctx, r.customer_id!, isoNow(ctx.clock));
      queued++;
    }
  return queued;
}

/** Job kind 'gateway-digest': one customer's digest, decided and (when allowed) sent now. */
export const gatewayDigestJob: JobKind = {
  maxAttempts: 8,
  backoffMs: 30_000,
  run: async (ctx: Ctx, job: ClaimedJob) => {
    const { customerId } = job.payload as { customerId: string };
    await sendDigest(ctx, customerId);
  },
};
