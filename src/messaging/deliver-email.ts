import { isoNow } from '../clock.ts';
import type { Locale } from '../config.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import { HardBounce, mailChannel } from './mail-channel.ts';
import type { RenderedMessage } from './rendered-message.ts';

/** A delivery that began this long ago without finishing is taken to have died with its process. */
const STALE_SENDING_MS = 10 * 60_000;

export type EmailToDeliver = {
  /** One e-mail per key, ever. */
  idempotencyKey: string;
  to: string;
  locale: Locale;
  template: string;
  topic: string;
  /**
   * Renders the message (with its footer and, for a non-transactional one, its one-click unsubscribe URL). Called
   * only when no e-mail exists yet under the key: a retry sends what was stored the first time.
   */
  render(): Promise<RenderedMessage & { unsubscribeUrl: string | null }>;
};

export type EmailResult = { id: string; status: 'sent' | 'outbox' | 'bounced'; duplicate: boolean };

/**
 * The e-mail channel's delivery, with its log (`outbox_messages`): records the rendered e-mail under its key and
 * delivers it over SMTP, or keeps it in the development outbox when no SMTP is configured (/admin/outbox).
 * The same key never produces a second e-mail; a failed delivery rejects (the calling job retries) and is tried
 * again by the next call with the same key; a hard bounce resolves as 'bounced' (retrying cannot help). Only if
 * the process dies between the SMTP server's acceptance and the status update can an e-mail go out twice
 * (after ten minutes), with the same Message-ID.
 */
export async function deliverEmail(ctx: Ctx, mail: EmailToDeliver): Promise<EmailResult> {
  const at = isoNow(ctx.clock);
  let message = await ctx.db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('idempotency_key', '=', mail.idempotencyKey)
    .executeTakeFirst();
  let duplicate = true;
  if (!message) {
    const rendered = await mail.render();
    const inserted = await ctx.db
      .insertInto('outbox_messages')
      .values({
        id: newId(ctx.clock.now().epochMilliseconds),
        idempotency_key: mail.idempotencyKey,
        to_address: mail.to,
        locale: mail.locale,
        template: mail.template,
        topic: mail.topic,
        subject: rendered.subject,
        text_body: rendered.text,
        html_body: rendered.html,
        list_unsubscribe: rendered.unsubscribeUrl,
        status: 'queued',
        error: null,
        provider_message_id: null,
        created_at: at,
        updated_at: at,
        sent_at: null,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .executeTakeFirst();
    duplicate = Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0;
    message = await ctx.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('idempotency_key', '=', mail.idempotencyKey)
      .executeTakeFirstOrThrow();
  }
  if (message.status === 'sent' || message.status === 'outbox' || message.status === 'bounced')
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
      unsubscribeUrl: message.list_unsubscribe,
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
    const bounced = err instanceof HardBounce;
    await ctx.db
      .updateTable('outbox_messages')
      .set({ status: bounced ? 'bounced' : 'failed', error, updated_at: isoNow(ctx.clock) })
      .where('id', '=', message.id)
      .execute();
    if (bounced) return { id: message.id, status: 'bounced', duplicate };
    throw err;
  }
}
