import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorMessage } from '../../errors.ts';
import { sendToPaymentPage } from '../../payments/pages/to-payment-page.tsx';
import { offeredPaymentMethods } from '../../payments/payment-provider.ts';
import { tooManyCodeGuesses } from '../../vouchers/code-guesses.ts';
import { previewForCart } from '../../vouchers/preview-for-cart.ts';
import { refusalText } from '../../vouchers/refusal-text.ts';
import { formatDay } from '../../web/i18n/format.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { cartIdFrom } from '../cart-cookie.ts';
import { checkout } from '../checkout.ts';
import { type SavedAddress, savedAddresses } from '../checkout-address.ts';
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
  'codes',
] as const;

/** The checkout page (`/checkout`, a plain form post that works without JavaScript) and the confirmation page. */
export function registerCheckoutPages(app: FastifyInstance): void {
  app.get('/checkout', async (request, reply) => {
    const cart = await cartOf(request);
    if (!cart) return reply.redirect('/cart', 303);
    if (!request.customer)
      return render(request, reply, cart, { country: 'NL' }, {}, undefined, randomUUID(), 200);
    const query = request.query as { address?: unknown; short?: unknown };
    const { values, signedIn } = await prefilled(
      request,
      typeof query.address === 'string' ? query.address : null,
    );
    const notice = typeof query.short === 'string' ? await shortNotice(request, query.short) : undefined;
    return render(request, reply, cart, values, {}, undefined, randomUUID(), 200, { signedIn, notice });
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
    if (body.apply) {
      // "apply code": show what the code does to the total before the customer confirms; nothing is ordered
      const cart = await cartOf(request);
      if (!cart) return reply.redirect('/cart', 303);
      if (body.from === 'cart' && request.customer) {
        // the code comes from the cart page: fill in the rest as a plain GET of /checkout would
        const start = await prefilled(request, null);
        return render(
          request,
          reply,
          cart,
          { ...start.values, codes: values.codes },
          {},
          undefined,
          key,
          200,
          { applied: true, signedIn: start.signedIn },
        );
      }
      return render(request, reply, cart, values, {}, undefined, key, 200, { applied: true });
    }

    // a client that typed too many unknown codes gets its codes refused unread; the page it gets back previews the
    // codes and so counts an unknown one (vouchers/code-guesses.ts), once per attempt
    const tooMany = await tooManyCodeGuesses(request.ctx, request.ip, values.codes ?? '');
    if (tooMany) {
      const cart = await cartOf(request);
      if (!cart) return reply.redirect('/cart', 303);
      const codes = refusalText(request.t, request.locale, request.ctx.config.currency, tooMany);
      return render(request, reply, cart, values, { codes }, undefined, key, 429);
    }
    const result = await checkout(request.ctx, {
      cartId,
      idempotencyKey: key,
      customerId: request.customer?.id ?? null,
      shipping: app.shipping.current,
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
        codes: values.codes,
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
      case 'code-refused':
        // nothing was ordered and nothing stored under the key: the customer may change the code and confirm again
        return render(
          request,
          reply,
          cart,
          values,
          { codes: refusalText(t, request.locale, request.ctx.config.currency, result.refusal) },
          undefined,
          key,
          422,
        );
      case 'shipping-method-not-available':
      case 'shipping-method-off':
      case 'no-shipping-method':
        return render(
          request,
          reply,
          cart,
          values,
          { shippingMethod: t(`checkout.error.${result.reason}`) },
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
    const date = formatDay(order.deliveryDate, request.locale);
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

/** A signed-in customer's saved addresses, with the chosen one (else the most recently used) marked. */
async function signedInView(
  request: FastifyRequest,
  chosenId: string | null,
): Promise<{ email: string; addresses: SavedAddress[]; chosenId: string | null } | undefined> {
  if (!request.customer) return undefined;
  const addresses = await savedAddresses(request.ctx, request.customer.id);
  const chosen = addresses.find((a) => a.id === chosenId) ?? addresses[0];
  return { email: request.customer.email, addresses, chosenId: chosen?.id ?? null };
}

/** A signed-in customer's e-mail address and the chosen (else the most recently used) saved address, filled in. */
async function prefilled(
  request: FastifyRequest,
  addressId: string | null,
): Promise<{ values: CheckoutForm; signedIn: Awaited<ReturnType<typeof signedInView>> }> {
  const signedIn = await signedInView(request, addressId);
  const chosen = signedIn?.addresses.find((a) => a.id === signedIn.chosenId);
  const values: CheckoutForm = {
    email: request.customer?.email ?? '',
    country: 'NL',
    ...(chosen
      ? {
          name: chosen.name,
          street: chosen.street,
          houseNumber: chosen.houseNumber,
          addition: chosen.addition,
          postcode: chosen.postcode,
          city: chosen.city,
          country: chosen.country,
        }
      : {}),
  };
  return { values, signedIn };
}

/** What a one-tap reorder could not put in the cart (`?short=SKU,SKU`), by product name. */
async function shortNotice(request: FastifyRequest, short: string): Promise<string | undefined> {
  const skus = short
    .split(',')
    .slice(0, 20)
    .filter((s) => s !== '');
  if (skus.length === 0) return undefined;
  const rows = await request.ctx.db
    .selectFrom('products')
    .select(['sku', 'name_nl', 'name_en'])
    .where('sku', 'in', skus)
    .orderBy('sku')
    .execute();
  if (rows.length === 0) return undefined;
  const names = rows.map((r) => (request.locale === 'nl' ? r.name_nl : r.name_en));
  return request.t('checkout.reorder.short', { names: names.join(', ') });
}

async function render(
  request: FastifyRequest,
  reply: FastifyReply,
  cart: CartView,
  values: CheckoutForm,
  errors: Record<string, string>,
  alert: string | undefined,
  idempotencyKey: string,
  status: number,
  extra: {
    signedIn?: { email: string; addresses: SavedAddress[]; chosenId: string | null } | undefined;
    notice?: string | undefined;
    /** The customer pressed "apply code": say so, or why the code is refused. */
    applied?: boolean;
  } = {},
) {
  reply.header('cache-control', 'no-store');
  // every cost before the button: what the typed codes take off, or why they are refused
  const methods = offeredMethods(request, cart);
  const chosenMethod =
    methods.find((m) => m.method === values.shippingMethod && m.available) ??
    methods.find((m) => m.available);
  const preview = await previewForCart(
    request.ctx,
    cart,
    chosenMethod?.priceCents ?? 0,
    values.codes ?? '',
    values.email ?? '',
    request.ip,
  );
  if (preview && !preview.ok && !errors.codes)
    errors = {
      ...errors,
      codes: preview.refusal
        ? refusalText(request.t, request.locale, request.ctx.config.currency, preview.refusal)
        : request.t('checkout.error.code'),
    };
  const notice = extra.notice ?? (extra.applied && preview?.ok ? request.t('voucher.applied') : undefined);
  // after a refused attempt a signed-in customer still sees their saved addresses; the form keeps what was typed
  const signedIn = extra.signedIn ?? (request.customer ? await signedInView(request, null) : undefined);
  return sendPage(
    reply,
    <CheckoutPage
      ctx={pageCtx(request, request.ctx.config)}
      cart={cart}
      methods={methods}
      values={values}
      errors={errors}
      alert={alert}
      idempotencyKey={idempotencyKey}
      paymentMethods={offeredPaymentMethods(request.ctx.config)}
      signedIn={signedIn ? { ...signedIn, chosenId: extra.signedIn ? signedIn.chosenId : null } : undefined}
      notice={notice}
      codes={preview?.ok ? preview : undefined}
    />,
    // an applied code that is refused: the page says why, as for a refused order
    extra.applied && preview && !preview.ok ? 422 : status,
  );
}
