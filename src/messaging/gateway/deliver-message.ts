import { sql } from 'kysely';
import { isoNow } from '../../clock.ts';
import type { Locale } from '../../config.ts';
import type { Ctx } from '../../context.ts';
import { suppressAddress } from '../../customers/suppression.ts';
import { dbKind } from '../../db/database.ts';
import type { ClaimedJob, JobKind } from '../../jobs/job-kind.ts';
import { inTransaction } from '../../preferences/preference-store.ts';
import type { Topic } from '../../preferences/preferences.ts';
import { sendPush } from '../channels/send-push.ts';
import { sendSmsOnce } from '../channels/send-sms-once.ts';
import { smsChannel } from '../channels/sms-channel.ts';
import { deliverEmail } from '../deliver-email.ts';
import { withFooter } from '../templates/footer.tsx';
import { renderTemplate, type TemplateName } from '../templates.ts';
import type { Urgency } from './contract.ts';
import { decide } from './decide.ts';
import { loadDecisionInput } from './decision-input.ts';
import { recordDecision } from './record-decision.ts';
import { enqueueDelivery } from './request-message.ts';
import { enqueueDigest } from './send-digest.ts';
import { storedMessageData } from './stored-message-data.ts';
import type { GatewayStatus } from './tables.ts';
import { createUnsubscribeUrl } from './unsubscribe-token.ts';

export type Delivered = {
  status: GatewayStatus;
  /** For e-mail: 'sent' over SMTP or kept in the development 'outbox'. */
  email?: 'sent' | 'outbox' | 'bounced';
};

const FINAL: GatewayStatus[] = ['sent', 'digest', 'digest-sent', 'dropped', 'bounced', 'unknown'];

/**
 * Delivers one requested message: decides it AGAIN now (the preferences, consent, limits and suppression may
 * have changed since it was queued), records that decision, and only on 'send' hands it to the channel. A 'hold'
 * schedules the next delivery attempt at its end. Safe to run again: a finished message is left alone and the
 * e-mail channel sends one e-mail per message, ever. A transient channel failure rejects (the job retries).
 */
