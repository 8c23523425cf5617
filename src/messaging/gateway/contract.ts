import type { Locale } from '../../config.ts';
import type { Channel, Topic } from '../../preferences/preferences.ts';
import type { TemplateData, TemplateName } from '../templates.ts';
import type { GatewayProfile } from './profile.ts';

/**
 * The gateway's contract: what a caller asks for, and what the pure decision can answer. Every message the
 * shop sends is a `GatewayRequest`; `requestMessage` (request-message.ts) records it and its decision, and the
 * decision is made again at send time. The rules are in docs/messaging.md.
 */

/**
 * 'now': send as soon as allowed — for transactional messages this also means "through quiet hours" (an order
 * update); 'normal': waits for quiet hours (and, non-transactional, for the frequency limit); 'low': like
 * 'normal', but folded into the digest (the account's message list) instead of waiting for the frequency limit.
 */
export type Urgency = 'now' | 'normal' | 'low';

export type GatewayRequest<T extends TemplateName = TemplateName> = {
  /** The account the message is for; null for a guest (an order placed without an account): transactional only. */
  customerId: string | null;
  /** The e-mail address, for guests and as the e-mail channel's address. */
  to: string;
  topic: Topic;
  template: T;
  data: TemplateData[T];
  /** The language to render in; defaults to the customer's preference. */
  locale?: Locale;
  urgency: Urgency;
  /** One message per key, ever. */
  idempotencyKey: string;
  /** ISO instant after which the message is pointless and is dropped instead of sent late. */
  deadline?: string | null;
  /**
   * The recipient asked for this very message a moment ago (a sign-in link): it goes at once, by e-mail to
   * `to`, whatever the channel preferences and quiet hours say; only a hard-bounced address stops it.
   */
  onRequest?: boolean;
};

export type ReasonCode =
  | 'transactional' // sent: order and delivery updates always reach the customer
  | 'requested' // sent: the recipient asked for it just now (sign-in link)
  | 'consent' // sent: the customer turned the topic on
  | 'soft-opt-in' // sent: soft opt-in after a purchase (new products for my appliances)
  | 'no-consent' // dropped: topic is off, or no consent record valid now, or a guest
  | 'quiet-hours' // held until the quiet hours end
  | 'quiet-day' // held until the quiet day ends
  | 'frequency-cap' // held until the period's count allows, folded into the digest (low urgency), or dropped (limit 0)
  | 'suppressed' // dropped: address bounced, complained or belongs to an erased account
  | 'no-channel' // dropped: no channel the customer enabled can carry it now
  | 'deadline-passed' // dropped: it would arrive too late to be useful
  | 'digest' // folded into the digest
  | 'in-digest' // sent: carried by the digest e-mail (send-digest.ts)
  | 'digest-mail' // the digest e-mail itself: one message, at the first moment the limit and quiet time allow
  | 'sms-outcome-unknown'; // the SMS provider could not tell whether it has the message: not resent

export type Decision =
  | { action: 'send'; channel: Channel; reason: ReasonCode }
  | { action: 'hold'; until: string; reason: ReasonCode }
  | { action: 'digest'; reason: ReasonCode }
  | { action: 'drop'; reason: ReasonCode };

export type DecisionAction = Decision['action'];

/** Why an e-mail address may not be mailed (src/customers/suppression.ts). */
export type Suppression = 'erased' | 'hard-bounce' | 'complaint' | null;

/**
 * Everything the pure `decide` needs, as plain numbers where it matters (it runs a million times a second).
 * Times are epoch milliseconds (UTC).
 */
export type DecisionInput = {
  /** The customer's compiled preferences and consent (`compileProfile`); null for a guest. */
  profile: GatewayProfile | null;
  topic: Topic;
  urgency: Urgency;
  /** Epoch ms after which the message is pointless; null or NaN: none. */
  deadline: number | null;
  /**
   * When the customer's earlier NON-transactional messages were sent, ascending, epoch ms: at least those of the
   * last 30 days (older ones are ignored). The frequency limit counts them over a ROLLING window: 7 days for
   * 'per week', 30 days for 'per month'.
   */
  recent: readonly number[];
  /** The e-mail address's suppression, if any. */
  suppressed: Suppression;
  onRequest?: boolean;
  now: number;
};
