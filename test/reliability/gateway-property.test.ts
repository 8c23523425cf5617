/**
 * RELIABILITY 11: the gateway never over-contacts. Generated timelines of preference changes, unsubscribes,
 * suppressions, erasures, queued messages of every topic and urgency, and clock advances; every message that goes
 * out is checked, at the moment it goes out, against an independent oracle (written with Temporal, not with the
 * gateway's own time code) of what the customer's preferences at that moment allow:
 *   I4 (topic on with consent evidence, or transactional; an enabled channel; address not suppressed; account not
 *   erased), the frequency limit over its rolling window, no quiet hours or days (except transactional 'now'),
 *   no delivery after the deadline — and every transactional message arrives unless the oracle agrees it could not.
 *
 * Part 1 runs the pure `decide` with a model of the queue (request → decide → hold until → decide again) for many
 * timelines; part 2 runs fewer timelines through the REAL path (requestMessage, the jobs table, the
 * gateway-deliver job, deliverMessage, the outbox) on a real database (SQLite, or PostgreSQL with DATABASE_URL).
 * Runs: GATEWAY_RUNS (default 300; 10000 for the full run) and GATEWAY_DB_RUNS (default 40).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import type { Ctx } from '../../src/context.ts';
import { suppressAddress } from '../../src/customers/suppression.ts';
import { defaultJobKinds } from '../../src/jobs/default-kinds.ts';
import { runJobsUntilIdle } from '../../src/jobs/run-jobs.ts';
import type { Decision, Urgency } from '../../src/messaging/gateway/contract.ts';
import { decide } from '../../src/messaging/gateway/decide.ts';
import { compileProfile } from '../../src/messaging/gateway/profile.ts';
import { requestMessage } from '../../src/messaging/gateway/request-message.ts';
import { changePreferences, unsubscribeTopic } from '../../src/preferences/preference-store.ts';
import {
  CHANNELS,
  type Channel,
  NON_TRANSACTIONAL_TOPICS,
  type Preferences,
  TOPICS,
  type Topic,
} from '../../src/preferences/preferences.ts';
import { addCustomer } from '../helpers/preference-fixtures.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

const RUNS = Number(process.env.GATEWAY_RUNS ?? 300);
const DB_RUNS = Number(process.env.GATEWAY_DB_RUNS ?? 40);
const MIN = 60_000;
const DAY = 86_400_000;

// --- generated timelines ------------------------------------------------------------------------------------

const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const ZONES = ['Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];

const prefsArb: fc.Arbitrary<Preferences> = fc
  .record({
    order: fc.shuffledSubarray([...CHANNELS], { minLength: 4, maxLength: 4 }),
    enabled: fc.record({ email: fc.boolean(), push: fc.boolean(), sms: fc.boolean(), post: fc.boolean() }),
    topics: fc.record(
      Object.fromEntries(
        NON_TRANSACTIONAL_TOPICS.map((t) => [
          t,
          t === 'new-for-my-appliances'
            ? fc.constantFrom('on', 'off', 'soft-opt-in')
            : fc.constantFrom('on', 'off', 'off'),
        ]),
      ) as Record<string, fc.Arbitrary<string>>,
    ),
    frequency: fc.option(
      fc.record({
        max: fc.integer({ min: 0, max: 4 }),
        per: fc.constantFrom('week' as const, 'month' as const),
      }),
    ),
    hours: fc.option(fc.record({ from: hhmm, to: hhmm })),
    days: fc.subarray([1, 2, 3, 4, 5, 6, 7] as const, { maxLength: 3 }),
    timeZone: fc.constantFrom(...ZONES),
  })
  .map((r) => ({
    schemaVersion: 1 as const,
    channels: {
      order: r.order as Channel[],
      enabled: Object.values(r.enabled).some(Boolean) ? r.enabled : { ...r.enabled, email: true },
    },
    topics: { transactional: 'on', ...r.topics } as Preferences['topics'],
    frequency: r.frequency,
    quiet: { hours: r.hours, days: [...r.days] as Preferences['quiet']['days'] },
    timeZone: r.timeZone,
    locale: 'en' as const,
  }));

type Event =
  | { kind: 'request'; topic: Topic; urgency: Urgency; deadlineMin: number | null }
  | { kind: 'advance'; minutes: number }
  | { kind: 'prefs'; prefs: Preferences }
  | { kind: 'unsubscribe'; topic: Exclude<Topic, 'transactional'> }
  | { kind: 'suppress' }
  | { kind: 'erase' };

const eventArb: fc.Arbitrary<Event> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      topic: fc.constantFrom(...TOPICS),
      urgency: fc.constantFrom<Urgency>('now', 'normal', 'low'),
      deadlineMin: fc.option(fc.integer({ min: 1, max: 5 * 24 * 60 })),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      minutes: fc.oneof(fc.integer({ min: 1, max: 180 }), fc.integer({ min: 180, max: 4 * 24 * 60 })),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('prefs' as const), prefs: prefsArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('unsubscribe' as const),
      topic: fc.constantFrom(...NON_TRANSACTIONAL_TOPICS),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'suppress' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'erase' as const }) },
);

const timelineArb = fc.record({
  prefs: prefsArb,
  /** Minutes after a Monday 00:00 UTC, so timelines start at every time of day and week. */
  startMin: fc.integer({ min: 0, max: 14 * 24 * 60 }),
  /** Whether the shop can reach the customer by push / SMS (part 1 only; the database run has e-mail only). */
  push: fc.boolean(),
  sms: fc.boolean(),
  events: fc.array(eventArb, { maxLength: 30 }),
});
type Timeline = typeof timelineArb extends fc.Arbitrary<infer T> ? T : never;

