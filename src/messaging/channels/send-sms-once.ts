import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { normalisePhone } from './phone-number.ts';
import { SmsError, type SmsProvider } from './sms-provider.ts';

export type SmsOutcome =
  | { status: 'accepted'; providerMessageId: string }
  /** The provider could not tell whether it has the SMS: not sent again; `reason` says why (for staff). */
  | { status: 'unknown'; reason: string };

/**
 * Sends one message's SMS AT MOST ONCE, even when a process dies between the provider's acceptance and our
 * record of it. The attempt is recorded (committed) before the provider is called, with our message id as the
 * provider's `reference`. A later call for the same message finds that attempt: 'accepted' is answered as it is;
 * an attempt whose outcome we never learnt ('sending') makes us ask the provider for that reference first —
 * found: recorded as accepted, nothing sent; the provider's list shows none: sent (again) now; the provider
 * cannot tell: recorded 'unknown' with the reason and NOT sent (a second SMS is worse than a missing one; staff
 * see it on the customer's message page). A transient failure of the send itself rejects (the job retries and
 * then asks first); a permanent refusal rejects with the provider's reason. Call it outside a transaction: the
 * attempt must be committed before the provider is called (the delivery jobs run without one).
 */
export async function sendSmsOnce(
  ctx: Ctx,
  provider: SmsProvider,
  sms: { messageId: string; to: string; text: string },
): Promise<SmsOutcome> {
  const number = normalisePhone(sms.to);
  if (!number.ok) throw new SmsError(`not a phone number SMS can go to (${number.reason})`, null, true);
  const at = isoNow(ctx.clock);
  await ctx.db
    .insertInto('sms_attempts')
    .values({
      message_id: sms.messageId,
      to_number: number.e164,
      status: 'sending',
      provider_message_id: null,
      tries: 0,
      reason: null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute();
  const attempt = await ctx.db
    .selectFrom('sms_attempts')
    .selectAll()
    .where('message_id', '=', sms.messageId)
    .executeTakeFirstOrThrow();
  if (attempt.status === 'accepted')
    return { status: 'accepted', providerMessageId: attempt.provider_message_id ?? '' };
  if (attempt.status === 'unknown') return { status: 'unknown', reason: attempt.reason ?? '' };

  if (attempt.tries > 0) {
    // an earlier call reached (or may have reached) the provider and we never learnt the answer: ask first
    let found: Awaited<ReturnType<SmsProvider['findByReference']>>;
    try {
      found = await provider.findByReference({
        reference: sms.messageId,
        to: attempt.to_number,
        since: attempt.created_at,
      });
    } catch (err) {
      const reason = `the provider could not say whether it has the SMS: ${(err as Error).message}`;
      await settle(ctx, sms.messageId, { status: 'unknown', reason });
      return { status: 'unknown', reason };
    }
    if (found.found) {
      await settle(ctx, sms.messageId, { status: 'accepted', provider_message_id: found.providerMessageId });
      return { status: 'accepted', providerMessageId: found.providerMessageId };
    }
  }

  await ctx.db
    .updateTable('sms_attempts')
    .set((eb) => ({ tries: eb('tries', '+', 1), updated_at: isoNow(ctx.clock) }))
    .where('message_id', '=', sms.messageId)
    .execute();
  const { providerMessageId } = await provider.send({
    id: sms.messageId,
    to: attempt.to_number,
    text: sms.text,
  });
  await settle(ctx, sms.messageId, { status: 'accepted', provider_message_id: providerMessageId });
  return { status: 'accepted', providerMessageId };
}

async function settle(
  ctx: Ctx,
  messageId: string,
  change: { status: 'accepted' | 'unknown'; provider_message_id?: string; reason?: string },
): Promise<void> {
  await ctx.db
    .updateTable('sms_attempts')
    .set({ ...change, updated_at: isoNow(ctx.clock) })
    .where('message_id', '=', messageId)
    .execute();
}
