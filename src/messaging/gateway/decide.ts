import { CHANNELS, type Channel } from '../../preferences/preferences.ts';
import type { Decision, DecisionInput, ReasonCode } from './contract.ts';
import { type GatewayProfile, STATE_OFF, STATE_ON, STATE_SOFT, TOPIC_INDEX } from './profile.ts';
import { DAY_MS } from './zone.ts';

/*
 * THE decision: one pure function, no I/O, no clock of its own. Its rules, in the order they apply, are the table
 * in docs/messaging.md. It allocates nothing on the common paths: 'send', 'drop' and 'digest' answers are shared
 * frozen objects; only 'hold' builds one (with its ISO time, cached for the last instant).
 */

const REASONS: ReasonCode[] = [
  'transactional',
  'requested',
  'consent',
  'soft-opt-in',
  'no-consent',
  'quiet-hours',
  'quiet-day',
  'frequency-cap',
  'suppressed',
  'no-channel',
  'deadline-passed',
  'digest',
];

const SEND = Object.fromEntries(
  CHANNELS.map((channel) => [
    channel,
    Object.fromEntries(REASONS.map((reason) => [reason, Object.freeze({ action: 'send', channel, reason })])),
  ]),
) as Record<Channel, Record<ReasonCode, Decision>>;
const DROP = Object.fromEntries(
  REASONS.map((reason) => [reason, Object.freeze({ action: 'drop', reason })]),
) as Record<ReasonCode, Decision>;
const DIGEST: Decision = Object.freeze({ action: 'digest', reason: 'frequency-cap' });

let lastHoldMs = Number.NaN;
let lastHoldIso = '';
function hold(until: number, reason: ReasonCode): Decision {
  if (until !== lastHoldMs) {
    lastHoldMs = until;
    lastHoldIso = new Date(until).toISOString();
  }
  return { action: 'hold', until: lastHoldIso, reason };
}

const NEW_FOR_MY_APPLIANCES = TOPIC_INDEX['new-for-my-appliances'];
const NOT_QUIET = 0;
const QUIET_HOURS = 1;
const QUIET_DAY = 2;

/** Which quiet rule holds at UTC instant `t`: NOT_QUIET, QUIET_HOURS or QUIET_DAY. */
export function quietAt(p: GatewayProfile, t: number): number {
  if (p.quietDays === 0 && p.quietFrom < 0) return NOT_QUIET;
  const local = t + p.zone.offset(t);
  const day = Math.floor(local / DAY_MS);
  if (p.quietDays !== 0 && p.quietDays & (1 << (((((day + 3) % 7) + 7) % 7) + 1))) return QUIET_DAY;
  if (p.quietFrom < 0) return NOT_QUIET;
  const m = Math.floor((local - day * DAY_MS) / 60_000);
  const quiet =
    p.quietFrom < p.quietTo ? m >= p.quietFrom && m < p.quietTo : m >= p.quietFrom || m < p.quietTo;
  return quiet ? QUIET_HOURS : NOT_QUIET;
}

/**
 * The first instant at or after `t` that is in neither quiet hours nor a quiet day; NaN when there is none.
 * `kind` is `quietAt(p, t)` when the caller knows it already.
 */
export function quietEnd(p: GatewayProfile, t: number, kind = quietAt(p, t)): number {
  for (let i = 0; i < 10; i++) {
    if (kind === NOT_QUIET) return t;
    const local = t + p.zone.offset(t);
    const day = Math.floor(local / DAY_MS);
    let next: number;
    if (kind === QUIET_DAY) next = (day + 1) * DAY_MS;
    else {
      const m = Math.floor((local - day * DAY_MS) / 60_000);
      next = (p.quietFrom > p.quietTo && m >= p.quietFrom ? day + 1 : day) * DAY_MS + p.quietTo * 60_000;
    }
    const utc = p.zone.toUtc(next);
    t = utc > t ? utc : t + 60_000;
    kind = quietAt(p, t);
  }
  return Number.NaN;
}