export async function deliverMessage(ctx: Ctx, messageId: string, depth = 0): Promise<Delivered> {
  const row = await ctx.db
    .selectFrom('gateway_messages')
    .selectAll()
    .where('id', '=', messageId)
    .executeTakeFirst();
  if (!row) return { status: 'dropped' }; // erased with its account
  if (FINAL.includes(row.status)) {
    if (row.status !== 'sent' || row.channel !== 'email') return { status: row.status };
    const mail = await ctx.db
      .selectFrom('outbox_messages')
      .select('status')
      .where('idempotency_key', '=', `gateway:${row.id}`)
      .executeTakeFirst();
    return { status: 'sent', email: mail?.status === 'outbox' ? 'outbox' : 'sent' };
  }

  const nowMs = ctx.clock.now().epochMilliseconds;
  const at = isoNow(ctx.clock);
  const topic = row.topic as Topic;
  // Decided and, on 'send', claimed ('sending', counted by the frequency limit from now on) in one transaction
  // that holds the customer's row: two workers cannot both send the customer's last allowed message.
  const decision = await inTransaction(ctx, async (tx) => {
    if (row.customer_id && topic !== 'transactional' && dbKind(ctx.config.databaseUrl) === 'postgres')
      await sql`select id from customers where id = ${row.customer_id} for update`.execute(tx.db);
    const d = decide(
      await loadDecisionInput(
        tx,
        {
          customerId: row.customer_id,
          to: row.to_address,
          topic,
          urgency: row.urgency as Urgency,
          deadline: row.deadline,
          onRequest: row.on_request === 1,
          messageId: row.id,
        },
        nowMs,
      ),
    );
    await recordDecision(tx, row, d, 'send-time', at);
    if (d.action === 'digest' && row.customer_id) await enqueueDigest(tx, row.customer_id);
    if (d.action === 'send')
      await tx.db
        .updateTable('gateway_messages')
        .set({ status: 'sending', sent_at: at })
        .where('id', '=', row.id)
        .execute();
    return d;
  });
  if (decision.action === 'hold') {
    await enqueueDelivery(ctx, row.id, row.decisions + 1, decision.until);
    return { status: 'held' };
  }
  if (decision.action !== 'send') return { status: decision.action === 'digest' ? 'digest' : 'dropped' };

  if (decision.channel === 'push' || decision.channel === 'sms') {
    const delivered = await deliverShort(ctx, row, decision.channel);
    // the last subscription turned out to be gone: decide again now (another channel), once
    if (delivered === 'none' && depth === 0) return deliverMessage(ctx, messageId, 1);
    if (delivered === 'none') throw new Error(`message ${row.id}: ${decision.channel} reached no device`);
    const sentAt = isoNow(ctx.clock);
    if (delivered === 'unknown') {
      await recordOutcomeUnknown(ctx, row, sentAt);
      return { status: 'unknown' };
    }
    await ctx.db
      .updateTable('gateway_messages')
      .set({ status: 'sent', channel: decision.channel, sent_at: sentAt, updated_at: sentAt })
      .where('id', '=', row.id)
      .execute();
    return { status: 'sent' };
  }
  if (decision.channel !== 'email')
    throw new Error(`the shop never sends by ${decision.channel} automatically`);

  const locale = row.locale as Locale;
  const publicUrl = ctx.config.publicUrl;
  const email = await deliverEmail(ctx, {
    idempotencyKey: `gateway:${row.id}`,
    to: row.to_address,
    locale,
    template: row.template,
    topic,
    render: async () => {
      const rendered = renderTemplate(
        row.template as TemplateName,
        await storedMessageData(ctx, row),
        locale,
        ctx.config,
      );
      const unsubscribeUrl =
        topic !== 'transactional' && row.customer_id
          ? await createUnsubscribeUrl(ctx, row.customer_id, topic, row.id)
          : null;
      return {
        ...withFooter(rendered, locale, {
          preferencesUrl: `${publicUrl}/account/preferences`,
          whyUrl: `${publicUrl}/account/messages`,
          unsubscribeUrl,
        }),
        unsubscribeUrl,
      };
    },
  });

  const done = isoNow(ctx.clock);
  if (email.status === 'bounced') {
    await recordBounce(
      ctx,
      { id: row.id, customerId: row.customer_id, toAddress: row.to_address },
      topic,
      done,
    );
    return { status: 'bounced', email: 'bounced' };
  }
  await ctx.db
    .updateTable('gateway_messages')
    .set({ status: 'sent', channel: 'email', sent_at: done, updated_at: done })
    .where('id', '=', row.id)
    .execute();
  if (email.status === 'sent') await forgetSecretLink(ctx, row.id, row.template, row.data_json);
  return { status: 'sent', email: email.status };
}

/**
 * A permanent refusal of an e-mail: the address is never mailed again, the message's history says so, and the
 * message is marked bounced. Shared by single messages and digests.
 */
