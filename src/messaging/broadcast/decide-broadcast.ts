import type { Locale } from '../../config.ts';
import type { Ctx } from '../../context.ts';
import { addressHash } from '../../customers/suppression.ts';
import { defaultPreferences, type Preferences, type Topic } from '../../preferences/preferences.ts';
import type { Decision, Suppression, Urgency } from '../gateway/contract.ts';
import { decide } from '../gateway/decide.ts';
import { reachOfMany } from '../gateway/decision-input.ts';
import { compileProfile, MONTH_MS } from '../gateway/profile.ts';
import { type Audience, audienceTopic, loadAudience, type Recipient } from './audience.ts';

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

/** How long a staff message stays worth sending: held beyond this, it is dropped (deadline-passed). */
export const BROADCAST_VALID_DAYS = 14;

/**
 * Decides a staff message for a whole audience at once, with the gateway's own pure `decide` and the same facts
 * `requestMessage` loads for one message (`loadDecisionInput`): the preferences document (or the defaults), the
 * consent evidence for the topic valid now (the latest ledger row at or before now), the reachable channels,
 * the address's suppression and the non-transactional sends of the last 30 days — but read in a handful of
 * set-based queries instead of five per customer, so a million recipients take seconds. Writes nothing: the
 * preview shows this, and `sendBroadcast` records exactly these decisions.
 */
export async function decideBroadcast(
  ctx: Ctx,
  audience: Audience,
  now: number,
): Promise<BroadcastDecisions> {
  const { topic, urgency } = audienceTopic(audience);
  const nowIso = new Date(now).toISOString();
  const deadline = new Date(now + BROADCAST_VALID_DAYS * 86_400_000).toISOString();
  const deadlineMs = Date.parse(deadline);
  const recipients = await loadAudience(ctx, audience);

  // consent evidence for the topic: the latest row at or before now, per customer (consentAt's rule)
  const evidence = new Map<string, { state: 'on' | 'off' | 'soft-opt-in'; at: string; id: string }>();
  if (topic !== 'transactional') {
    const rows = await ctx.db
      .selectFrom('consent_ledger')
      .select(['customer_id', 'new_value', 'at', 'id'])
      .where('subject', '=', `topics.${topic}`)
      .where('at', '<=', nowIso)
      .execute();
    for (const r of rows) {
      const best = evidence.get(r.customer_id);
      if (best && (best.at > r.at || (best.at === r.at && best.id > r.id))) continue;
      const value = r.new_value === null ? null : (JSON.parse(r.new_value) as unknown);
      evidence.set(r.customer_id, {
        state: value === 'on' || value === 'soft-opt-in' ? value : 'off',
        at: r.at,
        id: r.id,
      });
    }
  }

  // the non-transactional sends of the last 30 days, ascending per customer (what the limit counts)
  const recent = new Map<string, number[]>();
  if (topic !== 'transactional') {
    const sent = await ctx.db
      .selectFrom('gateway_messages')
      .select(['customer_id', 'sent_at'])
      .where('status', '=', 'sent')
      .where('topic', '!=', 'transactional')
      .where('sent_at', '>', new Date(now - MONTH_MS).toISOString())
      .orderBy('sent_at')
      .execute();
    for (const s of sent) {
      if (!s.customer_id || !s.sent_at) continue;
      const list = recent.get(s.customer_id);
      if (list) list.push(Date.parse(s.sent_at));
      else recent.set(s.customer_id, [Date.parse(s.sent_at)]);
    }
  }

  // the suppression list holds keyed hashes: hash the audience's addresses only when the list is not empty
  const suppressedRows = await ctx.db
    .selectFrom('suppressed_addresses')
    .select(['address_hash', 'reason'])
    .execute();
  const suppression = new Map(
    suppressedRows.map((r) => [r.address_hash, r.reason as Exclude<Suppression, null>]),
  );

  // Shortcuts that cannot change a decision, given the order in which `decide` applies its rules (the test
  // "decides every recipient exactly as the gateway decides one message" holds them to it): without consent
  // evidence for a non-transactional topic the answer is 'no-consent' whatever the rest of the document says
  // (only an erased address, checked first, says 'suppressed' instead), so those customers share one profile
  // compiled from the defaults; and a bounced or complained address matters only once consent is there, so
  // addresses are hashed only when the list holds erased ones or the customer could be reached.
  const anyErased = suppressedRows.some((r) => r.reason === 'erased');
  const defaults = new Map<string, Preferences>();
  const defaultsFor = (locale: Locale): Preferences => {
    let d = defaults.get(locale);
    if (!d) {
      d = defaultPreferences(locale, ctx.config.shopTimezone);
      defaults.set(locale, d);
    }
    return d;
  };
  const noConsent = compileProfile(defaultsFor(ctx.config.defaultLocale), {}, { push: false, sms: false });
  const decisions: Decision[] = new Array(recipients.length);
  const locales: Locale[] = new Array(recipients.length);
  const none: number[] = [];
  const reachableOf = (r: Recipient) => {
    if (topic === 'transactional') return true;
    const e = evidence.get(r.id);
    return e !== undefined && e.state !== 'off';
  };
  // the channels each reachable customer can be reached on (web push, SMS), asked in batches
  const reach = await reachOfMany(ctx, recipients.filter(reachableOf));
  for (let i = 0; i < recipients.length; i++) {
    const r = recipients[i]!;
    const fallback: Locale = r.locale === 'nl' || r.locale === 'en' ? r.locale : ctx.config.defaultLocale;
    const e = topic === 'transactional' ? undefined : evidence.get(r.id);
    const reachable = reachableOf(r);
    let profile = noConsent;
    if (reachable || r.docJson === null) {
      const prefs = r.docJson === null ? defaultsFor(fallback) : (JSON.parse(r.docJson) as Preferences);
      locales[i] = prefs.locale === 'nl' || prefs.locale === 'en' ? prefs.locale : fallback;
      if (reachable)
        profile = compileProfile(
          prefs,
          e ? { [topic]: { state: e.state, at: e.at } } : {},
          reach.get(r.id) ?? { push: false, sms: false },
        );
    } else {
      locales[i] = docLocale(r.docJson) ?? fallback;
    }
    const hash = suppression.size > 0 && (reachable || anyErased);
    decisions[i] = decide({
      profile,
      topic,
      urgency,
      deadline: deadlineMs,
      recent: recent.get(r.id) ?? none,
      suppressed: hash ? (suppression.get(addressHash(ctx.config.sessionSecret, r.email)) ?? null) : null,
      now,
    });
  }
  return { topic, urgency, now, deadline, recipients, decisions, locales };
}