// --- the truth the test keeps, and the oracle ----------------------------------------------------------------

type Truth = {
  prefs: Preferences;
  /** When each topic got its current state (the consent evidence). */
  since: Record<Topic, number>;
  erased: boolean;
  suppressed: boolean;
  push: boolean;
  sms: boolean;
  /** Non-transactional sends so far. */
  sends: number[];
};

type Msg = { topic: Topic; urgency: Urgency; deadline: number | null; requestedAt: number; label: string };

function localOf(t: number, zone: string) {
  return Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(zone);
}

/** Quiet at `t` by the customer's rules, computed with Temporal (independently of the gateway's own zone code). */
function quietAt(prefs: Preferences, t: number): boolean {
  const local = localOf(t, prefs.timeZone);
  if (prefs.quiet.days.includes(local.dayOfWeek as 1)) return true;
  const h = prefs.quiet.hours;
  if (!h || h.from === h.to) return false;
  const m = local.hour * 60 + local.minute;
  const from = Number(h.from.slice(0, 2)) * 60 + Number(h.from.slice(3));
  const to = Number(h.to.slice(0, 2)) * 60 + Number(h.to.slice(3));
  return from < to ? m >= from && m < to : m >= from || m < to;
}

function reachable(truth: Truth, channel: Channel): boolean {
  if (!truth.prefs.channels.enabled[channel]) return false;
  if (channel === 'email') return !truth.suppressed;
  if (channel === 'push') return truth.push;
  if (channel === 'sms') return truth.sms;
  return false;
}

/** Null when sending `msg` on `channel` at `t` is allowed by the truth at `t`; else why not. */
function violation(truth: Truth, msg: Msg, channel: Channel, t: number): string | null {
  const p = truth.prefs;
  if (truth.erased) return 'sent to an erased account';
  if (!reachable(truth, channel)) return `sent by ${channel}, which is off, suppressed or unreachable`;
  if (msg.deadline !== null && t >= msg.deadline) return 'sent after its deadline';
  const allQuiet = p.quiet.days.length === 7;
  if (msg.topic === 'transactional') {
    if (msg.urgency !== 'now' && !allQuiet && quietAt(p, t))
      return 'transactional (not urgent) in quiet time';
    return null;
  }
  const state = p.topics[msg.topic];
  const consented = state === 'on' || (state === 'soft-opt-in' && msg.topic === 'new-for-my-appliances');
  if (!consented) return `topic ${msg.topic} is ${state}`;
  if (!(truth.since[msg.topic] <= t)) return 'no consent evidence valid at send time';
  if (quietAt(p, t)) return 'sent in quiet hours or on a quiet day';
  if (p.frequency) {
    const window = p.frequency.per === 'week' ? 7 * DAY : 30 * DAY;
    const inWindow = truth.sends.filter((s) => s > t - window && s <= t).length + 1;
    if (inWindow > p.frequency.max)
      return `limit ${p.frequency.max}/${p.frequency.per} exceeded (${inWindow})`;
  }
  return null;
}

