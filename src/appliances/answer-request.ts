import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { normaliseEmail } from '../customers/guard.ts';
import { requestMessage } from '../messaging/gateway/request-message.ts';
import type { LookupRequestTable } from './tables.ts';

type Status = LookupRequestTable['status'];

/** A request's lifecycle: it is answered once; an answer is never silently replaced. */
const TRANSITIONS: Record<Status, readonly Status[]> = { open: ['answered'], answered: [] };

export const MAX_ANSWER_LENGTH = 5000;

export type AnswerResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' | 'already-answered' }
  | { ok: false; fields: { answer: 'required' | 'too-long' } };

/**
 * Staff's answer to a "we'll find it for you" request: stored with who answered and when, the request marked
 * answered, and in the same transaction the answer e-mail asked of the message gateway, to the address the
 * customer left, in the request's language, signed by the staff member. It is a reply the customer asked for,
 * so it is a service message (topic 'transactional'): it reaches a guest too, and waits for an account
 * holder's quiet hours to end.
 */
export async function answerRequest(
  ctx: Ctx,
  input: { requestId: string; staffId: string; answer: string },
): Promise<AnswerResult> {
  const answer = input.answer.trim();
  if (answer === '') return { ok: false, fields: { answer: 'required' } };
  if ([...answer].length > MAX_ANSWER_LENGTH) return { ok: false, fields: { answer: 'too-long' } };
  return ctx.db.transaction().execute(async (trx): Promise<AnswerResult> => {
    const request = await trx
      .selectFrom('lookup_requests')
      .select(['status', 'email', 'locale', 'query', 'appliance_id'])
      .where('id', '=', input.requestId)
      .executeTakeFirst();
    if (!request) return { ok: false, reason: 'not-found' };
    if (!TRANSITIONS[request.status].includes('answered')) return { ok: false, reason: 'already-answered' };
    await trx
      .updateTable('lookup_requests')
      .set({
        status: 'answered',
        answer,
        answered_by: input.staffId,
        answered_at: isoNow(ctx.clock),
      })
      .where('id', '=', input.requestId)
      .where('status', '=', 'open')
      .execute();
    const staff = await trx
      .selectFrom('staff')
      .select('name')
      .where('id', '=', input.staffId)
      .executeTakeFirst();
    const customer = await trx
      .selectFrom('customers')
      .select('id')
      .where('email', '=', normaliseEmail(request.email))
      .executeTakeFirst();
    await requestMessage(
      { ...ctx, db: trx },
      {
        customerId: customer?.id ?? null,
        to: request.email,
        locale: request.locale === 'en' ? 'en' : 'nl',
        topic: 'transactional',
        urgency: 'normal',
        template: 'lookup-answer',
        idempotencyKey: `lookup-answer:${input.requestId}`,
        data: {
          query: request.query,
          answer,
          staffName: staff?.name ?? ctx.config.shopName,
          applianceUrl: request.appliance_id
            ? `${ctx.config.publicUrl}/a/${encodeURIComponent(request.appliance_id)}`
            : null,
        },
      },
    );
    return { ok: true };
  });
}
