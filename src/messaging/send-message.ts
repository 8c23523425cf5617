import type { Locale } from '../config.ts';
import type { Ctx } from '../context.ts';
import { normaliseEmail } from '../customers/guard.ts';
import type { Topic } from '../preferences/preferences.ts';
import type { Urgency } from './gateway/contract.ts';
import { deliverMessage } from './gateway/deliver-message.ts';
import { requestMessage } from './gateway/request-message.ts';
import type { TemplateData, TemplateName } from './templates.ts';

export type MessageTopic = Topic;

/** Templates the recipient asks for themselves, at that moment: they go by e-mail at once (see GatewayRequest.onRequest). */
const ON_REQUEST: ReadonlySet<string> = new Set(['sign-in-link']);

export type MessageRequest<T extends TemplateName> = {
  to: string;
  locale: Locale;
  template: T;
  data: TemplateData[T];
  /** One message per key, ever: a repeat with the same key sends nothing (key it on the job or the event). */
  idempotencyKey: string;
  topic: MessageTopic;
  /** The account, when the caller knows it; else the account with the address `to`, if any (else a guest). */
  customerId?: string | null;
  /** Default 'now' (an order update goes through quiet hours; see docs/messaging.md). */
  urgency?: Urgency;
  /** ISO instant after which the message is pointless. */
  deadline?: string | null;
  /** Default: true for the templates a person asks for themselves (a sign-in link). */
  onRequest?: boolean;
};

export type SendResult = {
  /** The gateway's message id. */
  id: string;
  /**
   * 'sent' over SMTP (or by another channel); 'outbox': kept in the development outbox because no SMTP is
   * configured; 'held': the gateway holds it (quiet hours, the frequency limit) and a job delivers it later;
   * 'digest' / 'dropped': the gateway decided not to send it (see its reason on /account/messages);
   * 'bounced': the address was refused for good and is now suppressed; 'unknown': an SMS the provider could not
   * say it had, not sent again (staff see why).
   */
  status: 'sent' | 'outbox' | 'held' | 'digest' | 'dropped' | 'bounced' | 'unknown';
  /** True when an earlier request with this key already did the work. */
  duplicate: boolean;
};

/**
 * The way a job sends a message at once: through the message gateway (src/messaging/gateway), which decides it
 * from the customer's preferences, consent, quiet hours, limits and suppression, records that decision, and
 * decides again right before delivering. A 'send' is delivered here, inside the caller's job, so that a failed
 * delivery rejects and the caller's job retries (the same key finds the same message; one e-mail ever).
 * Code that need not wait should call `requestMessage` instead (delivered by a job of its own).
 */
export async function sendMessage<T extends TemplateName>(
  ctx: Ctx,
  request: MessageRequest<T>,
): Promise<SendResult> {
  const customerId =
    request.customerId !== undefined ? request.customerId : await customerWithAddress(ctx, request.to);
  const requested = await requestMessage(
    ctx,
    {
      customerId,
      to: request.to,
      topic: request.topic,
      template: request.template,
      data: request.data,
      locale: request.locale,
      urgency: request.urgency ?? 'now',
      idempotencyKey: request.idempotencyKey,
      deadline: request.deadline ?? null,
      onRequest: request.onRequest ?? ON_REQUEST.has(request.template),
    },
    { inline: true },
  );
  const { id, decision, duplicate } = requested;
  if (decision.action === 'hold') return { id, status: 'held', duplicate };
  if (decision.action === 'digest') return { id, status: 'digest', duplicate };
  if (decision.action === 'drop') return { id, status: 'dropped', duplicate };
  const delivered = await deliverMessage(ctx, id);
  switch (delivered.status) {
    case 'sent':
    case 'digest-sent':
      return { id, status: delivered.email === 'outbox' ? 'outbox' : 'sent', duplicate };
    case 'queued':
    case 'sending':
      return { id, status: 'held', duplicate };
    default:
      return { id, status: delivered.status, duplicate };
  }
}

async function customerWithAddress(ctx: Ctx, to: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('customers')
    .select('id')
    .where('email', '=', normaliseEmail(to))
    .executeTakeFirst();
  return row?.id ?? null;
}
