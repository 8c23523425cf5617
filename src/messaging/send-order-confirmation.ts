import type { Ctx } from '../context.ts';
import type { ClaimedJob, JobKind } from '../jobs/job-kind.ts';
import { findOrder } from '../orders/find-order.ts';
import { orderToken } from '../orders/order-token.ts';
import { automaticOrderOf } from '../replenishment/auto-reorder.ts';
import { sendMessage } from './send-message.ts';

/**
 * Job kind 'order-confirmation' (enqueued by `placeOrder`): the confirmation e-mail in the order's language.
 * Keyed on the job, so a rerun after a crash or a failed delivery never sends a second e-mail.
 */
export const orderConfirmationJob: JobKind = {
  maxAttempts: 8,
  backoffMs: 30_000,
  run: async (ctx: Ctx, job: ClaimedJob) => {
    const { number } = job.payload as { number: string };
    const order = await findOrder(ctx, { number });
    if (!order) throw new Error(`order ${number} not found`);
    const locale = order.locale === 'nl' ? 'nl' : 'en';
    await sendMessage(ctx, {
      to: order.email,
      // the account that placed it; a guest order is the address's account if it has one (else a guest)
      ...(order.customerId ? { customerId: order.customerId } : {}),
      urgency: 'now',
      locale,
      template: 'order-confirmation',
      topic: 'transactional',
      idempotencyKey: `job:${job.id}`,
      data: {
        number: order.number,
        name: order.address.name,
        lines: order.lines,
        shippingCents: order.shippingCents,
        totalCents: order.totalCents,
        ...(order.discountCents > 0 ? { discountCents: order.discountCents } : {}),
        ...(order.giftCardCents > 0 ? { giftCardCents: order.giftCardCents } : {}),
        vatCents: order.vatCents,
        currency: order.currency,
        shippingMethod: order.shippingMethod,
        paymentMethod: order.paymentMethod,
        deliveryDate: order.deliveryDate,
        orderUrl: `${ctx.config.publicUrl}/order/${encodeURIComponent(order.number)}?t=${orderToken(ctx.config.sessionSecret, order.number)}`,
        ...((await automaticOrderOf(ctx, order.number))
          ? { automatic: { remindersUrl: `${ctx.config.publicUrl}/account/reminders` } }
          : {}),
      },
    });
  },
};