/**
 * The first instant at or after `t` at which one more non-transactional message stays within the limit: the
 * rolling window (7 or 30 days) then holds at most `max − 1` of the `recent` sends.
 */
export function capFree(p: GatewayProfile, recent: readonly number[], t: number): number {
  const from = t - p.capWindowMs;
  const n = recent.length;
  let k = 0;
  while (k < n && recent[k]! <= from) k++;
  const count = n - k;
  if (count < p.capMax) return t;
  return recent[k + count - p.capMax]! + p.capWindowMs;
}

/**
 * Decides one message: send now on a channel, hold until a moment, fold into the digest, or drop; each with a
 * reason. Pure and total: the same input always gives the same answer.
 */
export function decide(input: DecisionInput): Decision {
  const now = input.now;
  const deadline = input.deadline ?? Number.NaN;
  if (deadline <= now) return DROP['deadline-passed'];
  const suppressed = input.suppressed;
  if (input.onRequest) return suppressed === 'hard-bounce' ? DROP.suppressed : SEND.email.requested;

  const transactional = input.topic === 'transactional';
  const p = input.profile;
  if (p === null) {
    // a guest: transactional only, by e-mail
    if (!transactional) return DROP['no-consent'];
    return suppressed ? DROP.suppressed : SEND.email.transactional;
  }
  if (suppressed === 'erased') return DROP.suppressed;

  let reason: ReasonCode = 'transactional';
  if (!transactional) {
    const ti = TOPIC_INDEX[input.topic];
    const state = (p.topicBits >> (ti * 2)) & 3;
    if (state === STATE_OFF) return DROP['no-consent'];
    if (state === STATE_SOFT && ti !== NEW_FOR_MY_APPLIANCES) return DROP['no-consent'];
    // consent must be on record, valid now (RELIABILITY 13)
    if (!(p.consentSince[ti]! <= now)) return DROP['no-consent'];
    reason = state === STATE_ON ? 'consent' : 'soft-opt-in';
  }

  // the first channel in the customer's order that is enabled and can carry the message now
  let channel: Channel | null = null;
  let emailBlocked = false;
  const channels = p.channels;
  for (let i = 0; i < channels.length; i++) {
    const c = channels[i]!;
    if (c === 'email') {
      if (suppressed !== null) {
        emailBlocked = true;
        continue;
      }
    } else if (c === 'push') {
      if (!p.pushReachable) continue;
    } else if (c === 'sms') {
      if (!p.smsReachable) continue;
    } else continue;
    channel = c;
    break;
  }
  if (channel === null) return emailBlocked ? DROP.suppressed : DROP['no-channel'];
  if (transactional && input.urgency === 'now') return SEND[channel][reason];

  const capped = !transactional && p.capMax >= 0;
  if (capped && p.capMax === 0) return DROP['frequency-cap'];
  if (!capped && p.quietDays === 0 && p.quietFrom < 0) return SEND[channel][reason];

  // quiet hours and days, then the limit, until a moment satisfies both
  let t = now;
  let blocked: ReasonCode | null = null;
  let kind = quietAt(p, t);
  for (let i = 0; i < 20; i++) {
    if (kind !== NOT_QUIET) {
      if (blocked === null) blocked = kind === QUIET_DAY ? 'quiet-day' : 'quiet-hours';
      t = quietEnd(p, t, kind);
      // every day is quiet: order updates still go; the rest never could
      if (Number.isNaN(t)) return transactional ? SEND[channel][reason] : DROP['quiet-day'];
    }
    if (!capped) break;
    const free = capFree(p, input.recent, t);
    if (free <= t) break;
    if (blocked === null) blocked = 'frequency-cap';
    if (input.urgency === 'low') return DIGEST;
    t = free;
    kind = quietAt(p, t);
  }
  if (blocked === null) return SEND[channel][reason];
  if (deadline <= t) return DROP['deadline-passed'];
  return hold(t, blocked);
}
