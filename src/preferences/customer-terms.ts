import { isoNow } from '../clock.ts';
import { LOCALES, type Locale } from '../config.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors.ts';
import { appendLedger } from './consent-ledger.ts';
import { changePreferences, inTransaction, loadPreferences } from './preference-store.ts';
import {
  CHANNELS,
  type Channel,
  NON_TRANSACTIONAL_TOPICS,
  type Preferences,
  type Weekday,
} from './preferences.ts';
import { offeredChannels } from './shop-offer.ts';
import { TERMS_KIND, TERMS_SCHEMA_PATH, TERMS_VERSION } from './terms-schema.ts';
import { WORDING } from './wording.ts';

/**
 * Why a term was not honoured, as a stable code (the pages say it in words; docs/preferences.md lists them):
 * 'unknown-term', 'unknown-channel', 'channel-not-offered', 'no-post', 'needs-one-channel', 'unknown-topic',
 * 'unknown-time-zone', 'language-not-spoken', 'retention-required-by-law', 'invalid-value'.
 */
export const NOT_HONOURED_REASONS = [
  'unknown-term',
  'unknown-channel',
  'channel-not-offered',
  'no-post',
  'needs-one-channel',
  'unknown-topic',
  'unknown-time-zone',
  'language-not-spoken',
  'retention-required-by-law',
  'invalid-value',
] as const;
export type NotHonouredReason = (typeof NOT_HONOURED_REASONS)[number];
export type NotHonoured = { term: string; reason: NotHonouredReason };
export type TermsApplication = { applied: string[]; notHonoured: NotHonoured[] };

/**
 * The customer's preferences as a portable customer-terms document (terms-schema.ts; docs/preferences.md):
 * what the customer allows, to take to any other Toonbank shop. A soft opt-in is not carried over: it was never
 * the customer's own consent.
 */
export async function termsDocument(ctx: Ctx, customerId: string) {
  const { prefs } = await loadPreferences(ctx, customerId);
  return {
    $schema: `${ctx.config.publicUrl}${TERMS_SCHEMA_PATH}`,
    kind: TERMS_KIND,
    version: TERMS_VERSION,
    firstParty: { role: 'customer' as const },
    secondParty: { role: 'shop' as const, name: ctx.config.shopName, url: ctx.config.publicUrl },
    issuedAt: isoNow(ctx.clock),
    terms: {
      channels: {
        order: [...prefs.channels.order],
        allowed: prefs.channels.order.filter((c) => prefs.channels.enabled[c]),
      },
      topics: { allowed: NON_TRANSACTIONAL_TOPICS.filter((t) => prefs.topics[t] === 'on') },
      frequency: prefs.frequency,
      quiet: { hours: prefs.quiet.hours, days: [...prefs.quiet.days] },
      timeZone: prefs.timeZone,
      language: prefs.locale,
      'no-tracking': true,
      'no-data-sharing-with-third-parties': true,
      'data-retention': 'minimum',
    },
  };
}

/**
 * Applies a customer-terms document (as uploaded or pasted: anything) to the customer's preferences, in one
 * transaction: the preferences change (one ledger row per changed leaf, with `source`), and the acceptance is
 * recorded as a ledger row with subject 'terms' holding the terms and, in its note, this result — so the terms
 * page can show it later. Every term the shop cannot honour is in `notHonoured` with a reason; nothing is dropped
 * silently. Not a terms document at all: 422 with the reason per field.
 */
export async function applyCustomerTerms(
  ctx: Ctx,
  customerId: string,
  termsJson: unknown,
  source: 'signup' | 'terms-upload',
): Promise<TermsApplication> {
  const terms = termsOf(termsJson);
  return inTransaction(ctx, async (tx) => {
    const { prefs } = await loadPreferences(tx, customerId);
    const { next, result } = interpretTerms(prefs, terms, offeredChannels(tx.config));
    await changePreferences(tx, customerId, next, {
      source,
      actor: 'customer',
      wordingVersion: WORDING.customerTerms,
      note: 'customer terms',
    });
    await appendLedger(tx, customerId, [
      {
        subject: 'terms',
        old_value: null,
        new_value: JSON.stringify(terms),
        source,
        wording_version: WORDING.customerTerms,
        channel: null,
        actor: 'customer',
        staff_id: null,
        staff_name: null,
        note: JSON.stringify(result),
      },
    ]);
    return result;
  });
}

/** The result of the customer's most recent terms application, as stored in the ledger; null when none. */
export async function lastTermsApplication(
  ctx: Ctx,
  customerId: string,
): Promise<(TermsApplication & { at: string; source: string }) | null> {
  const row = await ctx.db
    .selectFrom('consent_ledger')
    .select(['at', 'source', 'note'])
    .where('customer_id', '=', customerId)
    .where('subject', '=', 'terms')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row?.note) return null;
  const parsed = JSON.parse(row.note) as TermsApplication;
  return { at: row.at, source: row.source, applied: parsed.applied, notHonoured: parsed.notHonoured };
}

type Terms = Record<string, unknown>;

