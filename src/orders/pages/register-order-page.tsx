import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { orderAppliances } from '../../customers/appliances/order-appliances.ts';
import { AppError } from '../../errors.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { cancelOrder, isCancellable } from '../cancel-order.ts';
import { isOrderToken, orderToken } from '../order-token.ts';
import { withdrawalWindow, withdrawOrder } from '../withdraw-order.ts';
import { OrderPage } from './order-page.tsx';
import { CancelOrderPage } from './order-page-cancel.tsx';
import { type OrderPageView, orderPageView, sameEmail } from './order-page-view.ts';
import {
  WithdrawalConfirmPage,
  WithdrawalDonePage,
  WithdrawalRefusedPage,
  WithdrawalStartPage,
} from './withdrawal-pages.tsx';

/** Guests may try order number + e-mail this often per minute and address; enough for typos, too few to guess. */
const GUESS_LIMIT = { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } };

const NOTICES = { cancelled: 'orderPage.cancelled', 'not-cancellable': 'orderPage.notCancellable' } as const;

/**
 * The order page behind the signed link (`/order/:number?t=…`), cancelling before shipping, and the
 * EU withdrawal button, from the order page and for guests at `/withdraw`. A wrong or missing token
 * answers 404, as does an unknown number: the pages never tell whether an order number exists.
 */
export function registerOrderPages(app: FastifyInstance): void {
  const secret = app.config.sessionSecret;
  const orderUrl = (number: string) => `/order/${encodeURIComponent(number)}?t=${orderToken(secret, number)}`;

  app.get('/order/:number', async (request, reply) => {
    const { order, token } = await signedOrder(request);
    const { done } = request.query as { done?: string };
    const notice =
      done && Object.hasOwn(NOTICES, done) ? request.t(NOTICES[done as keyof typeof NOTICES]) : undefined;
    return send(
      reply,
      <OrderPage
        ctx={pageCtx(request, app.config)}
        order={order}
        token={token}
        cancellable={isCancellable(order.status)}
        withdrawal={windowOf(request, order)}
        notice={notice}
        appliances={
          request.customer ? await orderAppliances(request.ctx, request.customer.id, order) : undefined
        }
      />,
    );
  });

  app.get('/order/:number/cancel', async (request, reply) => {
    const { order, token } = await signedOrder(request);
    if (!isCancellable(order.status))
      return reply.redirect(`${orderUrl(order.number)}&done=not-cancellable`, 303);
    return send(
      reply,
      <CancelOrderPage ctx={pageCtx(request, app.config)} number={order.number} token={token} />,
    );
  });

  app.post('/order/:number/cancel', async (request, reply) => {
    const { order } = await signedOrder(request);
    const result = await cancelOrder(request.ctx, order.id, 'customer');
    if (!result.ok && result.reason === 'try-again') throw new AppError('try-again');
    const done = result.ok ? 'cancelled' : 'not-cancellable';
    return reply.redirect(`${orderUrl(order.number)}&done=${done}`, 303);
  });

  app.get('/order/:number/withdraw', async (request, reply) => {
    const { order, token } = await signedOrder(request);
    const window = windowOf(request, order);
    const ctx = pageCtx(request, app.config);
    if (!window.open)
      return send(
        reply,
        <WithdrawalRefusedPage
          ctx={ctx}
          number={order.number}
          refusal={window}
          orderLink={orderUrl(order.number)}
        />,
      );
    return send(
      reply,
      <WithdrawalConfirmPage
        ctx={ctx}
        number={order.number}
        email={order.email}
        lines={order.lines}
        proof={{ t: token }}
      />,
    );
  });

  app.get('/withdraw', async (request, reply) =>
    send(
      reply,
      <WithdrawalStartPage
        ctx={pageCtx(request, app.config)}
        values={{ number: '', email: '' }}
        unknown={false}
      />,
    ),
  );

  app.post('/withdraw', GUESS_LIMIT, async (request, reply) => {
    const number = field(request, 'number').toUpperCase();
    const email = field(request, 'email');
    const ctx = pageCtx(request, app.config);
    const order = await guestOrder(request, number, email);
    if (!order) return send(reply, <WithdrawalStartPage ctx={ctx} values={{ number, email }} unknown />, 422);
    const window = windowOf(request, order);
    if (!window.open)
      return send(reply, <WithdrawalRefusedPage ctx={ctx} number={order.number} refusal={window} />);
    return send(
      reply,
      <WithdrawalConfirmPage
        ctx={ctx}
        number={order.number}
        email={order.email}
        lines={order.lines}
        proof={{ email }}
      />,
    );
  });

  app.post('/withdraw/confirm', GUESS_LIMIT, async (request, reply) => {
    const number = field(request, 't') ? field(request, 'number') : field(request, 'number').toUpperCase();
    const ctx = pageCtx(request, app.config);
    const viaLink = isOrderToken(secret, number, field(request, 't'));
    const order = viaLink
      ? await orderPageView(request.ctx, number)
      : await guestOrder(request, number, field(request, 'email'));
    if (!order) {
      if (viaLink) throw new AppError('not-found');
      return send(
        reply,
        <WithdrawalStartPage ctx={ctx} values={{ number, email: field(request, 'email') }} unknown />,
        422,
      );
    }
    const orderLink = viaLink ? orderUrl(order.number) : undefined;
    const result = await withdrawOrder(request.ctx, order.id, 'customer');
    if (result.ok)
      return send(
        reply,
        <WithdrawalDonePage ctx={ctx} withdrawal={result.withdrawal} orderLink={orderLink} />,
      );
    if (result.reason === 'try-again') throw new AppError('try-again');
    if (result.reason === 'not-found') throw new AppError('not-found');
    return send(
      reply,
      <WithdrawalRefusedPage ctx={ctx} number={order.number} refusal={result} orderLink={orderLink} />,
      409,
    );
  });
}

/** The order named in the path, if the request carries its signed token (`t` in the query or the form); else 404. */
async function signedOrder(request: FastifyRequest): Promise<{ order: OrderPageView; token: string }> {
  const { number } = request.params as { number: string };
  const token = (request.query as { t?: unknown }).t ?? (request.body as { t?: unknown } | undefined)?.t;
  if (!isOrderToken(request.ctx.config.sessionSecret, number, token)) throw new AppError('not-found');
  const order = await orderPageView(request.ctx, number);
  if (!order) throw new AppError('not-found');
  return { order, token: token as string };
}

/** The order with this number and e-mail address; null for an unknown number and a wrong address alike. */
async function guestOrder(
  request: FastifyRequest,
  number: string,
  email: string,
): Promise<OrderPageView | null> {
  if (!number || !email || number.length > 40) return null;
  const order = await orderPageView(request.ctx, number);
  return order && sameEmail(order.email, email) ? order : null;
}

function windowOf(request: FastifyRequest, order: OrderPageView) {
  return withdrawalWindow(order, order.events, request.ctx.clock.now(), request.ctx.config.shopTimezone);
}

function field(request: FastifyRequest, name: string): string {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim().slice(0, 300) : '';
}

/** Personal pages: never stored by a cache, never leaking the signed link in a Referer. */
function send(reply: FastifyReply, page: Parameters<typeof sendPage>[1], status = 200) {
  reply.header('cache-control', 'no-store');
  reply.header('referrer-policy', 'no-referrer');
  return sendPage(reply, page, status);
}
