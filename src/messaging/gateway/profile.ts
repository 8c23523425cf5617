import { type Channel, type Preferences, TOPICS, type Topic } from '../../preferences/preferences.ts';
import { DAY_MS, type Zone, zoneOf } from './zone.ts';

/** Topic → small integer, for the profile's typed arrays. */
export const TOPIC_INDEX: Readonly<Record<Topic, number>> = Object.fromEntries(
  TOPICS.map((t, i) => [t, i]),
) as Record<Topic, number>;

export const STATE_OFF = 0;
export const STATE_ON = 1;
export const STATE_SOFT = 2;

/** The consent evidence for one topic (as engineer B's `consentAt` answers it): the state and since when. */
export type TopicEvidence = { state: 'on' | 'off' | 'soft-opt-in'; at: string | null };

/** What the shop can reach the customer through right now, besides e-mail. */
export type Reach = {
  /** The customer has a live web-push subscription. */
  push: boolean;
  /** An SMS provider is configured and the customer's phone number is known. */
  sms: boolean;
};

export const WEEK_MS = 7 * DAY_MS;
export const MONTH_MS = 30 * DAY_MS;

/**
 * A customer's preferences and consent compiled once into the shape the decision reads fastest: typed arrays
 * per topic, minutes for quiet hours, a bit mask for quiet days, the enabled channels in the customer's order
 * (post left out: the shop never sends post automatically) and the cached time zone.
 */
export class GatewayProfile {
  /** Two bits per topic (topic index × 2): STATE_OFF / STATE_ON / STATE_SOFT, from the preference document. */
  topicBits = 0;
  /** Per topic, epoch ms since when the ledger holds evidence for that state; NaN: no evidence (then no consent). */
  readonly consentSince: number[] = [];
  /** Enabled channels the shop can use automatically, most preferred first. */
  readonly channels: Channel[] = [];
  pushReachable = false;
  smsReachable = false;
  /** Non-transactional limit; -1: none. */
  capMax = -1;
  capWindowMs = WEEK_MS;
  /** Quiet hours as minutes of the local day; -1: none. */
  quietFrom = -1;
  quietTo = -1;
  /** Bit (1 << isoWeekday) set for each quiet day. */
  quietDays = 0;
  zone: Zone;

  constructor(zone: Zone) {
    this.zone = zone;
  }
}

function stateBits(state: string): number {
  return state === 'on' ? STATE_ON : state === 'soft-opt-in' ? STATE_SOFT : STATE_OFF;
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * Compiles a profile. `evidence` is the consent valid now per topic (B's `consentAt`); a topic the document has
 * on (or soft opt-in) counts as consented only when the ledger's evidence says the same state, with a time.
 */
export function compileProfile(
  prefs: Preferences,
  evidence: Partial<Record<Topic, TopicEvidence>>,
  reach: Reach,
): GatewayProfile {
  const p = new GatewayProfile(zoneOf(prefs.timeZone));
  for (let i = 0; i < TOPICS.length; i++) {
    const topic = TOPICS[i]!;
    const state = prefs.topics[topic];
    p.topicBits |= stateBits(state) << (i * 2);
    const e = evidence[topic];
    p.consentSince.push(e && e.state === state && e.at ? Date.parse(e.at) : Number.NaN);
  }
  for (const c of prefs.channels.order) if (prefs.channels.enabled[c] && c !== 'post') p.channels.push(c);
  p.pushReachable = reach.push;
  p.smsReachable = reach.sms;
  if (prefs.frequency) {
    p.capMax = prefs.frequency.max;
    p.capWindowMs = prefs.frequency.per === 'week' ? WEEK_MS : MONTH_MS;
  }
  if (prefs.quiet.hours && prefs.quiet.hours.from !== prefs.quiet.hours.to) {
    p.quietFrom = minutes(prefs.quiet.hours.from);
    p.quietTo = minutes(prefs.quiet.hours.to);
  }
  for (const d of prefs.quiet.days) p.quietDays |= 1 << d;
  return p;
}

/**
 * Puts one topic's consent evidence and the customer's reach on a compiled profile, exactly as `compileProfile`
 * would have from the same document: for deciding many customers who share one preference document (a staff
 * message) with one compiled profile, set for each customer just before `decide` reads it.
 */
export function applyEvidence(
  p: GatewayProfile,
  topic: Topic,
  evidence: TopicEvidence | undefined,
  reach: Reach,
): void {
  const ti = TOPIC_INDEX[topic];
  const state = (p.topicBits >> (ti * 2)) & 3;
  p.consentSince[ti] =
    evidence && stateBits(evidence.state) === state && evidence.at ? Date.parse(evidence.at) : Number.NaN;
  p.pushReachable = reach.push;
  p.smsReachable = reach.sms;
}
