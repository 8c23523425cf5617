import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { normalisePhone, type PhoneResult } from './phone-number.ts';

export type SetPhoneResult =
  | { ok: true; phone: string | null }
  | { ok: false; reason: Extract<PhoneResult, { ok: false }>['reason'] };

/**
 * The customer's mobile number for SMS, kept on the account in E.164 (`customers.phone`); an empty entry removes
 * it. A number is only where text messages may go: whether they do is the customer's channel choice in the
 * preference centre, decided by the gateway.
 */
export async function setPhoneNumber(ctx: Ctx, customerId: string, typed: string): Promise<SetPhoneResult> {
  let phone: string | null = null;
  if (typed.trim() !== '') {
    const number = normalisePhone(typed);
    if (!number.ok) return { ok: false, reason: number.reason };
    phone = number.e164;
  }
  await ctx.db
    .updateTable('customers')
    .set({ phone, updated_at: isoNow(ctx.clock) })
    .where('id', '=', customerId)
    .execute();
  return { ok: true, phone };
}
