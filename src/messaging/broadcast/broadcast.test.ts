import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { addAppliance } from '../../../test/helpers/customer-fixtures.ts';
import { createStaff, signedIn } from '../../../test/helpers/forms.ts';
import { addCustomer, signedInCustomer } from '../../../test/helpers/signed-in-customer.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { eraseAccount } from '../../customers/privacy/erase-account.ts';
import { exportPersonalData } from '../../customers/privacy/export-personal-data.ts';
import { anonymiseDueSalesRecords } from '../../customers/privacy/retention-purge.ts';
import { suppressAddress } from '../../customers/suppression.ts';
import { newId } from '../../db/ids.ts';
import { defaultJobKinds } from '../../jobs/default-kinds.ts';
import { enqueueJob } from '../../jobs/enqueue-job.ts';
import { housekeeping } from '../../jobs/housekeeping.ts';
import { RUN_AGAIN } from '../../jobs/job-kind.ts';
import { runJobsUntilIdle } from '../../jobs/run-jobs.ts';
import { changePreferences, loadPreferences } from '../../preferences/preference-store.ts';
import type { Preferences } from '../../preferences/preferences.ts';
import { decide } from '../gateway/decide.ts';
import { loadDecisionInput } from '../gateway/decision-input.ts';
import { listCustomerMessages } from '../gateway/list-messages.ts';
import type { Audience } from './audience.ts';
import { countDecisions } from './broadcast-counts.ts';
import { BROADCAST_PREVIEW_JOB, createBroadcast, previewJobKey } from './create-broadcast.ts';
import { decideBroadcast, previewBroadcast } from './decide-broadcast.ts';
import { broadcastPreviewJob, continuePreview } from './preview-job.ts';
import { recordBroadcastChunk } from './record-broadcast-chunk.ts';
import {
  BROADCAST_SEND_JOB,
  broadcastSendJob,
  requestBroadcastSend,
  runBroadcast,
  sendJobKey,
} from './send-broadcast.ts';

// 22:30 in Amsterdam on a Monday evening in winter (UTC+1)
const NOW = '2026-11-30T21:30:00Z';

async function setPrefs(t: TestApp, id: string, change: (p: Preferences) => Preferences): Promise<void> {
  const { prefs } = await loadPreferences(t.ctx, id);
  await changePreferences(t.ctx, id, change(prefs), { source: 'preference-centre', actor: 'customer' });
}

const offersOn = (p: Preferences): Preferences => ({ ...p, topics: { ...p.topics, offers: 'on' } });

const DRAFT = {
  subjectNl: 'Nieuw filter',
  subjectEn: 'New filter',
  bodyNl: 'Er is een nieuw filter.\n\nHet past in je apparaat.',
  bodyEn: 'There is a new filter.\n\nIt fits your appliance.',
};

