import type { Ctx } from '../../context.ts';
import { normaliseEmail } from '../guard.ts';
import { sendCustomerLink } from './customer-link.ts';
import { allowAttempt } from './rate-limit.ts';
import { LINKS_PER_ADDRESS, LINKS_PER_IP } from './request-sign-in-link.ts';

export type KeepOfferResult =
  | { ok: true; email: string }
  | { ok: false; reason: 'not-found' | 'already-kept' | 'too-many-requests' | 'not-sent' };

/**
 * "Keep my appliance for next time" after a guest order: mails a 'keep-appliance' link to the order's own
 * address (never one typed now). Following it verifies the address, creates or signs into the account, joins
 * the earlier guest orders and saves the order's appliances. The caller has checked the order's signed link.
 */
export async function offerKeepAppliance(
  ctx: Ctx,
  input: { orderNumber: string; ip: string },
): Promise<KeepOfferResult> {
  const order = await ctx.db
    .selectFrom('orders')
    .select(['id', 'number', 'email', 'locale', 'customer_id'])
    .where('number', '=', input.orderNumber)
    .executeTakeFirst();
  if (!order) return { ok: false, reason: 'not-found' };
  if (order.customer_id) return { ok: false, reason: 'already-kept' };
  const email = normaliseEmail(order.email);
  const allowed = await allowAttempt(ctx, [
    { kind: 'sign-in-link:address', key: email, max: LINKS_PER_ADDRESS, windowMinutes: 15 },
    { kind: 'sign-in-link:ip', key: input.ip, max: LINKS_PER_IP, windowMinutes: 60 },
  ]);
  if (!allowed) return { ok: false, reason: 'too-many-requests' };
  const sent = await sendCustomerLink(ctx, {
    purpose: 'keep-appliance',
    email,
    data: {
      locale: ctx.locale,
      next: '/account',
      orderId: order.id,
      orderNumber: order.number,
    },
  });
  return sent ? { ok: true, email } : { ok: false, reason: 'not-sent' };
}