export async function recordBounce(
  ctx: Ctx,
  message: { id: string; customerId: string | null; toAddress: string },
  topic: string,
  done: string,
): Promise<void> {
  await suppressAddress(ctx, message.toAddress, 'hard-bounce');
  await ctx.db
    .insertInto('message_decisions')
    .values({
      id: `${message.id}-bounce`,
      message_id: message.id,
      customer_id: message.customerId,
      topic,
      phase: 'delivery',
      action: 'bounced',
      channel: 'email',
      reason: 'suppressed',
      hold_until: null,
      decided_at: done,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await ctx.db
    .updateTable('gateway_messages')
    .set({ status: 'bounced', reason: 'suppressed', updated_at: done })
    .where('id', '=', message.id)
    .execute();
}

/** Templates whose `url` is a secret (a sign-in link works as a key to the account while it is valid). */
const SECRET_LINK_TEMPLATES: ReadonlySet<string> = new Set(['sign-in-link', 'household-invite']);
export const FORGOTTEN_LINK = '[link removed after sending]';

/**
 * Once a secret link has left over SMTP, the shop keeps no usable copy of it: the stored data and the logged
 * e-mail get a placeholder instead, so neither staff reading /admin/outbox nor anyone reading the database can
 * use it. (In the development outbox, without SMTP, the link stays readable: that is how it is delivered there.)
 */
async function forgetSecretLink(
  ctx: Ctx,
  messageId: string,
  template: string,
  dataJson: string,
): Promise<void> {
  if (!SECRET_LINK_TEMPLATES.has(template)) return;
  const data = JSON.parse(dataJson) as { url?: unknown };
  if (typeof data.url !== 'string' || data.url === FORGOTTEN_LINK) return;
  const url = data.url;
  const escaped = url.replaceAll('&', '&amp;');
  await ctx.db
    .updateTable('gateway_messages')
    .set({ data_json: JSON.stringify({ ...data, url: FORGOTTEN_LINK }) })
    .where('id', '=', messageId)
    .execute();
  const logged = await ctx.db
    .selectFrom('outbox_messages')
    .select(['id', 'text_body', 'html_body'])
    .where('idempotency_key', '=', `gateway:${messageId}`)
    .executeTakeFirst();
  if (!logged) return;
  await ctx.db
    .updateTable('outbox_messages')
    .set({
      text_body: logged.text_body.replaceAll(url, FORGOTTEN_LINK),
      html_body: logged.html_body.replaceAll(escaped, FORGOTTEN_LINK).replaceAll(url, FORGOTTEN_LINK),
    })
    .where('id', '=', logged.id)
    .execute();
}

/**
 * An SMS the provider could not say it has: final, not resent, with a 'delivery' decision saying so (the
 * provider's own words are in `sms_attempts.reason`, shown to staff).
 */
async function recordOutcomeUnknown(
  ctx: Ctx,
  row: { id: string; customer_id: string | null; topic: string },
  at: string,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insertInto('message_decisions')
      .values({
        id: `${row.id}-sms-unknown`,
        message_id: row.id,
        customer_id: row.customer_id,
        topic: row.topic,
        phase: 'delivery',
        action: 'unknown',
        channel: 'sms',
        reason: 'sms-outcome-unknown',
        hold_until: null,
        decided_at: at,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await tx.db
      .updateTable('gateway_messages')
      .set({ status: 'unknown', channel: 'sms', reason: 'sms-outcome-unknown', updated_at: at })
      .where('id', '=', row.id)
      .execute();
  });
}

/**
 * Push and SMS carry the message short: its subject, the first lines of its text and a link to it on
 * /account/messages (SMS: a link to the same page). 'none' when no device took it (push subscription gone);
 * 'unknown' when the SMS provider could not tell whether an earlier attempt reached it (send-sms-once.ts).
 */
async function deliverShort(
  ctx: Ctx,
  row: { id: string; customer_id: string | null; template: string; data_json: string; locale: string },
  channel: 'push' | 'sms',
): Promise<'sent' | 'none' | 'unknown'> {
  if (!row.customer_id) return 'none';
  const rendered = renderTemplate(
    row.template as TemplateName,
    await storedMessageData(ctx, row),
    row.locale as Locale,
    ctx.config,
  );
  const body = rendered.text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(1, 3)
    .join(' ');
  const url = `${ctx.config.publicUrl}/account/messages#m-${row.id}`;
  if (channel === 'push') {
    const { delivered } = await sendPush(ctx, row.customer_id, {
      id: row.id,
      title: rendered.subject,
      body,
      url,
    });
    return delivered > 0 ? 'sent' : 'none';
  }
  const provider = smsChannel(ctx.config);
  const customer = await ctx.db
    .selectFrom('customers')
    .select('phone')
    .where('id', '=', row.customer_id)
    .executeTakeFirst();
  if (!provider || !customer?.phone) return 'none';
  const outcome = await sendSmsOnce(ctx, provider, {
    messageId: row.id,
    to: customer.phone,
    text: `${rendered.subject}\n${url}`,
  });
  return outcome.status === 'accepted' ? 'sent' : 'unknown';
}

/** Job kind 'gateway-deliver' (enqueued by `requestMessage`): one delivery attempt of one message. */
export const gatewayDeliverJob: JobKind = {
  maxAttempts: 8,
  backoffMs: 30_000,
  run: async (ctx: Ctx, job: ClaimedJob) => {
    const { messageId } = job.payload as { messageId: string };
    await deliverMessage(ctx, messageId);
  },
};