/** The language of a stored preference document, read without parsing all of it. */
function docLocale(docJson: string): Locale | null {
  const m = /"locale":"(nl|en)"/.exec(docJson);
  return m ? (m[1] as Locale) : null;
}

/** What the preview shows and what sending reports: the same shape, so they can be compared. */
export type BroadcastCounts = {
  total: number;
  /** Sent at once. */
  now: number;
  /** Held for quiet hours or days (they get it later), by reason, with the earliest moment they get it. */
  held: Record<string, { count: number; from: string }>;
  /** Not reached now, by reason: dropped, or (over their limit) put in their digest. */
  excluded: Record<string, number>;
};

/** Counts decisions the way the staff preview explains them. */
export function countDecisions(decisions: readonly Decision[]): BroadcastCounts {
  const counts: BroadcastCounts = { total: decisions.length, now: 0, held: {}, excluded: {} };
  for (const d of decisions) {
    if (d.action === 'send') counts.now++;
    else if (d.action === 'hold') {
      const h = counts.held[d.reason];
      if (!h) counts.held[d.reason] = { count: 1, from: d.until };
      else {
        h.count++;
        if (d.until < h.from) h.from = d.until;
      }
    } else if (d.action === 'digest') counts.excluded.digest = (counts.excluded.digest ?? 0) + 1;
    else counts.excluded[d.reason] = (counts.excluded[d.reason] ?? 0) + 1;
  }
  return counts;
}
