import { isoNow } from '../clock.ts';
import type { Locale } from '../config.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import { mailChannel } from './mail-channel.ts';
import { renderTemplate, type TemplateData, type TemplateName } from './templates.ts';

/** Only transactional messages exist so far; the gateway adds the others together with consent. */
export type MessageTopic = 'transactional';

export type MessageRequest<T extends TemplateName> = {
  to: string;
  locale: Locale;
  template: T;
  data: TemplateData[T];
  /** One message per key, ever: a repeat with the same key sends nothing (key it on the job or the event). */
  idempotencyKey: string;
  topic: MessageTopic;
};

export type SendResult = {
  id: string;
  /** 'sent' over SMTP, or 'outbox': kept in the development outbox because no SMTP is configured. */
  status: 'sent' | 'outbox';
  /** True when an earlier request with this key already did the work. */
  duplicate: boolean;
};

/** A delivery that began this long ago without finishing is taken to have died with its process. */
const STALE_SENDING_MS = 10 * 60_000;

/**
 * THE one way a message leaves the shop: every message goes through here, so that the message gateway can put
 * its decision (the customer's preferences, quiet hours, caps, suppression) in this one place, made at send
 * time. Today it renders the template, records the message in `outbox_messages` under its idempotency key and
 * delivers it: over SMTP when SMTP_URL is set, else it stays in the development outbox (/admin/outbox).
 *
 * Callers can rely on: the same key never produces a second message; a failed delivery rejects (so the
 * job that called this retries) and is tried again by the next call with the same key. Only if the process
 * dies between the SMTP server's acceptance and the status update can a message go out twice (after
 * ten minutes), with the same Message-ID.
 */
export async function sendMessage<T extends TemplateName>(
  ctx: Ctx,
  request: MessageRequest<T>,
): Promise<SendResult> {
  const rendered = renderTemplate(request.template, request.data, request.locale, ctx.config);
  const at = isoNow(ctx.clock);
  const inserted = await ctx.db
    .insertInto('outbox_messages')
    .values({
      id: newId(ctx.clock.now().epochMilliseconds),
      idempotency_key: request.idempotencyKey,
      to_address: request.to,
      locale: request.locale,
      template: request.template,
      topic: request.topic,
      subject: rendered.subject,
      text_body: rendered.text,
      html_body: rendered.html,
      status: 'queued',
      error: null,
      provider_message_id: null,
      created_at: at,
      updated_at: at,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  const duplicate = Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0;
  const message = await ctx.db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('idempotency_key', '=', request.idempotencyKey)
    .executeTakeFirstOrThrow();
  if (message.status === 'sent' || message.status === 'outbox')
    return { id: message.id, status: message.status, duplicate };

  const channel = mailChannel(ctx.config);
  if (!channel) {
    await ctx.db
      .updateTable('outbox_messages')
      .set({ status: 'outbox', updated_at: at })
      .where('id', '=', message.id)
      .execute();
    return { id: message.id, status: 'outbox', duplicate };
  }

  // take the delivery over: only one caller at a time sends a given message
  const stale = new Date(ctx.clock.now().epochMilliseconds - STALE_SENDING_MS).toISOString();
  const claimed = await ctx.db
    .updateTable('outbox_messages')
    .set({ status: 'sending', updated_at: at })
    .where('id', '=', message.id)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['queued', 'failed']),
        eb.and([eb('status', '=', 'sending'), eb('updated_at', '<=', stale)]),
      ]),
    )
    .executeTakeFirst();
  if (claimed.numUpdatedRows !== 1n) throw new Error(`message ${message.id} is being sent by another worker`);

  try {
    const { providerMessageId } = await channel.send({
      id: message.id,
      to: message.to_address,
      subject: message.subject,
      text: message.text_body,
      html: message.html_body,
    });
    const sentAt = isoNow(ctx.clock);
    await ctx.db
      .updateTable('outbox_messages')
      .set({
        status: 'sent',
        sent_at: sentAt,
        updated_at: sentAt,
        error: null,
        provider_message_id: providerMessageId,
      })
      .where('id', '=', message.id)
      .execute();
    return { id: message.id, status: 'sent', duplicate };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await ctx.db
      .updateTable('outbox_messages')
      .set({ status: 'failed', error, updated_at: isoNow(ctx.clock) })
      .where('id', '=', message.id)
      .execute();
    throw err;
  }
}