/** The `terms` object of a customer-terms document, or 422 saying why this is not one. */
function termsOf(doc: unknown): Terms {
  const fields: Record<string, string> = {};
  const d = isObject(doc) ? doc : null;
  if (!d) throw new AppError('validation-failed', {}, { terms: 'not a JSON object' });
  if (d.kind !== TERMS_KIND) fields.kind = `must be "${TERMS_KIND}"`;
  if (d.version !== TERMS_VERSION) fields.version = `must be ${TERMS_VERSION}`;
  if (!isObject(d.firstParty) || d.firstParty.role !== 'customer')
    fields['firstParty.role'] = 'must be "customer": the customer states these terms';
  if (!isObject(d.terms)) fields.terms = 'must be an object';
  if (Object.keys(fields).length > 0) throw new AppError('validation-failed', {}, fields);
  return d.terms as Terms;
}

/**
 * Pure: the preferences that follow from `terms`, starting from `prefs` (a missing term leaves that part as it
 * is), and what was applied or not honoured and why.
 */
export function interpretTerms(
  prefs: Preferences,
  terms: Terms,
  offered: readonly Channel[],
): { next: Preferences; result: TermsApplication } {
  const next: Preferences = structuredClone(prefs);
  const applied: string[] = [];
  const notHonoured: NotHonoured[] = [];
  const refuse = (term: string, reason: NotHonouredReason) => notHonoured.push({ term, reason });

  for (const [key, value] of Object.entries(terms)) {
    switch (key) {
      case 'channels': {
        if (!isObject(value) || !isStringArray(value.allowed)) {
          refuse('channels', 'invalid-value');
          break;
        }
        const order = isStringArray(value.order) ? value.order : [];
        const known = (c: string): c is Channel => (CHANNELS as readonly string[]).includes(c);
        for (const c of new Set([...order, ...value.allowed]))
          if (!known(c)) refuse(`channels.${c}`, 'unknown-channel');
        const ordered = [...new Set(order.filter(known))];
        next.channels.order = [...ordered, ...CHANNELS.filter((c) => !ordered.includes(c))];
        if (order.length > 0) applied.push('channels.order');
        for (const c of CHANNELS) {
          const wanted = value.allowed.includes(c);
          if (wanted && !offered.includes(c)) {
            refuse(`channels.${c}`, c === 'post' ? 'no-post' : 'channel-not-offered');
            next.channels.enabled[c] = false;
          } else {
            next.channels.enabled[c] = wanted;
            applied.push(`channels.${c}`);
          }
        }
        if (!CHANNELS.some((c) => next.channels.enabled[c])) {
          next.channels.enabled.email = true;
          refuse('channels', 'needs-one-channel');
        }
        break;
      }
      case 'topics': {
        if (!isObject(value) || !isStringArray(value.allowed)) {
          refuse('topics', 'invalid-value');
          break;
        }
        for (const t of value.allowed)
          if (t !== 'transactional' && !(NON_TRANSACTIONAL_TOPICS as readonly string[]).includes(t))
            refuse(`topics.${t}`, 'unknown-topic');
        for (const t of NON_TRANSACTIONAL_TOPICS) {
          next.topics[t] = value.allowed.includes(t) ? 'on' : 'off';
          applied.push(`topics.${t}`);
        }
        break;
      }
      case 'frequency': {
        const ok =
          value === null ||
          (isObject(value) &&
            Number.isInteger(value.max) &&
            (value.max as number) >= 0 &&
            (value.max as number) <= 100 &&
            (value.per === 'week' || value.per === 'month'));
        if (!ok) refuse('frequency', 'invalid-value');
        else {
          next.frequency =
            value === null ? null : { max: value.max as number, per: value.per as 'week' | 'month' };
          applied.push('frequency');
        }
        break;
      }
      case 'quiet': {
        if (!isObject(value)) {
          refuse('quiet', 'invalid-value');
          break;
        }
        if ('hours' in value) {
          const h = value.hours;
          if (h === null || (isObject(h) && isTime(h.from) && isTime(h.to))) {
            next.quiet.hours = h === null ? null : { from: h.from as string, to: h.to as string };
            applied.push('quiet.hours');
          } else refuse('quiet.hours', 'invalid-value');
        }
        if ('days' in value) {
          const days = value.days;
          if (Array.isArray(days) && days.every((x) => Number.isInteger(x) && x >= 1 && x <= 7)) {
            next.quiet.days = [...new Set(days as Weekday[])].sort();
            applied.push('quiet.days');
          } else refuse('quiet.days', 'invalid-value');
        }
        break;
      }
      case 'timeZone': {
        if (typeof value === 'string' && knownTimeZone(value)) {
          next.timeZone = value;
          applied.push('timeZone');
        } else refuse('timeZone', 'unknown-time-zone');
        break;
      }
      case 'language': {
        const lang = typeof value === 'string' ? value.toLowerCase().split('-')[0]! : '';
        if ((LOCALES as readonly string[]).includes(lang)) {
          next.locale = lang as Locale;
          applied.push('language');
        } else refuse('language', 'language-not-spoken');
        break;
      }
      case 'no-tracking':
      case 'no-data-sharing-with-third-parties':
        // Toonbank has no tracking at all, and passes personal data only to whoever delivers or pays an order.
        if (typeof value === 'boolean') applied.push(key);
        else refuse(key, 'invalid-value');
        break;
      case 'data-retention':
        if (value === 'minimum') applied.push(key);
        else refuse(key, 'retention-required-by-law');
        break;
      default:
        refuse(key, 'unknown-term');
    }
  }
  return { next, result: { applied, notHonoured } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function isTime(v: unknown): v is string {
  return typeof v === 'string' && /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(v);
}

function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