/** Whether a transactional message may rightly be dropped at `t`: nothing could carry it, or it is too late. */
function transactionalDropJustified(truth: Truth, msg: Msg, t: number): boolean {
  if (truth.erased) return true;
  if (msg.deadline !== null && msg.deadline <= t) return true;
  if (!CHANNELS.some((c) => c !== 'post' && reachable(truth, c))) return true;
  // not urgent, in quiet time that lasts (checked every 15 minutes) until past its deadline
  if (msg.urgency === 'now' || msg.deadline === null) return false;
  for (let at = t; at < msg.deadline; at += 15 * MIN) if (!quietAt(truth.prefs, at)) return false;
  return true;
}

function applyPrefs(truth: Truth, prefs: Preferences, t: number): void {
  for (const topic of TOPICS) if (prefs.topics[topic] !== truth.prefs.topics[topic]) truth.since[topic] = t;
  truth.prefs = structuredClone(prefs);
}

function initialTruth(tl: Timeline, t: number): Truth {
  return {
    prefs: structuredClone(tl.prefs),
    since: Object.fromEntries(TOPICS.map((x) => [x, t])) as Record<Topic, number>,
    erased: false,
    suppressed: false,
    push: tl.push,
    sms: tl.sms,
    sends: [],
  };
}

const MONDAY = Date.parse('2026-11-02T00:00:00Z');

/** fast-check's failure with the failing assertion's own message in it (it keeps that only as the cause). */
async function withCause(run: () => void | Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof Error) throw new Error(`${cause.message}\n\n${(err as Error).message}`);
    throw err;
  }
}

// --- part 1: the pure decision with a model of the queue -------------------------------------------------------

function decideFor(truth: Truth, msg: Msg, now: number): Decision {
  const evidence = {
    [msg.topic]: { state: truth.prefs.topics[msg.topic], at: new Date(truth.since[msg.topic]).toISOString() },
  };
  return decide({
    profile: truth.erased
      ? null
      : compileProfile(truth.prefs, evidence, { push: truth.push, sms: truth.sms }),
    topic: msg.topic,
    urgency: msg.urgency,
    deadline: msg.deadline,
    recent: truth.sends,
    suppressed: truth.erased ? 'erased' : truth.suppressed ? 'hard-bounce' : null,
    now,
  });
}

