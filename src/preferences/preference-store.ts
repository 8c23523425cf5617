import { Value } from 'typebox/value';
import { isoNow } from '../clock.ts';
import { LOCALES, type Locale } from '../config.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors.ts';
import { withRetry } from '../orders/with-retry.ts';
import { appendLedger, type LedgerEntry } from './consent-ledger.ts';
import {
  CHANNELS,
  defaultPreferences,
  type PreferenceProblem,
  type Preferences,
  PreferencesSchema,
  preferenceProblems,
  TOPICS,
  type Topic,
} from './preferences.ts';
import { defaultWording } from './wording.ts';

/** Through what a change came, who made it, and what text they saw: the ledger's evidence. */
export type ChangeEvidence = {
  source:
    | 'preference-centre'
    | 'api'
    | 'unsubscribe-link'
    | 'checkout'
    | 'terms-upload'
    | 'signup'
    | 'staff'
    | 'soft-opt-in';
  actor: 'customer' | 'staff' | 'system';
  /** Required when a staff member makes the change: their name goes into the ledger. */
  staff?: { id: string; name: string };
  /** The version of the wording on screen (wording.ts); defaults to the current text of that source. */
  wordingVersion?: string;
  /** The channel the change came through (e.g. 'email' for an unsubscribe link in an e-mail). */
  channel?: string | null;
  /** Refuse with 409 unless the stored revision is still this one (0: nothing stored yet). */
  expectedRevision?: number;
  note?: string;
};

/** The new revision, how many leaves changed (= ledger rows written) and when; `at` is null when none did. */
export type ChangeResult = { revision: number; changes: number; at: string | null };

/**
 * The customer's preferences and their revision. A customer who never saved any gets the defaults (everything
 * off but order updates, by e-mail) at revision 0; nothing is written.
 */
export async function loadPreferences(
  ctx: Ctx,
  customerId: string,
): Promise<{ prefs: Preferences; revision: number }> {
  const row = await ctx.db
    .selectFrom('customers')
    .leftJoin('customer_preferences', 'customer_preferences.customer_id', 'customers.id')
    .select(['customers.locale', 'customer_preferences.revision', 'customer_preferences.doc_json'])
    .where('customers.id', '=', customerId)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found');
  if (row.doc_json === null || row.revision === null) {
    const locale: Locale = LOCALES.includes(row.locale as Locale)
      ? (row.locale as Locale)
      : ctx.config.defaultLocale;
    return { prefs: defaultPreferences(locale, ctx.config.shopTimezone), revision: 0 };
  }
  return { prefs: JSON.parse(row.doc_json) as Preferences, revision: Number(row.revision) };
}

/**
 * Everything wrong with a would-be preferences document: schema errors first (one per field), then the rules
 * the schema cannot say (`preferenceProblems`). Empty when the document can be stored.
 */
export function preferenceDocumentProblems(doc: unknown): PreferenceProblem[] {
  if (!Value.Check(PreferencesSchema, doc)) {
    const byPath = new Map<string, string>();
    for (const error of Value.Errors(PreferencesSchema, doc)) {
      const path = error.instancePath.slice(1).replaceAll('/', '.') || 'preferences';
      if (!byPath.has(path)) byPath.set(path, error.message);
    }
    return [...byPath].map(([path, reason]) => ({ path, reason }));
  }
  return preferenceProblems(doc as Preferences);
}

/**
 * Stores a new preferences document. In one transaction: checks the document, refuses a stale
 * `expectedRevision` (409 'preferences-stale'), writes the document with the next revision and one consent-ledger
 * row per changed leaf, with the evidence. A staff change must carry the staff member (403 otherwise). Invalid
 * documents are refused with 422 and per-field reasons. Nothing changed: nothing written, the revision stays.
 * Works inside a caller's transaction too (then it joins it).
 */
