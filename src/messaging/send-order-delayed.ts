import type { Ctx } from '../context.ts';
import type { ClaimedJob, JobKind } from '../jobs/job-kind.ts';
import { sendMessage } from './send-message.ts';
import { orderPageUrl } from './send-order-shipped.ts';

type DelayPayload = {
  orderId: string;
  previousDate: string;
  newDate: string;
  message: string | null;
  staffName: string;
};

/**
 * Job kind 'order-delayed' (enqueued by `delayOrder`): the delay notice with the new date and the staff member's
 * message, signed with their name, in the order's language. Keyed on the job (one per order and new date).
 */
export const orderDelayedJob: JobKind = {
  maxAttempts: 8,
  backoffMs: 30_000,
  run: async (ctx: Ctx, job: ClaimedJob) => {
    const payload = job.payload as DelayPayload;
    const order = await ctx.db
      .selectFrom('orders')
      .select(['number', 'email', 'name', 'locale', 'customer_id'])
      .where('id', '=', payload.orderId)
      .executeTakeFirst();
    if (!order) throw new Error(`order ${payload.orderId} not found`);
    await sendMessage(ctx, {
      to: order.email,
      ...(order.customer_id ? { customerId: order.customer_id } : {}),
      urgency: 'now',
      locale: order.locale === 'nl' ? 'nl' : 'en',
      template: 'order-delayed',
      topic: 'transactional',
      idempotencyKey: `job:${job.id}`,
      data: {
        number: order.number,
        name: order.name,
        previousDate: payload.previousDate,
        newDate: payload.newDate,
        message: payload.message,
        staffName: payload.staffName,
        orderUrl: orderPageUrl(ctx, order.number),
      },
    });
  },
};
