import type { Locale } from '../../config.ts';
import type { Ctx } from '../../context.ts';
import { addressHash } from '../../customers/suppression.ts';
import { defaultPreferences, type Preferences, type Topic } from '../../preferences/preferences.ts';
import type { Decision, Suppression, Urgency } from '../gateway/contract.ts';
import { decide } from '../gateway/decide.ts';
import { reachOfMany } from '../gateway/decision-input.ts';
import {
  applyEvidence,
  compileProfile,
  type GatewayProfile,
  MONTH_MS,
  type Reach,
  type TopicEvidence,
} from '../gateway/profile.ts';
import { type Audience, audienceTopic, loadAudience, type Recipient } from './audience.ts';
import { type BroadcastCounts, countDecisions } from './broadcast-counts.ts';

/** How long a staff message stays worth sending: held beyond this, it is dropped (deadline-passed). */
export const BROADCAST_VALID_DAYS = 14;

/** Recipients read, decided (and, when sending, written) together. */
export const BROADCAST_CHUNK = 20_000;

/**
 * What stays the same for every recipient of one staff message: the message facts, the instant it is decided
 * for, the suppression list, and the profiles compiled so far (one per distinct preference document).
 */
export type BroadcastPlan = {
  topic: Topic;
  urgency: Urgency;
  /** Epoch ms the decisions are made for. */
  now: number;
  deadline: string;
  deadlineMs: number;
  suppression: Map<string, Exclude<Suppression, null>>;
  anyErased: boolean;
  /** The defaults' profile, for everyone without consent evidence (see `decideChunk`). */
  noConsent: GatewayProfile;
  defaults: Map<Locale, Preferences>;
  /** Stored document → its compiled profile and language; the consent and reach are set per customer. */
  profiles: Map<string, { profile: GatewayProfile; locale: Locale | null }>;
};

/** Facts about one chunk's customers, read in a few range queries. */
export type ChunkFacts = {
  evidence: Map<string, TopicEvidence & { id: string }>;
  recent: Map<string, number[]>;
  reach: Map<string, Reach>;
};

/** The profiles cache is dropped when it grows past this many documents (a million distinct ones would not fit). */
const MAX_PROFILES = 50_000;

/** Reads what every chunk of one staff message shares; `now` is the instant it is decided for. */
export async function planBroadcast(ctx: Ctx, audience: Audience, now: number): Promise<BroadcastPlan> {
  const { topic, urgency } = audienceTopic(audience);
  const deadline = new Date(now + BROADCAST_VALID_DAYS * 86_400_000).toISOString();
  // the suppression list holds keyed hashes: hash the audience's addresses only when the list is not empty
  const rows = await ctx.db.selectFrom('suppressed_addresses').select(['address_hash', 'reason']).execute();
  const plan: BroadcastPlan = {
    topic,
    urgency,
    now,
    deadline,
    deadlineMs: Date.parse(deadline),
    suppression: new Map(rows.map((r) => [r.address_hash, r.reason as Exclude<Suppression, null>])),
    anyErased: rows.some((r) => r.reason === 'erased'),
    noConsent: compileProfile(
      defaultPreferences(ctx.config.defaultLocale, ctx.config.shopTimezone),
      {},
      { push: false, sms: false },
    ),
    defaults: new Map(),
    profiles: new Map(),
  };
  return plan;
}

/**
 * The facts `loadDecisionInput` reads for one message, for a chunk of recipients (in id order) at once, by id
 * range: the consent evidence for the topic valid now (the latest ledger row at or before now), the
 * non-transactional sends (or claims for sending) of the last 30 days, ascending, and the channels each
 * reachable customer can be reached on.
 */
export async function loadChunkFacts(
  ctx: Ctx,
  plan: BroadcastPlan,
  recipients: readonly Recipient[],
): Promise<ChunkFacts> {
  const facts: ChunkFacts = { evidence: new Map(), recent: new Map(), reach: new Map() };
  if (recipients.length === 0) return facts;
  // transactional: no consent needed and no limit to count, but the channels still matter
  if (plan.topic !== 'transactional') await loadConsentAndSends(ctx, plan, recipients, facts);
  facts.reach = await reachOfMany(
    ctx,
    recipients.filter((r) => reachable(plan, facts, r)),
  );
  return facts;
}