export async function changePreferences(
  ctx: Ctx,
  customerId: string,
  next: Preferences,
  evidence: ChangeEvidence,
): Promise<ChangeResult> {
  const problems = preferenceDocumentProblems(next);
  if (problems.length > 0)
    throw new AppError('validation-failed', {}, Object.fromEntries(problems.map((p) => [p.path, p.reason])));
  const staffChange = evidence.actor === 'staff' || evidence.source === 'staff';
  if (staffChange && !(evidence.staff?.id && evidence.staff.name.trim()))
    throw new AppError('staff-change-unsigned');

  return inTransaction(ctx, async (tx) => {
    const { prefs: current, revision } = await loadPreferences(tx, customerId);
    if (evidence.expectedRevision !== undefined && evidence.expectedRevision !== revision)
      throw new AppError('preferences-stale', {}, undefined, { revision });
    const changed = changedLeaves(current, next);
    if (changed.length === 0) return { revision, changes: 0, at: null };

    const doc = JSON.stringify(next);
    const now = isoNow(tx.clock);
    const nextRevision = revision + 1;
    if (revision === 0) {
      const inserted = await tx.db
        .insertInto('customer_preferences')
        .values({ customer_id: customerId, revision: nextRevision, doc_json: doc, updated_at: now })
        .onConflict((oc) => oc.column('customer_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) throw new AppError('preferences-stale');
    } else {
      const updated = await tx.db
        .updateTable('customer_preferences')
        .set({ revision: nextRevision, doc_json: doc, updated_at: now })
        .where('customer_id', '=', customerId)
        .where('revision', '=', revision)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError('preferences-stale');
    }
    const wording = evidence.wordingVersion ?? defaultWording(evidence.source);
    await appendLedger(
      tx,
      customerId,
      changed.map(
        (leaf): LedgerEntry => ({
          subject: leaf.subject,
          old_value: JSON.stringify(leaf.old),
          new_value: JSON.stringify(leaf.new),
          source: evidence.source,
          wording_version: wording,
          channel: evidence.channel ?? null,
          actor: evidence.actor,
          staff_id: staffChange ? evidence.staff!.id : null,
          staff_name: staffChange ? evidence.staff!.name.trim() : null,
          note: evidence.note ?? null,
        }),
      ),
      now,
    );
    return { revision: nextRevision, changes: changed.length, at: now };
  });
}

/**
 * One click from a message: the topic goes off at once (ledger source 'unsubscribe-link'). Turning off what is
 * already off records nothing. Transactional messages cannot be unsubscribed from (their channel can be changed
 * in the preference centre).
 */
export async function unsubscribeTopic(
  ctx: Ctx,
  customerId: string,
  topic: Exclude<Topic, 'transactional'>,
  source: { channel?: string | null; wordingVersion?: string; note?: string } = {},
): Promise<ChangeResult> {
  return inTransaction(ctx, async (tx) => {
    const { prefs, revision } = await loadPreferences(tx, customerId);
    if (prefs.topics[topic] === 'off') return { revision, changes: 0, at: null };
    const next: Preferences = { ...prefs, topics: { ...prefs.topics, [topic]: 'off' } };
    return changePreferences(tx, customerId, next, {
      source: 'unsubscribe-link',
      actor: 'customer',
      channel: source.channel ?? 'email',
      ...(source.wordingVersion ? { wordingVersion: source.wordingVersion } : {}),
      ...(source.note ? { note: source.note } : {}),
      expectedRevision: revision,
    });
  });
}

export type ChangedLeaf = { subject: string; old: unknown; new: unknown };

/**
 * The leaves of the document that differ, named as the ledger names them: 'topics.offers',
 * 'channels.enabled.sms', 'channels.order', 'frequency', 'quiet.hours', 'quiet.days', 'timeZone', 'locale'.
 */
export function changedLeaves(before: Preferences, after: Preferences): ChangedLeaf[] {
  const a = leaves(before);
  const b = leaves(after);
  const out: ChangedLeaf[] = [];
  for (const [subject, value] of b) {
    const old = a.get(subject);
    if (JSON.stringify(old) !== JSON.stringify(value)) out.push({ subject, old: old ?? null, new: value });
  }
  return out;
}

function leaves(p: Preferences): Map<string, unknown> {
  const map = new Map<string, unknown>();
  map.set('channels.order', p.channels.order);
  for (const c of CHANNELS) map.set(`channels.enabled.${c}`, p.channels.enabled[c]);
  for (const t of TOPICS) map.set(`topics.${t}`, p.topics[t]);
  map.set('frequency', p.frequency);
  map.set('quiet.hours', p.quiet.hours);
  map.set('quiet.days', [...p.quiet.days].sort());
  map.set('timeZone', p.timeZone);
  map.set('locale', p.locale);
  return map;
}

/** Runs `work` in a transaction of its own, or in the caller's when `ctx.db` already is one. */
export async function inTransaction<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return withRetry(() => ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx })));
}
