import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
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
 * Staff's answer to a "we'll find it for you" request: stored with who answered and when, and the request
 * marked answered. This is the one place the answer leaves for the customer: the shop has no outgoing
 * messages yet, so nothing is sent now; once messaging exists, the e-mail to `lookup_requests.email` (in the
 * request's language) is to be put in the outbox here, in the same transaction.
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
      .select('status')
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
    return { ok: true };
  });
}