async function loadConsentAndSends(
  ctx: Ctx,
  plan: BroadcastPlan,
  recipients: readonly Recipient[],
  facts: ChunkFacts,
): Promise<void> {
  const first = recipients[0]!.id;
  const last = recipients[recipients.length - 1]!.id;
  const nowIso = new Date(plan.now).toISOString();
  const rows = await ctx.db
    .selectFrom('consent_ledger')
    .select(['customer_id', 'new_value', 'at', 'id'])
    .where('customer_id', '>=', first)
    .where('customer_id', '<=', last)
    .where('subject', '=', `topics.${plan.topic}`)
    .where('at', '<=', nowIso)
    .execute();
  for (const r of rows) {
    const best = facts.evidence.get(r.customer_id);
    if (best && (best.at! > r.at || (best.at === r.at && best.id > r.id))) continue;
    const value = r.new_value === null ? null : (JSON.parse(r.new_value) as unknown);
    facts.evidence.set(r.customer_id, {
      state: value === 'on' || value === 'soft-opt-in' ? value : 'off',
      at: r.at,
      id: r.id,
    });
  }
  const sent = await ctx.db
    .selectFrom('gateway_messages')
    .select(['customer_id', 'sent_at'])
    .where('customer_id', '>=', first)
    .where('customer_id', '<=', last)
    .where('sent_at', '>', new Date(plan.now - MONTH_MS).toISOString())
    .where('status', 'in', ['sent', 'sending'])
    .where('topic', '!=', 'transactional')
    .orderBy('customer_id')
    .orderBy('sent_at')
    .execute();
  for (const s of sent) {
    const list = facts.recent.get(s.customer_id!);
    if (list) list.push(Date.parse(s.sent_at!));
    else facts.recent.set(s.customer_id!, [Date.parse(s.sent_at!)]);
  }
}

/** Whether the customer can get the message at all: a transactional topic, or consent evidence that is not off. */
function reachable(plan: BroadcastPlan, facts: ChunkFacts, r: Recipient): boolean {
  if (plan.topic === 'transactional') return true;
  const e = facts.evidence.get(r.id);
  return e !== undefined && e.state !== 'off';
}

const NO_REACH: Reach = { push: false, sms: false };
const NONE: number[] = [];

/**
 * Decides a chunk of recipients with the gateway's own pure `decide`, from the same facts `requestMessage`
 * reads for one message (the preferences document or the defaults, the consent evidence, the reach, the
 * suppression and the recent sends). Also returns the language each recipient gets it in.
 *
 * Shortcuts that cannot change a decision, given the order in which `decide` applies its rules (the test
 * "decides every recipient exactly as the gateway decides one message" holds them to it): without consent
 * evidence for a non-transactional topic the answer is 'no-consent' whatever the rest of the document says
 * (only an erased address, checked first, says 'suppressed' instead), so those customers share one profile
 * compiled from the defaults; a bounced or complained address matters only once consent is there, so addresses
 * are hashed only when the list holds erased ones or the customer could be reached; and customers with the same
 * stored document share one compiled profile, its consent and reach set for each just before deciding.
 */
export function decideChunk(
  ctx: Ctx,
  plan: BroadcastPlan,
  recipients: readonly Recipient[],
  facts: ChunkFacts,
): { decisions: Decision[]; locales: Locale[] } {
  const { topic, urgency, now, suppression } = plan;
  const decisions: Decision[] = new Array(recipients.length);
  const locales: Locale[] = new Array(recipients.length);
  for (let i = 0; i < recipients.length; i++) {
    const r = recipients[i]!;
    const fallback: Locale = r.locale === 'nl' || r.locale === 'en' ? r.locale : ctx.config.defaultLocale;
    const canReach = reachable(plan, facts, r);
    let profile = plan.noConsent;
    if (canReach) {
      const compiled = profileOf(ctx, plan, r.docJson, fallback);
      profile = compiled.profile;
      applyEvidence(profile, topic, facts.evidence.get(r.id), facts.reach.get(r.id) ?? NO_REACH);
      locales[i] = compiled.locale ?? fallback;
    } else if (r.docJson === null) {
      locales[i] = fallback;
    } else {
      locales[i] = docLocale(r.docJson) ?? fallback;
    }
    const hash = suppression.size > 0 && (canReach || plan.anyErased);
    decisions[i] = decide({
      profile,
      topic,
      urgency,
      deadline: plan.deadlineMs,
      recent: facts.recent.get(r.id) ?? NONE,
      suppressed: hash ? (suppression.get(addressHash(ctx.config.sessionSecret, r.email)) ?? null) : null,
      now,
    });
  }
  return { decisions, locales };
}

