import type { Ctx } from '../context.ts';
import type { ClaimedJob, JobKind } from '../jobs/job-kind.ts';
import { CARRIERS, isCarrier, trackingUrl } from '../orders/carriers.ts';
import { orderToken } from '../orders/order-token.ts';
import { sendMessage } from './send-message.ts';

/** The signed link to an order's page, absolute, for e-mails. */
export function orderPageUrl(ctx: Ctx, number: string): string {
  return `${ctx.config.publicUrl}/order/${encodeURIComponent(number)}?t=${orderToken(ctx.config.sessionSecret, number)}`;
}

/**
 * Job kind 'order-shipped' (enqueued by `shipOrder`): the shipped e-mail with the carrier's tracking link, in the
 * order's language. Keyed on the order, so a rerun, or shipping twice, never sends a second e-mail.
 */
export const orderShippedJob: JobKind = {
  maxAttempts: 8,
  backoffMs: 30_000,
  run: async (ctx: Ctx, job: ClaimedJob) => {
    const { orderId } = job.payload as { orderId: string };
    const order = await ctx.db
      .selectFrom('orders')
      .select([
        'number',
        'email',
        'name',
        'locale',
        'country',
        'postcode',
        'carrier',
        'tracking_code',
        'delivery_date',
        'customer_id',
      ])
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (!order) throw new Error(`order ${orderId} not found`);
    if (!order.carrier || !isCarrier(order.carrier) || !order.tracking_code)
      throw new Error(`order ${order.number} has no carrier and tracking code`);
    await sendMessage(ctx, {
      to: order.email,
      ...(order.customer_id ? { customerId: order.customer_id } : {}),
      urgency: 'now',
      locale: order.locale === 'nl' ? 'nl' : 'en',
      template: 'order-shipped',
      topic: 'transactional',
      idempotencyKey: `order-shipped:${orderId}`,
      data: {
        number: order.number,
        name: order.name,
        carrier: CARRIERS[order.carrier].label,
        trackingCode: order.tracking_code,
        trackingUrl: trackingUrl(order.carrier, order.tracking_code, order),
        deliveryDate: order.delivery_date,
        orderUrl: orderPageUrl(ctx, order.number),
      },
    });
  },
};