describe('staff messages', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let applianceId: string;

  before(async () => {
    t = await startTestApp({}, '2026-11-20T12:00:00Z');
    const add = async (key: string) => {
      ids[key] = await addCustomer(t.ctx, `${key}@example.nl`, key);
    };
    for (const k of ['open', 'off', 'quiet', 'capped', 'bounced', 'silent', 'member', 'revoked', 'erased'])
      await add(k);
    await setPrefs(t, ids.open!, offersOn);
    await setPrefs(t, ids.off!, (p) => p);
    await setPrefs(t, ids.quiet!, (p) => ({
      ...offersOn(p),
      quiet: { hours: { from: '21:00', to: '08:00' }, days: [] },
    }));
    await setPrefs(t, ids.capped!, (p) => ({ ...offersOn(p), frequency: { max: 1, per: 'month' } }));
    await setPrefs(t, ids.bounced!, offersOn);
    await suppressAddress(t.ctx, 'bounced@example.nl', 'hard-bounce');
    // 'revoked' turned offers on, then off again; 'erased' signed up again with an address erased before
    await setPrefs(t, ids.revoked!, offersOn);
    await setPrefs(t, ids.revoked!, (p) => ({ ...p, topics: { ...p.topics, offers: 'off' } }));
    await suppressAddress(t.ctx, 'erased@example.nl', 'erased');
    // 'silent' never saved preferences: the defaults (only order updates)

    // 'capped' had one offer a week ago: that is their limit for the month
    const at = '2026-11-23T12:00:00.000Z';
    await t.db
      .insertInto('gateway_messages')
      .values({
        id: newId(),
        idempotency_key: `earlier:${randomUUID()}`,
        customer_id: ids.capped!,
        to_address: 'capped@example.nl',
        topic: 'offers',
        template: 'staff-message',
        data_json: '{}',
        locale: 'en',
        subject: 'Earlier offer',
        urgency: 'low',
        deadline: null,
        on_request: 0,
        status: 'sent',
        channel: 'email',
        reason: 'consent',
        hold_until: null,
        decisions: 2,
        created_at: at,
        updated_at: at,
        sent_at: at,
      })
      .execute();

    // an appliance owned by 'off' (offers off) and shared with 'member' through their household
    const now = '2026-11-20T12:00:00.000Z';
    applianceId = await addAppliance(t.ctx, 'TM-100/01', {
      name: 'Testmerk TM-100',
      brandName: 'Testmerk',
      at: now,
    });
    await t.db
      .insertInto('customer_appliances')
      .values({
        id: newId(),
        customer_id: ids.off!,
        appliance_id: applianceId,
        variant_id: null,
        serial: null,
        label: null,
        source: 'manual',
        created_at: now,
      })
      .execute();
    const household = newId();
    await t.db
      .insertInto('households')
      .values({ id: household, created_by: ids.off!, created_at: now })
      .execute();
    await t.db
      .updateTable('customers')
      .set({ household_id: household })
      .where('id', 'in', [ids.off!, ids.member!])
      .execute();
    t.clock.set(NOW);
  });
  after(() => t.close());

  it('decides every recipient exactly as the gateway decides one message', async () => {
    const decided = await decideBroadcast(t.ctx, { kind: 'offers' }, t.clock.now().epochMilliseconds);
    assert.equal(decided.recipients.length, 9);
    for (let i = 0; i < decided.recipients.length; i++) {
      const r = decided.recipients[i]!;
      const single = decide(
        await loadDecisionInput(
          t.ctx,
          {
            customerId: r.id,
            to: r.email,
            topic: 'offers',
            urgency: 'low',
            deadline: decided.deadline,
            onRequest: false,
          },
          decided.now,
        ),
      );
      assert.deepEqual(decided.decisions[i], single, `recipient ${r.email}`);
    }
  });

  it('previews how many it reaches and why the others are not, and sends exactly that', async () => {
    const staff = { id: newId(), name: 'Sanne' };
    const created = await createBroadcast(t.ctx, { audience: { kind: 'offers' }, ...DRAFT }, staff);
    assert.ok(created.ok);
    assert.deepEqual(created.counts, {
      total: 9,
      now: 1,
      held: { 'quiet-hours': { count: 1, from: '2026-12-01T07:00:00.000Z' } },
      excluded: { 'no-consent': 4, digest: 1, suppressed: 2 },
    });
    // sending is a job: queued by the staff member's click, run by a worker
    assert.deepEqual(await requestBroadcastSend(t.ctx, created.id), { ok: true, queued: true });
    const ran = await runJobsUntilIdle(t.ctx, { [BROADCAST_SEND_JOB]: broadcastSendJob });
    assert.deepEqual(
      ran.map((o) => [o.kind, o.outcome]),
      [[BROADCAST_SEND_JOB, 'done']],
    );
    const stored = await t.db
      .selectFrom('broadcasts')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.status, 'sent');
    assert.deepEqual(
      JSON.parse(stored.result_json!),
      created.counts,
      'what is sent is what the preview said',
    );
    assert.deepEqual(
      [stored.total_count, stored.decided_count, stored.enqueued_count, stored.progress_cursor],
      [9, 9, 9, null],
    );

    // recorded as the gateway records one message: the message, its queued decision, its delivery job; a
    // dropped recipient as one narrow row with the reason
    const messages = await t.db
      .selectFrom('gateway_messages')
      .select(['id', 'customer_id', 'status', 'reason', 'hold_until', 'idempotency_key', 'subject', 'topic'])
      .where('idempotency_key', 'like', `broadcast:${created.id}:%`)
      .execute();
    const byCustomer = new Map(messages.map((m) => [m.customer_id, m]));
    const drops = await t.db
      .selectFrom('broadcast_drops')
      .select(['customer_id', 'reason'])
      .where('broadcast_id', '=', created.id)
      .execute();
    const name = (c: string | null) => Object.keys(ids).find((k) => ids[k] === c);
    assert.equal(messages.length, 3);
    assert.deepEqual(
      [
        ...[...byCustomer.entries()].map(([c, m]) => [name(c), m.status, m.reason]),
        ...drops.map((d) => [name(d.customer_id), 'dropped', d.reason]),
      ].sort(),
      [
        ['bounced', 'dropped', 'suppressed'],
        ['capped', 'digest', 'frequency-cap'],
        ['erased', 'dropped', 'suppressed'],
        ['member', 'dropped', 'no-consent'],
        ['off', 'dropped', 'no-consent'],
        ['open', 'queued', 'consent'],
        ['quiet', 'held', 'quiet-hours'],
        ['revoked', 'dropped', 'no-consent'],
        ['silent', 'dropped', 'no-consent'],
      ],
    );
    assert.equal(byCustomer.get(ids.open!)?.idempotency_key, `broadcast:${created.id}:${ids.open}`);
    assert.equal(byCustomer.get(ids.open!)?.subject, 'New filter');
    const decisions = await t.db
      .selectFrom('message_decisions')
      .select(['message_id', 'phase', 'action', 'reason'])
      .where(
        'message_id',
        'in',
        messages.map((m) => m.id),
      )
      .execute();
    assert.equal(decisions.length, 3);
    assert.ok(decisions.every((d) => d.phase === 'queued'));
    // the message kept for the digest queues the customer's digest job at once (as requestMessage does)
    const digestJobs = await t.db
      .selectFrom('jobs')
      .select(['payload_json', 'run_at', 'idempotency_key'])
      .where('kind', '=', 'gateway-digest')
      .where('payload_json', '=', JSON.stringify({ customerId: ids.capped }))
      .execute();
    assert.deepEqual(digestJobs, [
      {
        payload_json: JSON.stringify({ customerId: ids.capped }),
        run_at: NOW.replace('Z', '.000Z'),
        idempotency_key: `gateway-digest:${ids.capped}:after:${byCustomer.get(ids.capped!)!.id}`,
      },
    ]);
    const jobs = await t.db
      .selectFrom('jobs')
      .select(['payload_json', 'run_at', 'idempotency_key'])
      .where('kind', '=', 'gateway-deliver')
      .where(
        'idempotency_key',
        'in',
        messages.map((m) => `gateway-deliver:${m.id}:1`),
      )
      .orderBy('run_at')
      .execute();
    assert.deepEqual(
      jobs.map((j) => [JSON.parse(j.payload_json).messageId, j.run_at]),
      [
        [byCustomer.get(ids.open!)!.id, '2026-11-30T21:30:00.000Z'],
        [byCustomer.get(ids.quiet!)!.id, '2026-12-01T07:00:00.000Z'],
      ],
    );

    // the delivery job decides again at send time and delivers the one that may go now
    await runJobsUntilIdle(t.ctx, defaultJobKinds);
    const out = await t.db
      .selectFrom('outbox_messages')
      .select(['to_address', 'subject', 'text_body'])
      .where('template', '=', 'staff-message')
      .execute();
    assert.deepEqual(
      out.map((m) => [m.to_address, m.subject]),
      [['open@example.nl', 'New filter']],
    );
    assert.match(out[0]!.text_body, /It fits your appliance\./);

    // the text is stored once, on the broadcast: each message refers to it
    const data = await t.db
      .selectFrom('gateway_messages')
      .select('data_json')
      .where('id', '=', byCustomer.get(ids.open!)!.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(data.data_json), { broadcastId: created.id });

    // sending again queues nothing, running the job again writes nothing, and recording again adds nothing
    assert.deepEqual(await requestBroadcastSend(t.ctx, created.id), { ok: true, queued: false });
    const rerun = await runBroadcast(t.ctx, created.id);
    assert.deepEqual(rerun, { ok: true, counts: created.counts, created: 9 });
    const again = await decideBroadcast(t.ctx, { kind: 'offers' }, t.clock.now().epochMilliseconds);
    const facts = {
      broadcastId: created.id,
      topic: 'offers',
      urgency: 'low',
      deadline: again.deadline,
      at: NOW,
      subjects: { nl: DRAFT.subjectNl, en: DRAFT.subjectEn },
    };
    assert.equal(await recordBroadcastChunk(t.ctx, facts, again.recipients, again), 0);
    assert.equal(await countRows('recipients', created.id), 9);
  });

  /**
   * Recipients recorded for one broadcast (its messages and its dropped recipients), or the decisions recorded
   * (the messages' decisions and the drops), or the messages' delivery jobs.
   */
  async function countRows(table: 'recipients' | 'decisions' | 'jobs', broadcastId: string): Promise<number> {
    const messages = await t.db
      .selectFrom('gateway_messages')
      .select('id')
      .where('idempotency_key', 'like', `broadcast:${broadcastId}:%`)
      .execute();
    const drops = (
      await t.db
        .selectFrom('broadcast_drops')
        .select('customer_id')
        .where('broadcast_id', '=', broadcastId)
        .execute()
    ).length;
    if (table === 'recipients') return messages.length + drops;
    const ids = messages.map((m) => m.id);
    if (table === 'decisions')
      return (
        drops +
        (ids.length === 0
          ? 0
          : (await t.db.selectFrom('message_decisions').select('id').where('message_id', 'in', ids).execute())
              .length)
      );
    if (ids.length === 0) return 0;
    const payloads = ids.map((id) => JSON.stringify({ messageId: id }));
    return (
      await t.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'gateway-deliver')
        .where('payload_json', 'in', payloads)
        .execute()
    ).length;
  }

  it('a send that breaks off goes on where it stopped when the job is retried, without a second copy', async () => {
    const staff = { id: newId(), name: 'Sanne' };
    const created = await createBroadcast(
      t.ctx,
      { audience: { kind: 'offers' }, ...DRAFT, subjectEn: 'Second offer' },
      staff,
    );
    assert.ok(created.ok);
    await requestBroadcastSend(t.ctx, created.id);
    // the worker dies while writing the second chunk of three customers: that chunk's transaction is undone
    let progressWrites = 0;
    const crashing = t.db.withPlugin({
      transformQuery: (args) => {
        const node = args.node;
        if (node.kind === 'UpdateQueryNode' && JSON.stringify(node.table).includes('broadcasts')) {
          if (JSON.stringify(node).includes('progress_cursor') && ++progressWrites === 2)
            throw new Error('worker died');
        }
        return node;
      },
      transformResult: async (args) => args.result,
    });
    const kinds = (db: typeof t.db) => ({
      [BROADCAST_SEND_JOB]: {
        ...broadcastSendJob,
        run: async (_: unknown, job: { payload: unknown }) => {
          await runBroadcast({ ...t.ctx, db }, (job.payload as { broadcastId: string }).broadcastId, {
            chunk: 3,
          });
        },
      },
    });
    const first = await runJobsUntilIdle(t.ctx, kinds(crashing));
    assert.deepEqual(
      first.map((o) => [o.outcome, o.error]),
      [['retry', 'worker died']],
    );
    assert.equal(await countRows('recipients', created.id), 3, 'the first chunk is kept');

    // the page shows how far it got, and that it goes on by itself; a link refreshes it (no timed refresh: WCAG 2.2.1)
    await createStaff(t.db, { email: 'jan@toonbank.test', name: 'Jan' });
    const browser = await signedIn(t.app, 'jan@toonbank.test');
    const page = await browser.get(`/admin/messages/${created.id}?lang=en`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /3 of 9 customers decided, 3 recorded\./);
    assert.match(page.body, /<progress[^>]*max="9"[^>]*value="3"/);
    assert.match(page.body, /Sending was interrupted; it goes on by itself where it stopped/);
    assert.doesNotMatch(page.body, /http-equiv="refresh"/);
    assert.match(page.body, new RegExp(`<a href="/admin/messages/${created.id}">Refresh progress</a>`));
    const nl = await browser.get(`/admin/messages/${created.id}?lang=nl`);
    assert.match(nl.body, /3 van 9 klanten beslist, 3 vastgelegd\./);

    // the retry, after its back-off: the other six, once each
    t.clock.set('2026-11-30T21:31:00Z');
    const second = await runJobsUntilIdle(t.ctx, kinds(t.db));
    t.clock.set(NOW);
    assert.deepEqual(
      second.map((o) => [o.outcome, o.attempt]),
      [['done', 2]],
    );
    assert.equal(await countRows('recipients', created.id), 9);
    assert.equal(await countRows('decisions', created.id), 9);
    const stored = await t.db
      .selectFrom('broadcasts')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    const counts = JSON.parse(stored.result_json!);
    assert.deepEqual(counts, created.counts, 'the preview counts are what was sent, across the break');
    assert.equal(await countRows('jobs', created.id), counts.now + (counts.held['quiet-hours']?.count ?? 0));
    assert.deepEqual([stored.status, stored.decided_count, stored.enqueued_count], ['sent', 9, 9]);
  });

  it('a send whose job gave up can be tried again from its page, and goes on where it stopped', async () => {
    const staff = { id: newId(), name: 'Sanne' };
    const created = await createBroadcast(
      t.ctx,
      { audience: { kind: 'offers' }, ...DRAFT, subjectEn: 'Third offer' },
      staff,
    );
    assert.ok(created.ok);
    await requestBroadcastSend(t.ctx, created.id);
    let writes = 0;
    const crashing = t.db.withPlugin({
      transformQuery: (args) => {
        const text = JSON.stringify(args.node);
        if (args.node.kind === 'UpdateQueryNode' && text.includes('progress_cursor') && ++writes === 2)
          throw new Error('disk full');
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const once = (db: typeof t.db) => ({
      [BROADCAST_SEND_JOB]: {
        ...broadcastSendJob,
        maxAttempts: 1,
        run: async (_: unknown, job: { payload: unknown }) => {
          await runBroadcast({ ...t.ctx, db }, (job.payload as { broadcastId: string }).broadcastId, {
            chunk: 3,
          });
        },
      },
    });
    assert.deepEqual(
      (await runJobsUntilIdle(t.ctx, once(crashing))).map((o) => o.outcome),
      ['failed'],
    );
    await createStaff(t.db, { email: 'eva@toonbank.test', name: 'Eva' });
    const browser = await signedIn(t.app, 'eva@toonbank.test');
    const page = await browser.get(`/admin/messages/${created.id}?lang=en`);
    assert.match(page.body, /Sending stopped after repeated errors/);
    assert.doesNotMatch(page.body, /http-equiv="refresh"/, 'nothing to wait for');
    assert.match(page.body, /Try again/);
    const again = await browser.post(`/admin/messages/${created.id}/send?lang=en`, {});
    assert.equal(again.statusCode, 303);
    const job = await t.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('idempotency_key', '=', sendJobKey(created.id))
      .executeTakeFirstOrThrow();
    assert.deepEqual(job, { status: 'pending', attempts: 0 });
    assert.deepEqual(
      (await runJobsUntilIdle(t.ctx, once(t.db))).map((o) => o.outcome),
      ['done'],
    );
    assert.equal(await countRows('recipients', created.id), 9);
    assert.equal(await countRows('decisions', created.id), 9);
    const done = await browser.get(`/admin/messages/${created.id}?lang=nl`);
    assert.match(done.body, /Verstuurd: 9 ontvangers vastgelegd/);
  });

  it('reaches the owners of an appliance and their household; a recall reaches them whatever their topics', async () => {
    const owners: Audience = { kind: 'appliance-owners', applianceId, recall: false };
    const news = countDecisions(
      (await decideBroadcast(t.ctx, owners, t.clock.now().epochMilliseconds)).decisions,
    );
    assert.deepEqual(news, { total: 2, now: 0, held: {}, excluded: { 'no-consent': 2 } });
    const recall = countDecisions(
      (await decideBroadcast(t.ctx, { ...owners, recall: true }, t.clock.now().epochMilliseconds)).decisions,
    );
    assert.deepEqual(recall, { total: 2, now: 2, held: {}, excluded: {} });

    // a recall goes by the channel each owner prefers and can be reached on, as one message would
    await setPrefs(t, ids.member!, (p) => ({
      ...p,
      channels: { order: ['push', 'email', 'sms', 'post'], enabled: { ...p.channels.enabled, push: true } },
    }));
    await t.db
      .insertInto('push_subscriptions')
      .values({
        id: newId(),
        customer_id: ids.member!,
        endpoint: 'https://push.example.test/member',
        p256dh: 'key',
        auth: 'auth',
        user_agent: 'test',
        created_at: NOW,
        last_sent_at: null,
      })
      .execute();
    const decided = await decideBroadcast(
      t.ctx,
      { ...owners, recall: true },
      t.clock.now().epochMilliseconds,
    );
    for (let i = 0; i < decided.recipients.length; i++) {
      const r = decided.recipients[i]!;
      const facts = {
        customerId: r.id,
        to: r.email,
        topic: 'transactional' as const,
        urgency: 'normal' as const,
        deadline: decided.deadline,
        onRequest: false,
      };
      assert.deepEqual(
        decided.decisions[i],
        decide(await loadDecisionInput(t.ctx, facts, decided.now)),
        r.email,
      );
    }
    assert.deepEqual(decided.decisions.map((d) => (d.action === 'send' ? d.channel : d.action)).sort(), [
      'email',
      'push',
    ]);
  });

  it('the admin shows the reach in words before sending, then what was sent', async () => {
    await createStaff(t.db, { email: 'sanne@toonbank.test', name: 'Sanne' });
    const browser = await signedIn(t.app, 'sanne@toonbank.test');
    const form = await browser.get('/admin/messages?lang=en');
    assert.equal(form.statusCode, 200);
    const missing = await browser.post('/admin/messages?lang=en', { audience: 'offers', subjectNl: 'x' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /both languages/);
    const unknown = await browser.post('/admin/messages?lang=en', {
      audience: 'recall',
      appliance: 'NOPE',
      ...DRAFT,
    });
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /do not know this appliance/);
    // the form carries a key: the same form sent twice makes one draft
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)?.[1];
    assert.ok(key);
    const created = await browser.post('/admin/messages', {
      audience: 'offers',
      ...DRAFT,
      idempotencyKey: key,
    });
    assert.equal(created.statusCode, 303);
    const repeated = await browser.post('/admin/messages', {
      audience: 'offers',
      ...DRAFT,
      idempotencyKey: key,
    });
    assert.equal(
      repeated.headers.location,
      created.headers.location,
      'a double submit finds the first draft',
    );
    const preview = await browser.get(`${created.headers.location}?lang=en`);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /2 of 9 customers will get this message/);
    assert.match(preview.body, /1 at once/);
    assert.match(preview.body, /1 in quiet hours: these get it from/);
    assert.match(preview.body, /4 do not want this topic/);
    assert.match(preview.body, /1 reached their limit for this period/);
    assert.match(preview.body, /2 addresses are suppressed/);
    // sending answers at once with the progress page; a double submit changes nothing
    const sent = await browser.post(`${created.headers.location}/send?lang=en`, {});
    assert.equal(sent.statusCode, 303, sent.body);
    assert.equal(sent.headers.location, created.headers.location);
    const twice = await browser.post(`${created.headers.location}/send?lang=en`, {});
    assert.equal(twice.headers.location, created.headers.location);
    const id = String(created.headers.location).split('/').at(-1)!;
    const jobs = await t.db
      .selectFrom('jobs')
      .select('status')
      .where('idempotency_key', '=', sendJobKey(id))
      .execute();
    assert.deepEqual(jobs, [{ status: 'pending' }], 'one send job');
    const waiting = await browser.get(`${created.headers.location}?lang=en`);
    assert.match(waiting.body, /Sending starts in a moment/);
    assert.match(waiting.body, /Refresh progress/);
    await runJobsUntilIdle(t.ctx, { [BROADCAST_SEND_JOB]: broadcastSendJob });
    const done = await browser.get(`${created.headers.location}?lang=en`);
    assert.match(done.body, /Sent: 9 recipients recorded \(1 at once, 1 later\)/);
    assert.doesNotMatch(done.body, /http-equiv="refresh"/);
    assert.equal(await countRows('recipients', id), 9);
    const nl = await browser.get(`${created.headers.location}?lang=nl`);
    assert.match(nl.body, /Verstuurd: 9 ontvangers vastgelegd \(1 direct, 1 later\)/);
    const byModel = await browser.post('/admin/messages', {
      audience: 'recall',
      appliance: 'tm-100/01',
      ...DRAFT,
    });
    assert.equal(byModel.statusCode, 303, 'an appliance found by its model number as typed');
  });
  it('a send works in slices: the jobs queued meanwhile go in between, and it sends exactly the preview', async () => {
    const staff = { id: newId(), name: 'Sanne' };
    const created = await createBroadcast(
      t.ctx,
      { audience: { kind: 'offers' }, ...DRAFT, subjectEn: 'Sliced offer' },
      staff,
    );
    assert.ok(created.ok);
    await requestBroadcastSend(t.ctx, created.id);
    await enqueueJob(t.ctx, { kind: 'echo', payload: 'confirmation', idempotencyKey: `echo:${created.id}` });
    const ran: string[] = [];
    const kinds = {
      echo: { maxAttempts: 1, run: async () => void ran.push('echo') },
      [BROADCAST_SEND_JOB]: {
        ...broadcastSendJob,
        // one chunk of three customers per slice
        run: async (_: unknown, job: { payload: unknown }) => {
          ran.push('send');
          const result = await runBroadcast(t.ctx, (job.payload as { broadcastId: string }).broadcastId, {
            chunk: 3,
            sliceMs: 0,
          });
          return result.ok && result.paused ? RUN_AGAIN : undefined;
        },
      },
    };
    t.clock.set('2026-11-30T21:30:01Z');
    const outcomes = await runJobsUntilIdle(t.ctx, kinds);
    t.clock.set(NOW);
    assert.deepEqual(
      outcomes.map((o) => [o.kind, o.outcome]),
      [
        [BROADCAST_SEND_JOB, 'again'],
        ['echo', 'done'],
        [BROADCAST_SEND_JOB, 'again'],
        [BROADCAST_SEND_JOB, 'again'],
        [BROADCAST_SEND_JOB, 'done'],
      ],
    );
    assert.deepEqual(ran, ['send', 'echo', 'send', 'send', 'send']);
    const stored = await t.db
      .selectFrom('broadcasts')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(stored.result_json!), created.counts, 'the preview counts are what was sent');
    assert.deepEqual([stored.status, stored.decided_count, stored.enqueued_count], ['sent', 9, 9]);
    assert.equal(await countRows('recipients', created.id), 9);
    const job = await t.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('idempotency_key', '=', sendJobKey(created.id))
      .executeTakeFirstOrThrow();
    assert.deepEqual(job, { status: 'done', attempts: 1 }, 'no attempt used up by the slices');
  });

  it("a big audience's preview: the first customers in the request, the rest by a job; sent once complete, exactly that", async () => {
    const staff = { id: newId(), name: 'Sanne' };
    const created = await createBroadcast(
      t.ctx,
      { audience: { kind: 'offers' }, ...DRAFT, subjectEn: 'Counted offer' },
      staff,
      { inRequest: 3 },
    );
    assert.ok(created.ok);
    assert.deepEqual([created.complete, created.counts.total], [false, 3]);
    const previewJob = await t.db
      .selectFrom('jobs')
      .select('status')
      .where('idempotency_key', '=', previewJobKey(created.id))
      .execute();
    assert.deepEqual(previewJob, [{ status: 'pending' }]);

    // the page says how far the count got, and offers no send button yet; a send request waits for it
    await createStaff(t.db, { email: 'kim@toonbank.test', name: 'Kim' });
    const browser = await signedIn(t.app, 'kim@toonbank.test');
    const counting = await browser.get(`/admin/messages/${created.id}?lang=en`);
    assert.equal(counting.statusCode, 200);
    assert.match(counting.body, /3 of 9 customers counted; the rest are being counted now\./);
    assert.match(counting.body, /<progress[^>]*max="9"[^>]*value="3"/);
    assert.doesNotMatch(counting.body, /Send now/);
    const nl = await browser.get(`/admin/messages/${created.id}?lang=nl`);
    assert.match(nl.body, /3 van 9 klanten geteld/);
    const early = await browser.post(`/admin/messages/${created.id}/send?lang=en`, {});
    assert.equal(early.statusCode, 303);
    assert.deepEqual(await requestBroadcastSend(t.ctx, created.id), { ok: false, reason: 'preview-pending' });
    const draft = await t.db
      .selectFrom('broadcasts')
      .select('status')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    assert.equal(draft.status, 'draft');

    // the job counts the rest in slices (two customers each here), for the instant the preview was made: at
    // 10:30 the next morning the quiet hours are over, but the preview still says what "send" meant at 22:30
    const kinds = {
      [BROADCAST_PREVIEW_JOB]: {
        ...broadcastPreviewJob,
        run: async (_: unknown, job: { payload: unknown }) =>
          (await continuePreview(t.ctx, (job.payload as { broadcastId: string }).broadcastId, {
            chunk: 2,
            sliceMs: 0,
          })) === 'paused'
            ? RUN_AGAIN
            : undefined,
      },
    };
    t.clock.set('2026-12-01T09:30:00Z');
    const outcomes = await runJobsUntilIdle(t.ctx, kinds);
    t.clock.set(NOW);
    assert.deepEqual(
      outcomes.map((o) => o.outcome),
      ['again', 'again', 'again', 'done'],
    );
    const whole = await previewBroadcast(t.ctx, { kind: 'offers' }, Date.parse(NOW));
    const stored = await t.db
      .selectFrom('broadcasts')
      .select(['preview_json', 'preview_cursor'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([JSON.parse(stored.preview_json!), stored.preview_cursor], [whole, null]);
    assert.equal(whole.held['quiet-hours']?.count, 1);

    // complete: it can be sent, and what is sent is what the preview said
    const ready = await browser.get(`/admin/messages/${created.id}?lang=en`);
    assert.match(ready.body, /Send now to 2 customers/);
    assert.doesNotMatch(ready.body, /being counted/);
    assert.deepEqual(await requestBroadcastSend(t.ctx, created.id), { ok: true, queued: true });
    await runJobsUntilIdle(t.ctx, { [BROADCAST_SEND_JOB]: broadcastSendJob });
    const sent = await t.db
      .selectFrom('broadcasts')
      .select(['status', 'result_json'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([sent.status, JSON.parse(sent.result_json!)], ['sent', whole]);
  });

  it('a dropped recipient sees the staff message and why in their list, staff too, in the export, gone with the account', async () => {
    const staff = { id: newId(), name: 'Sanne' };
    const created = await createBroadcast(
      t.ctx,
      { audience: { kind: 'offers' }, ...DRAFT, subjectNl: 'Vierde aanbod', subjectEn: 'Fourth offer' },
      staff,
    );
    assert.ok(created.ok);
    await requestBroadcastSend(t.ctx, created.id);
    await runJobsUntilIdle(t.ctx, { [BROADCAST_SEND_JOB]: broadcastSendJob });
    const off = ids.off!;
    assert.deepEqual(
      await t.db
        .selectFrom('broadcast_drops')
        .selectAll()
        .where('customer_id', '=', off)
        .where('broadcast_id', '=', created.id)
        .execute(),
      [{ customer_id: off, broadcast_id: created.id, reason: 'no-consent' }],
    );

    // "messages we sent you, and why": the customer's own list, in their language, and staff's view of it
    const mine = await signedInCustomer(t.app, t.ctx, off);
    const en = await mine.get('/account/messages?lang=en');
    assert.equal(en.statusCode, 200, en.body);
    const row = new RegExp(`<tr[^>]*id="m-${created.id}-${off}"[\\s\\S]*?</tr>`).exec(en.body)?.[0] ?? '';
    assert.match(row, /Fourth offer/);
    assert.match(row, /data-status="dropped"/);
    assert.match(row, /You have not turned this topic on\./);
    const listed = await listCustomerMessages(t.ctx, off);
    const item = listed.find((m) => m.id === `${created.id}-${off}`);
    assert.deepEqual(
      item && [
        item.status,
        item.reason,
        item.topic,
        item.createdAt,
        item.decisions.map((d) => [d.phase, d.action, d.reason]),
      ],
      ['dropped', 'no-consent', 'offers', NOW.replace('Z', '.000Z'), [['queued', 'drop', 'no-consent']]],
    );
    await createStaff(t.db, { email: 'ria@toonbank.test', name: 'Ria' });
    const browser = await signedIn(t.app, 'ria@toonbank.test');
    const view = await browser.get(`/admin/customers/${off}/messages?lang=en`);
    assert.equal(view.statusCode, 200, view.body);
    assert.match(view.body, /Fourth offer/);
    assert.match(view.body, new RegExp(`id="m-${created.id}-${off}"`));

    // the export holds it; the daily clean-ups and the retention purge keep it, as they keep the messages
    const exported = await exportPersonalData(t.ctx, off);
    assert.deepEqual(
      exported?.tables.broadcast_drops?.rows.filter((r) => r.broadcast_id === created.id),
      [{ customer_id: off, broadcast_id: created.id, reason: 'no-consent' }],
    );
    await housekeeping(t.ctx);
    await anonymiseDueSalesRecords(t.ctx);
    const dropsOf = async (c: string) =>
      (await t.db.selectFrom('broadcast_drops').select('broadcast_id').where('customer_id', '=', c).execute())
        .length;
    assert.ok((await dropsOf(off)) >= 1);

    // erasing the account erases its drops with its messages; the other recipients' stay
    const before = await dropsOf(ids.silent!);
    assert.deepEqual((await eraseAccount(t.ctx, off)).erased, true);
    assert.equal(await dropsOf(off), 0);
    assert.equal(await dropsOf(ids.silent!), before);
  });
});
