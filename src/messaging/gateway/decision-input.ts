import type { Ctx } from '../../context.ts';
import { suppressionOf } from '../../customers/suppression.ts';
import { consentAt } from '../../preferences/consent-ledger.ts';
import { loadPreferences } from '../../preferences/preference-store.ts';
import type { Topic } from '../../preferences/preferences.ts';
import { customersWithPush, hasPushSubscription } from '../channels/push-devices.ts';
import { smsChannel } from '../channels/sms-channel.ts';
import type { DecisionInput, Suppression, Urgency } from './contract.ts';
import { compileProfile, MONTH_MS, type Reach } from './profile.ts';

/** What a stored or new message brings to its decision. */
export type MessageFacts = {
  customerId: string | null;
  to: string;
  topic: Topic;
  urgency: Urgency;
  deadline: string | null;
  onRequest: boolean;
  /** The message being decided, when it exists already: its own claim never counts against the limit. */
  messageId?: string;
};

/**
 * Whether the customer can be reached by web push (push is on and they subscribed a browser: engineer F's
 * push-devices.ts) and by SMS (a provider is configured and their mobile number is known).
 */
export async function reachOf(ctx: Ctx, customer: { id: string; phone: string | null }): Promise<Reach> {
  return {
    push: await hasPushSubscription(ctx, customer.id),
    sms: !!smsChannel(ctx.config) && !!customer.phone,
  };
}

/**
 * `reachOf` for many customers with one query per thousand (for deciding a whole audience): by customer id.
 * Use this rather than `reachOf` in a loop, which asks the database once per customer.
 */
export async function reachOfMany(
  ctx: Ctx,
  customers: readonly { id: string; phone: string | null }[],
): Promise<Map<string, Reach>> {
  const push = await customersWithPush(
    ctx,
    customers.map((c) => c.id),
  );
  const sms = !!smsChannel(ctx.config);
  return new Map(customers.map((c) => [c.id, { push: push.has(c.id), sms: sms && !!c.phone }]));
}

/**
 * Everything the pure decision needs about one message, read fresh from the database at `now`: the customer's
 * preferences and the consent evidence valid now (B's ledger), the reachable channels, the address's suppression
 * and the customer's non-transactional sends of the last 30 days.
 */
export async function loadDecisionInput(ctx: Ctx, m: MessageFacts, now: number): Promise<DecisionInput> {
  const suppressed: Suppression = await suppressionOf(ctx, m.to);
  const base = {
    topic: m.topic,
    urgency: m.urgency,
    deadline: m.deadline ? Date.parse(m.deadline) : null,
    onRequest: m.onRequest,
    now,
  };
  if (!m.customerId) return { ...base, profile: null, recent: [], suppressed };
  const customer = await ctx.db
    .selectFrom('customers')
    .select(['id', 'phone'])
    .where('id', '=', m.customerId)
    .executeTakeFirst();
  // the account is gone (erased): nothing but what the recipient asks for
  if (!customer) return { ...base, profile: null, recent: [], suppressed: suppressed ?? 'erased' };

  const nowIso = new Date(now).toISOString();
  const { prefs } = await loadPreferences(ctx, customer.id);
  const ledger = await ctx.db
    .selectFrom('consent_ledger')
    .selectAll()
    .where('customer_id', '=', customer.id)
    .where('subject', '=', `topics.${m.topic}`)
    .where('at', '<=', nowIso)
    .execute();
  const sent = await ctx.db
    .selectFrom('gateway_messages')
    .select('sent_at')
    .where('customer_id', '=', customer.id)
    // sent, or claimed for sending (a delivery in flight counts already); never the message being decided
    .where('status', 'in', ['sent', 'sending'])
    .where('topic', '!=', 'transactional')
    .where('id', '!=', m.messageId ?? '')
    .where('sent_at', '>', new Date(now - MONTH_MS).toISOString())
    .orderBy('sent_at')
    .execute();
  const reach = await reachOf(ctx, customer);
  const evidence = consentAt(ledger, m.topic, nowIso);
  const profile = compileProfile(prefs, { [m.topic]: { state: evidence.state, at: evidence.at } }, reach);
  return {
    ...base,
    profile,
    recent: sent.map((r) => Date.parse(r.sent_at!)),
    suppressed,
  };
}
