import type { Ctx } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import type { Decision } from './contract.ts';
import type { GatewayStatus, MessageDecisionTable } from './tables.ts';

/** The message's status after a decision. */
export function statusAfter(decision: Decision): GatewayStatus {
  switch (decision.action) {
    case 'send':
      return 'queued';
    case 'hold':
      return 'held';
    case 'digest':
      return 'digest';
    case 'drop':
      return 'dropped';
  }
}

/** Appends one decision to `message_decisions` and puts its outcome on the message. */
export async function recordDecision(
  ctx: Ctx,
  message: { id: string; customer_id: string | null; topic: string },
  decision: Decision,
  phase: MessageDecisionTable['phase'],
  at: string,
): Promise<void> {
  const channel = decision.action === 'send' ? decision.channel : null;
  const holdUntil = decision.action === 'hold' ? decision.until : null;
  await ctx.db
    .insertInto('message_decisions')
    .values({
      id: newId(Date.parse(at)),
      message_id: message.id,
      customer_id: message.customer_id,
      topic: message.topic,
      phase,
      action: decision.action,
      channel,
      reason: decision.reason,
      hold_until: holdUntil,
      decided_at: at,
    })
    .execute();
  await ctx.db
    .updateTable('gateway_messages')
    .set((eb) => ({
      status: statusAfter(decision),
      reason: decision.reason,
      channel,
      hold_until: holdUntil,
      // a claim for sending that this decision takes back no longer counts as sent
      sent_at: null,
      decisions: eb('decisions', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', message.id)
    .execute();
}