function runModel(tl: Timeline): void {
  let now = MONDAY + tl.startMin * MIN;
  const truth = initialTruth(tl, now);
  const held: { msg: Msg; due: number }[] = [];
  const transactional: { msg: Msg; done: boolean }[] = [];

  const settle = (msg: Msg, d: Decision, t: number) => {
    const label = `${msg.label} at ${new Date(t).toISOString()}`;
    if (d.action === 'send') {
      const why = violation(truth, msg, d.channel, t);
      assert.equal(why, null, `${label}: ${why}`);
      if (msg.topic !== 'transactional') truth.sends.push(t);
      else transactional.find((x) => x.msg === msg)!.done = true;
    } else if (d.action === 'hold') {
      const until = Date.parse(d.until);
      assert.ok(until > t, `${label}: a hold must end later (${d.until})`);
      held.push({ msg, due: until });
    } else if (msg.topic === 'transactional') {
      assert.ok(
        transactionalDropJustified(truth, msg, t),
        `${label}: a transactional message was ${d.action}ped (${d.reason}) although a channel could carry it`,
      );
      transactional.find((x) => x.msg === msg)!.done = true;
    }
  };
  // the worker: every hold is decided again at its end, in order
  const advanceTo = (target: number) => {
    for (;;) {
      held.sort((a, b) => a.due - b.due);
      const next = held[0];
      if (!next || next.due > target) break;
      held.shift();
      now = Math.max(now, next.due);
      settle(next.msg, decideFor(truth, next.msg, now), now);
    }
    now = target;
  };

  let n = 0;
  for (const e of tl.events) {
    switch (e.kind) {
      case 'request': {
        const msg: Msg = {
          topic: e.topic,
          urgency: e.urgency,
          deadline: e.deadlineMin === null ? null : now + e.deadlineMin * MIN,
          requestedAt: now,
          label: `message ${++n} (${e.topic}, ${e.urgency})`,
        };
        if (e.topic === 'transactional') transactional.push({ msg, done: false });
        const first = decideFor(truth, msg, now);
        // queued as 'send': the delivery job decides again at once
        settle(msg, first.action === 'send' ? decideFor(truth, msg, now) : first, now);
        break;
      }
      case 'advance':
        advanceTo(now + e.minutes * MIN);
        break;
      case 'prefs':
        if (!truth.erased) applyPrefs(truth, e.prefs, now);
        break;
      case 'unsubscribe':
        if (!truth.erased && truth.prefs.topics[e.topic] !== 'off')
          applyPrefs(truth, { ...truth.prefs, topics: { ...truth.prefs.topics, [e.topic]: 'off' } }, now);
        break;
      case 'suppress':
        truth.suppressed = true;
        break;
      case 'erase':
        truth.erased = true;
        break;
    }
  }
  advanceTo(now + 62 * DAY);
  for (const x of transactional)
    assert.ok(x.done, `${x.msg.label}: a transactional message never arrived nor was rightly dropped`);
}

describe('the gateway never over-contacts (RELIABILITY 11)', () => {
  it(`holds I4, the limits, quiet hours and transactional delivery over ${RUNS} generated timelines (pure decision and queue model)`, async () => {
    await withCause(() => fc.assert(fc.property(timelineArb, runModel), { numRuns: RUNS }));
  });

  // --- part 2: the real path on a real database ----------------------------------------------------------------

  describe('through requestMessage, the jobs and deliverMessage on a real database', () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({}, '2026-11-02T00:00:00Z');
    });
    after(async () => {
      await t.close();
    });

    it(`holds the same over ${DB_RUNS} timelines`, async () => {
      let runNo = 0;
      await withCause(() =>
        fc.assert(
          fc.asyncProperty(
            timelineArb.map((tl) => ({ ...tl, push: false, sms: false })),
            async (tl) => runOnDatabase(t, tl, ++runNo),
          ),
          { numRuns: DB_RUNS },
        ),
      );
    });
  });
});

