import type { Locale } from '../../config.ts';
import type { Channel, Topic } from '../../preferences/preferences.ts';
import type { TemplateData, TemplateName } from '../templates.ts';

/**
 * The gateway's contract: what a caller asks for, and what the pure decision can answer. Every message the
 * shop sends is a `GatewayRequest`; `requestMessage` (request-message.ts) records it and its decision, and the
 * decision is made again at send time.
 */

/** 'now': send as soon as allowed (an order update); 'normal': may wait for quiet hours to end; 'low': may be folded into a digest. */
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
};

export type ReasonCode =
  | 'transactional' // sent: order and delivery updates always reach the customer
  | 'consent' // sent: the customer turned the topic on
  | 'soft-opt-in' // sent: soft opt-in after a purchase (new products for my appliances)
  | 'no-consent' // dropped: topic is off
  | 'quiet-hours' // held until the quiet hours end
  | 'quiet-day' // held until the quiet day ends
  | 'frequency-cap' // held until the period's count allows, or folded into a digest
  | 'suppressed' // dropped: address bounced, complained or belongs to an erased account
  | 'no-channel' // dropped: no allowed channel can carry it
  | 'deadline-passed' // dropped: it would arrive too late to be useful
  | 'digest'; // folded into the next digest

export type Decision =
  | { action: 'send'; channel: Channel; reason: ReasonCode }
  | { action: 'hold'; until: string; reason: ReasonCode }
  | { action: 'digest'; reason: ReasonCode }
  | { action: 'drop'; reason: ReasonCode };
