import type { Selectable } from 'kysely';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import type { Channel, Topic, TopicState } from './preferences.ts';
import type { ConsentLedgerTable } from './tables.ts';

/** One row of the consent ledger as read from the database. */
export type LedgerRow = Selectable<ConsentLedgerTable>;

/** What a new ledger row says; id and time are added by `appendLedger`. */
export type LedgerEntry = Omit<ConsentLedgerTable, 'id' | 'at' | 'customer_id'>;

/**
 * The only write to the consent ledger: an insert. There is deliberately no update or delete in this module
 * (nor anywhere else; only erasure of the whole account removes rows, by the foreign key's cascade).
 */
export async function appendLedger(
  ctx: Ctx,
  customerId: string,
  entries: LedgerEntry[],
  /** The moment of the change (ISO); the clock's now when not given. */
  at = new Date(ctx.clock.now().epochMilliseconds).toISOString(),
): Promise<void> {
  if (entries.length === 0) return;
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('consent_ledger')
    .values(entries.map((e) => ({ ...e, id: newId(now.epochMilliseconds), at, customer_id: customerId })))
    .execute();
}

/** A customer's whole ledger, oldest first (ties in the order they were written). */
export async function loadLedger(ctx: Ctx, customerId: string): Promise<LedgerRow[]> {
  return ctx.db
    .selectFrom('consent_ledger')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/**
 * The evidence for a topic at one moment: the state it was in, and the row that put it there. `row` is null
 * when the customer never changed the topic (then the state is the default: transactional on, all else off).
 */
export type ConsentEvidence = {
  topic: Topic;
  state: TopicState;
  /** When the customer (or the shop, for a soft opt-in) set this state; null for the default. */
  at: string | null;
  wordingVersion: string | null;
  source: string | null;
  channel: string | null;
  actor: LedgerRow['actor'] | null;
  ledgerId: string | null;
};

/**
 * Pure: the consent evidence valid at `at` (an ISO instant), from a customer's ledger rows — the latest row for
 * that topic at or before `at`. The gateway asks this at send time (RELIABILITY 13): a message may go only when
 * `state` is 'on' (consent) or 'soft-opt-in', and the evidence says when, with which wording, through what.
 */
export function consentAt(rows: readonly LedgerRow[], topic: Topic, at: string): ConsentEvidence {
  const row = latestAt(rows, `topics.${topic}`, at);
  if (!row)
    return {
      topic,
      state: topic === 'transactional' ? 'on' : 'off',
      at: null,
      wordingVersion: null,
      source: null,
      channel: null,
      actor: null,
      ledgerId: null,
    };
  return {
    topic,
    state: parseState(row.new_value),
    at: row.at,
    wordingVersion: row.wording_version,
    source: row.source,
    channel: row.channel,
    actor: row.actor,
    ledgerId: row.id,
  };
}

/** Pure: whether a channel was switched on at `at` (e-mail is on by default, the others off). */
export function channelEnabledAt(rows: readonly LedgerRow[], channel: Channel, at: string): boolean {
  const row = latestAt(rows, `channels.enabled.${channel}`, at);
  if (!row) return channel === 'email';
  return row.new_value === 'true';
}

/** Loads the customer's ledger and answers `consentAt` for one topic. */
export async function loadConsentAt(
  ctx: Ctx,
  customerId: string,
  topic: Topic,
  at: string,
): Promise<ConsentEvidence> {
  const rows = await ctx.db
    .selectFrom('consent_ledger')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('subject', '=', `topics.${topic}`)
    .where('at', '<=', at)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return consentAt(rows, topic, at);
}

function latestAt(rows: readonly LedgerRow[], subject: string, at: string): LedgerRow | null {
  let best: LedgerRow | null = null;
  for (const row of rows) {
    if (row.subject !== subject || row.at > at) continue;
    if (!best || row.at > best.at || (row.at === best.at && row.id > best.id)) best = row;
  }
  return best;
}

function parseState(json: string | null): TopicState {
  const value = json === null ? null : (JSON.parse(json) as unknown);
  return value === 'on' || value === 'soft-opt-in' ? value : 'off';
}