async function runOnDatabase(t: TestApp, tl: Timeline, runNo: number): Promise<void> {
  const ctx: Ctx = t.ctx;
  // timelines follow each other on one database and one clock; each has a customer of its own
  t.clock.advance({ minutes: tl.startMin });
  const email = `p${runNo}-${Date.now()}@example.nl`;
  const customerId = await addCustomer(ctx, { email, locale: 'en' });
  const nowMs = () => t.clock.now().epochMilliseconds;
  await changePreferences(ctx, customerId, tl.prefs, { source: 'preference-centre', actor: 'customer' });
  const truth = initialTruth(tl, nowMs());
  const messages = new Map<string, Msg>();
  const transactional = new Set<string>();
  let checkedUpTo = '';

  /** Checks every e-mail that went out since the last look, against the truth of this moment. */
  const checkSent = async () => {
    const rows = await ctx.db
      .selectFrom('outbox_messages')
      .select(['id', 'idempotency_key', 'updated_at', 'status'])
      .where('to_address', '=', email)
      .where('id', '>', checkedUpTo)
      .orderBy('id')
      .execute();
    for (const row of rows) {
      checkedUpTo = row.id;
      const msg = messages.get(row.idempotency_key.replace(/^gateway:/, ''));
      assert.ok(msg, `an e-mail ${row.idempotency_key} the timeline did not ask for`);
      const at = Date.parse(row.updated_at);
      const why = violation(truth, msg, 'email', at);
      assert.equal(why, null, `run ${runNo}, ${msg.label} sent at ${row.updated_at}: ${why}`);
      if (msg.topic !== 'transactional') truth.sends.push(at);
    }
  };
  /** A worker that never sleeps: each due job runs at its own moment, up to `target`. */
  const advanceTo = async (target: number) => {
    for (;;) {
      const next = await ctx.db
        .selectFrom('jobs')
        .select('run_at')
        .where('status', '=', 'pending')
        .where('kind', '=', 'gateway-deliver')
        .orderBy('run_at')
        .executeTakeFirst();
      if (!next || Date.parse(next.run_at) > target) break;
      if (Date.parse(next.run_at) > nowMs()) t.clock.set(next.run_at);
      await runJobsUntilIdle(ctx, defaultJobKinds);
      await checkSent();
    }
    t.clock.set(new Date(target).toISOString());
  };

  let n = 0;
  for (const e of tl.events) {
    const now = nowMs();
    switch (e.kind) {
      case 'request': {
        const msg: Msg = {
          topic: e.topic,
          urgency: e.urgency,
          deadline: e.deadlineMin === null ? null : now + e.deadlineMin * MIN,
          requestedAt: now,
          label: `message ${++n} (${e.topic}, ${e.urgency})`,
        };
        const result = await requestMessage(ctx, {
          customerId,
          to: email,
          topic: e.topic,
          urgency: e.urgency,
          template: 'order-delayed',
          data: {
            number: `P${runNo}-${n}`,
            name: 'P',
            previousDate: '2026-12-01',
            newDate: '2026-12-03',
            message: null,
            staffName: 'Sam',
            orderUrl: 'http://localhost/order/x',
          },
          idempotencyKey: `property:${runNo}:${n}`,
          deadline: msg.deadline === null ? null : new Date(msg.deadline).toISOString(),
        });
        const id = result.id;
        messages.set(id, msg);
        if (e.topic === 'transactional' && !truth.erased) transactional.add(id);
        await runJobsUntilIdle(ctx, defaultJobKinds);
        await checkSent();
        break;
      }
      case 'advance':
        await advanceTo(now + e.minutes * MIN);
        break;
      case 'prefs':
        if (!truth.erased) {
          await changePreferences(ctx, customerId, e.prefs, {
            source: 'preference-centre',
            actor: 'customer',
          });
          applyPrefs(truth, e.prefs, now);
        }
        break;
      case 'unsubscribe':
        if (!truth.erased) {
          await unsubscribeTopic(ctx, customerId, e.topic);
          if (truth.prefs.topics[e.topic] !== 'off')
            applyPrefs(truth, { ...truth.prefs, topics: { ...truth.prefs.topics, [e.topic]: 'off' } }, now);
        }
        break;
      case 'suppress':
        await suppressAddress(ctx, email, 'hard-bounce');
        truth.suppressed = true;
        break;
      case 'erase':
        if (!truth.erased) {
          // as erasure does: the account goes, its address stays only as a hash on the suppression list
          await ctx.db.deleteFrom('customers').where('id', '=', customerId).execute();
          await suppressAddress(ctx, email, 'erased');
          truth.erased = true;
        }
        break;
    }
  }
  await advanceTo(nowMs() + 62 * DAY);
  if (truth.erased) return;
  // every transactional message arrived, or was dropped when nothing could carry it
  for (const id of transactional) {
    const row = await ctx.db
      .selectFrom('gateway_messages')
      .select(['status', 'reason', 'updated_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const msg = messages.get(id)!;
    if (row.status === 'sent') continue;
    assert.equal(row.status, 'dropped', `run ${runNo}, ${msg.label}: still ${row.status} (${row.reason})`);
    assert.ok(
      ['suppressed', 'no-channel', 'deadline-passed'].includes(row.reason),
      `run ${runNo}, ${msg.label}: a transactional message dropped for ${row.reason}`,
    );
  }
}
