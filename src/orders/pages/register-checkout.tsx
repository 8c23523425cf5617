import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorMessage } from '../../errors.ts';
import { sendToPaymentPage } from '../../payments/pages/to-payment-page.tsx';
import { offeredPaymentMethods } from '../../payments/payment-provider.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { cartIdFrom } from '../cart-cookie.ts';
import { checkout } from '../checkout.ts';
import { fieldTexts } from '../checkout-problems.ts';
import { findOrder } from '../find-order.ts';
import { confirmationPath, isOrderToken } from '../order-token.ts';
import { type CartView, viewCart } from '../view-cart.ts';
import { type CheckoutForm, CheckoutPage } from './checkout-page.tsx';
import { ConfirmationPage } from './confirmation-page.tsx';
import { offeredMethods } from './offered-methods.ts';

const FORM_FIELDS = [
  'email',
  'name',
  'street',
  'houseNumber',
  'addition',
  'postcode',
  'city',
  'country',
  'shippingMethod',
  'paymentMethod',
] as const;

/** The checkout page (`/checkout`, a plain form post that works without JavaScript) and the confirmation page. */
export function registerCheckoutPages(app: FastifyInstance): void {
  app.get('/checkout', async (request, reply) => {
    const cart = await cartOf(request);
    if (!cart) return reply.redirect('/cart', 303);
    return render(request, reply, cart, { country: 'NL' }, {}, undefined, randomUUID(), 200);
  });

  app.post('/checkout', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values: CheckoutForm = {};
    for (const f of FORM_FIELDS)
      if (typeof body[f] === 'string') values[f] = (body[f] as string).slice(0, 300);
    const key = typeof body.idempotency_key === 'string' ? body.idempotency_key : '';
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw new AppError('invalid-input', { reason: 'idempotency_key' });
    const cartId = cartIdFrom(request, app.config);
    if (!cartId) return reply.redirect('/cart', 303);

    const result = await checkout(request.ctx, {
      cartId,
      idempotencyKey: key,
      body: {
        email: values.email,
        address: {
          name: values.name,
          street: values.street,
          houseNumber: values.houseNumber,
          addition: values.addition,
          postcode: values.postcode,
          city: values.city,
          country: values.country,
        },
        shippingMethod: values.shippingMethod,
        paymentMethod: values.paymentMethod,
      },
    });
    if (result.ok) {
      if (result.receipt.paymentUrl) return sendToPaymentPage(request, reply, result.receipt.paymentUrl);
      return reply.redirect(confirmationPath(app.config.sessionSecret, result.receipt.orderNumber), 303);
    }
    if (result.reason === 'unknown-cart' || result.reason === 'empty-cart')
      return reply.redirect('/cart', 303);
    const cart = await cartOf(request);
    if (!cart) return reply.redirect('/cart', 303);
    const t = request.t;
    switch (result.reason) {
      case 'invalid': {
        const errors: Record<string, string> = {};
        for (const [field, text] of Object.entries(fieldTexts(t, result.fields)))
          errors[field.replace('address.', '')] = text;
        return render(request, reply, cart, values, errors, undefined, key, 422);
      }
      case 'shipping-method-not-available':
        return render(
          request,
          reply,
          cart,
          values,
          { shippingMethod: t('checkout.error.shipping-method-not-available') },
          undefined,
          key,
          422,
        );
      case 'out-of-stock': {
        const names = cart.lines.filter((l) => result.skus.includes(l.sku)).map((l) => l.name);
        // a new key: the stored refusal belongs to the old one, the corrected cart is a new attempt
        const alert = t('checkout.error.out-of-stock', { names: names.join(', ') || result.skus.join(', ') });
        return render(request, reply, cart, values, {}, alert, randomUUID(), 409);
      }
      case 'idempotency-mismatch':
        return render(
          request,
          reply,
          cart,
          values,
          {},
          errorMessage(result.reason, request.locale),
          randomUUID(),
          422,
        );
      default: {
        const status = result.reason === 'try-again' ? 503 : 409;
        return render(
          request,
          reply,
          cart,
          values,
          {},
          errorMessage(result.reason, request.locale),
          key,
          status,
        );
      }
    }
  });

  app.get('/order/:number/confirmation', async (request, reply) => {
    const { number } = request.params as { number: string };
    const { t: token, payment } = request.query as { t?: string; payment?: string };
    if (!isOrderToken(app.config.sessionSecret, number, token)) throw new AppError('not-found');
    const order = await findOrder(request.ctx, { number });
    if (!order) throw new AppError('not-found');
    const date = new Intl.DateTimeFormat(request.locale === 'nl' ? 'nl-NL' : 'en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${order.deliveryDate}T12:00:00Z`));
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(
      reply,
      <ConfirmationPage
        ctx={pageCtx(request, app.config)}
        order={order}
        deliveryDate={date}
        payPath={`/order/${encodeURIComponent(order.number)}/pay?t=${token}`}
        paymentUnavailable={payment === 'unavailable'}
      />,
    );
  });
}

async function cartOf(request: FastifyRequest): Promise<CartView | null> {
  const cartId = cartIdFrom(request, request.ctx.config);
  const cart = cartId ? await viewCart(request.ctx, cartId) : null;
  return cart && cart.lines.length > 0 ? cart : null;
}

function render(
  request: FastifyRequest,
  reply: FastifyReply,
  cart: CartView,
  values: CheckoutForm,
  errors: Record<string, string>,
  alert: string | undefined,
  idempotencyKey: string,
  status: number,
) {
  reply.header('cache-control', 'no-store');
  return sendPage(
    reply,
    <CheckoutPage
      ctx={pageCtx(request, request.ctx.config)}
      cart={cart}
      methods={offeredMethods(request, cart)}
      values={values}
      errors={errors}
      alert={alert}
      idempotencyKey={idempotencyKey}
      paymentMethods={offeredPaymentMethods(request.ctx.config)}
    />,
    status,
  );
}
