import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { confirmationPath, isOrderToken } from '../orders/order-token.ts';
import { staffOf } from '../staff/guard.ts';
import { applyProviderStatus } from './apply-provider-status.ts';
import { markBankTransferPaid } from './mark-bank-transfer-paid.ts';
import { markRefundSent } from './mark-refund-sent.ts';
import { sendToPaymentPage } from './pages/to-payment-page.tsx';
import { MOLLIE_WEBHOOK_PATH, startOnlinePayment } from './start-online-payment.ts';

/**
 * Payments over HTTP: Mollie's webhook, staff marking a bank transfer received, and the customer's
 * "pay (again)" button on the confirmation page.
 */
/**
 * Webhook calls per client address and minute. Mollie calls once or twice per payment; a flood of made-up ids costs
 * only an indexed read each, but need not cost that without end. A call over the limit gets 429, which Mollie
 * retries later (it retries any answer but 2xx, for a day), so no payment status is lost.
 */
export const WEBHOOK_LIMIT_PER_MINUTE = 300;

export function registerPayments(app: FastifyInstance): void {
  // Mollie posts `id=tr_…` and nothing else; no CSRF token (exempt by exact path in web/csrf.ts) and no
  // signature: the body is only a hint, the status is fetched from Mollie itself.
  const webhookLimit = { config: { rateLimit: { max: WEBHOOK_LIMIT_PER_MINUTE, timeWindow: '1 minute' } } };
  app.post(MOLLIE_WEBHOOK_PATH, webhookLimit, async (request, reply) => {
    const id = (request.body as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string' || !/^tr_[A-Za-z0-9]{1,64}$/.test(id)) {
      request.log.warn(
        { id: typeof id === 'string' ? id.slice(0, 80) : null },
        'mollie webhook without a payment id',
      );
      return reply.status(200).send('');
    }
    try {
      const result = await applyProviderStatus(request.ctx, id);
      if (result.outcome === 'unknown') request.log.warn({ id }, 'mollie webhook for an unknown payment');
      else request.log.info({ id, ...result }, 'mollie webhook applied');
      return reply.status(200).send('');
    } catch (err) {
      // not 200: Mollie sends the webhook again later
      request.log.error({ err, id }, 'mollie webhook could not be applied');
      return reply.status(503).send('');
    }
  });

  app.post('/admin/orders/:id/mark-paid', async (request, reply) => {
    const staff = staffOf(request);
    const { id } = request.params as { id: string };
    const order = await request.ctx.db
      .selectFrom('orders')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', id), eb('number', '=', id)]))
      .executeTakeFirst();
    if (!order) throw new AppError('not-found');
    const result = await markBankTransferPaid(request.ctx, { orderId: order.id, staffId: staff.id });
    if (!result.ok) {
      if (result.reason === 'not-found') throw new AppError('not-found');
      if (result.reason === 'try-again') throw new AppError('try-again');
      throw new AppError('invalid-input', { reason: 'this order is not paid by bank transfer' });
    }
    return reply.redirect(`/admin/orders/${encodeURIComponent(id)}`, 303);
  });

  app.post('/admin/orders/:id/mark-refunded', async (request, reply) => {
    const staff = staffOf(request);
    const { id } = request.params as { id: string };
    const order = await request.ctx.db
      .selectFrom('orders')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!order) throw new AppError('not-found');
    const result = await markRefundSent(request.ctx, { orderId: order.id, staff });
    if (!result.ok) {
      if (result.reason === 'try-again') throw new AppError('try-again');
      return reply.redirect(`/admin/orders/${order.id}?done=not-allowed`, 303);
    }
    return reply.redirect(`/admin/orders/${order.id}?done=refunded`, 303);
  });

  app.post('/order/:number/pay', async (request, reply) => {
    const { number } = request.params as { number: string };
    const { t: token } = request.query as { t?: string };
    if (!isOrderToken(app.config.sessionSecret, number, token)) throw new AppError('not-found');
    const back = confirmationPath(app.config.sessionSecret, number);
    const started = await startOnlinePayment(request.ctx, number);
    if (started.ok) return sendToPaymentPage(request, reply, started.paymentUrl);
    if (started.reason === 'not-found') throw new AppError('not-found');
    if (started.reason === 'provider-unavailable') {
      request.log.error({ number, error: started.error }, 'payment provider unavailable');
      return reply.redirect(`${back}&payment=unavailable`, 303);
    }
    return reply.redirect(back, 303);
  });
}