/** The compiled profile of a stored document (or of the defaults in `fallback`), compiled once per document. */
function profileOf(
  ctx: Ctx,
  plan: BroadcastPlan,
  docJson: string | null,
  fallback: Locale,
): { profile: GatewayProfile; locale: Locale | null } {
  const key = docJson ?? `default:${fallback}`;
  let compiled = plan.profiles.get(key);
  if (!compiled) {
    let prefs: Preferences;
    if (docJson === null) {
      prefs = plan.defaults.get(fallback) ?? defaultPreferences(fallback, ctx.config.shopTimezone);
      plan.defaults.set(fallback, prefs);
    } else prefs = JSON.parse(docJson) as Preferences;
    if (plan.profiles.size >= MAX_PROFILES) plan.profiles.clear();
    compiled = {
      profile: compileProfile(prefs, {}, NO_REACH),
      locale: prefs.locale === 'nl' || prefs.locale === 'en' ? prefs.locale : null,
    };
    plan.profiles.set(key, compiled);
  }
  return compiled;
}

/** The language of a stored preference document, read without parsing all of it. */
function docLocale(docJson: string): Locale | null {
  const m = /"locale":"(nl|en)"/.exec(docJson);
  return m ? (m[1] as Locale) : null;
}

/** Every recipient's decision, in audience order, and the message facts they were decided for. */
export type BroadcastDecisions = {
  topic: Topic;
  urgency: Urgency;
  /** Epoch ms the decisions were made at. */
  now: number;
  deadline: string;
  recipients: Recipient[];
  decisions: Decision[];
  /** The language each recipient gets it in. */
  locales: Locale[];
};

/**
 * Decides a staff message for a whole audience, chunk by chunk, and calls `each` with every chunk's recipients
 * and decisions. Writes nothing.
 */
export async function forEachDecidedChunk(
  ctx: Ctx,
  audience: Audience,
  now: number,
  each: (recipients: Recipient[], decided: { decisions: Decision[]; locales: Locale[] }) => void,
): Promise<BroadcastPlan> {
  const plan = await planBroadcast(ctx, audience, now);
  let after: string | null = null;
  for (;;) {
    const recipients = await loadAudience(ctx, audience, { after, limit: BROADCAST_CHUNK });
    if (recipients.length === 0) return plan;
    each(recipients, decideChunk(ctx, plan, recipients, await loadChunkFacts(ctx, plan, recipients)));
    after = recipients[recipients.length - 1]!.id;
  }
}

/** The preview: how a staff message sent now would be decided, counted the way the admin explains it. */
export async function previewBroadcast(ctx: Ctx, audience: Audience, now: number): Promise<BroadcastCounts> {
  const counts = countDecisions([]);
  await forEachDecidedChunk(ctx, audience, now, (_, d) => countDecisions(d.decisions, counts));
  return counts;
}

/** How much of an audience a preview counted: the counts so far, and the last customer counted unless done. */
export type PreviewPart = { counts: BroadcastCounts; last: string | null; done: boolean };

/**
 * Counts the preview on from the customer after `after` (null: from the start), chunk by chunk, into `counts`,
 * until the audience ends or `stop` says so after a chunk (given the customers counted in this call). `each`
 * sees the counts after every chunk (to save the progress).
 */
export async function previewPart(
  ctx: Ctx,
  audience: Audience,
  now: number,
  from: { after: string | null; counts: BroadcastCounts; chunk?: number },
  stop: (counted: number) => boolean,
  each?: (part: PreviewPart, previous: string | null) => Promise<void>,
): Promise<PreviewPart> {
  const plan = await planBroadcast(ctx, audience, now);
  const { counts } = from;
  const chunk = from.chunk ?? BROADCAST_CHUNK;
  let after = from.after;
  let counted = 0;
  for (;;) {
    const recipients = await loadAudience(ctx, audience, { after, limit: chunk });
    if (recipients.length > 0) {
      const decided = decideChunk(ctx, plan, recipients, await loadChunkFacts(ctx, plan, recipients));
      countDecisions(decided.decisions, counts);
      counted += recipients.length;
    }
    const previous = after;
    after = recipients.at(-1)?.id ?? after;
    const part = { counts, last: after, done: recipients.length < chunk };
    if (part.done) part.last = null;
    if (each) await each(part, previous);
    if (part.done || stop(counted)) return part;
  }
}

/** Every recipient's decision at once (tests; a big audience is better read in chunks). */
export async function decideBroadcast(
  ctx: Ctx,
  audience: Audience,
  now: number,
): Promise<BroadcastDecisions> {
  const all: Pick<BroadcastDecisions, 'recipients' | 'decisions' | 'locales'> = {
    recipients: [],
    decisions: [],
    locales: [],
  };
  const plan = await forEachDecidedChunk(ctx, audience, now, (recipients, d) => {
    all.recipients.push(...recipients);
    all.decisions.push(...d.decisions);
    all.locales.push(...d.locales);
  });
  return { topic: plan.topic, urgency: plan.urgency, now, deadline: plan.deadline, ...all };
}
