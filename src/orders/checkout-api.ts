import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
import { countUnknownCode, tooManyCodeGuesses } from '../vouchers/code-guesses.ts';
import { refusalText } from '../vouchers/refusal-text.ts';
import { ErrorSchema } from '../web/api-schemas.ts';
import { isCartId } from './cart-id.ts';
import { type CheckoutResult, checkout, type OrderReceipt } from './checkout.ts';
import { COUNTRIES, PAYMENT_METHODS } from './checkout-input.ts';
import { fieldTexts } from './checkout-problems.ts';
import { confirmationPath } from './order-token.ts';
import { SHIPPING_METHODS } from './shipping-methods.ts';

const CheckoutBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  address: Type.Object({
    name: Type.String({ minLength: 1, maxLength: 100 }),
    street: Type.String({ minLength: 1, maxLength: 100 }),
    houseNumber: Type.String({ description: 'Digits, optionally one letter: 12, 12a', maxLength: 10 }),
    addition: Type.Optional(Type.String({ maxLength: 10, description: 'e.g. "bis", "2 hoog"' })),
    postcode: Type.String({
      description: 'In the country’s format: NL 1234 AB, BE/AT 4 digits, DE/FR 5, LU L-1234',
    }),
    city: Type.String({ minLength: 1, maxLength: 80 }),
    country: Type.Union(
      Object.keys(COUNTRIES).map((c) => Type.Literal(c)),
      { description: 'ISO 3166-1 alpha-2' },
    ),
  }),
  shippingMethod: Type.Union(
    SHIPPING_METHODS.map((m) => Type.Literal(m)),
    {
      description:
        'One of the methods the cart lists as available: a method the shop has switched off answers 422; mailbox only when every line fits through the mailbox and the parcel is within its maximum weight',
    },
  ),
  paymentMethod: Type.Union(PAYMENT_METHODS.map((m) => Type.Literal(m))),
  codes: Type.Optional(
    Type.Array(Type.String({ maxLength: 40 }), {
      maxItems: 2,
      description:
        'Voucher and gift-card codes (at most one of each), e.g. TB-ABCD-2345; case, spaces and dashes do not matter. A refused code answers 422 with the reason in `fields.codes`, and nothing is ordered; after 20 unknown codes from one client in an hour, codes answer 429 unread.',
    }),
  ),
  voucherCode: Type.Optional(Type.String({ maxLength: 40, description: 'Same as one entry of `codes`' })),
  giftCardCode: Type.Optional(Type.String({ maxLength: 40, description: 'Same as one entry of `codes`' })),
});

const ReceiptSchema = Type.Object(
  {
    orderNumber: Type.String({ description: 'Human order number, also the bank transfer reference' }),
    status: Type.String({ description: 'awaiting_payment after a bank-transfer checkout' }),
    total: Type.Integer({
      description:
        'Amount to pay in cents, incl. VAT and shipping, after the voucher discount and less the gift card',
    }),
    discount: Type.Optional(
      Type.Integer({ description: 'Voucher discount in cents on the items, incl. VAT' }),
    ),
    giftCard: Type.Optional(
      Type.Integer({ description: 'Paid with the gift card, in cents; status is paid when nothing is left' }),
    ),
    currency: Type.String(),
    deliveryDate: Type.String({ format: 'date', description: 'Promised delivery date (if paid in time)' }),
    shippingMethod: Type.String(),
    paymentMethod: Type.String(),
    paymentUrl: Type.Optional(Type.String({ description: 'Hosted payment page; absent for bank transfer' })),
    confirmationUrl: Type.String({ description: 'Signed link to the order confirmation; no account needed' }),
  },
  { $id: 'OrderReceipt' },
);

const OutOfStockSchema = Type.Object({
  error: Type.Object({
    id: Type.String({ description: 'out-of-stock or request-in-progress' }),
    message: Type.String(),
    reason: Type.Optional(Type.String()),
    skus: Type.Optional(Type.Array(Type.String(), { description: 'The SKUs that are short' })),
  }),
});

/** `POST /api/v1/carts/{id}/checkout`: the storefront's checkout for headless clients, exactly once per key. */
export function registerCheckoutApi(app: FastifyInstance): void {
  app.post(
    '/api/v1/carts/:id/checkout',
    {
      // invalid input is answered by the use case with a 422 and a reason per field, not by the schema
      attachValidation: true,
      schema: {
        tags: ['checkout'],
        summary: 'Place the order for a cart: reserve stock, write the order, empty the cart',
        description:
          'Send a unique `Idempotency-Key` (e.g. a UUID) per order attempt. Repeats with the same key within 24 h, also concurrent ones, get the stored response (header `Idempotent-Replayed: true`) and never a second order; the same key with a different body is refused with 422 idempotency-mismatch. Out of stock answers 409 with the short SKUs and reserves nothing.',
        params: Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{22}$' }) }),
        headers: Type.Object({ 'idempotency-key': Type.String({ minLength: 1, maxLength: 255 }) }),
        body: CheckoutBody,
        response: {
          201: ReceiptSchema,
          400: ErrorSchema,
          404: ErrorSchema,
          409: OutOfStockSchema,
          422: ErrorSchema,
          429: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
        throw new AppError('invalid-input', {
          reason: 'send an Idempotency-Key header (1–255 visible characters)',
        });
      }
      if (!isCartId(id)) throw new AppError('not-found');
      const body = request.body as { codes?: string; voucherCode?: string; giftCardCode?: string };
      const typed = [body.codes, body.voucherCode, body.giftCardCode].filter(Boolean).join(',');
      if (await tooManyCodeGuesses(request.ctx, request.ip, typed)) throw new AppError('too-many-requests');
      const result = await checkout(request.ctx, {
        cartId: id,
        idempotencyKey: key,
        body: request.body,
        shipping: app.shipping.current,
      });
      if (!result.ok && result.reason === 'code-refused')
        await countUnknownCode(request.ctx, request.ip, result.refusal);
      return presentCheckout(request, reply, result);
    },
  );
}

function presentCheckout(request: FastifyRequest, reply: FastifyReply, result: CheckoutResult) {
  if ('replayed' in result && result.replayed) reply.header('idempotent-replayed', 'true');
  if (result.ok) {
    return reply.status(201).send(presentReceipt(request, result.receipt));
  }
  throw checkoutError(request, result);
}

export function presentReceipt(request: FastifyRequest, receipt: OrderReceipt) {
  return {
    orderNumber: receipt.orderNumber,
    status: receipt.status,
    total: receipt.total,
    ...(receipt.discount ? { discount: receipt.discount } : {}),
    ...(receipt.giftCard ? { giftCard: receipt.giftCard } : {}),
    currency: receipt.currency,
    deliveryDate: receipt.deliveryDate,
    shippingMethod: receipt.shippingMethod,
    paymentMethod: receipt.paymentMethod,
    ...(receipt.paymentUrl ? { paymentUrl: receipt.paymentUrl } : {}),
    confirmationUrl: `${request.ctx.config.publicUrl}${confirmationPath(request.ctx.config.sessionSecret, receipt.orderNumber)}`,
  };
}

/** A refused checkout as a catalogue error (mapped to HTTP by the error handler). */
export function checkoutError(
  request: FastifyRequest,
  result: Exclude<CheckoutResult, { ok: true }>,
): AppError {
  switch (result.reason) {
    case 'invalid':
      return new AppError('validation-failed', {}, fieldTexts(request.t, result.fields));
    case 'shipping-method-not-available':
    case 'shipping-method-off':
    case 'no-shipping-method':
      return new AppError(
        'validation-failed',
        {},
        { shippingMethod: request.t(`checkout.error.${result.reason}`) },
      );
    case 'code-refused':
      return new AppError(
        'validation-failed',
        {},
        { codes: refusalText(request.t, request.locale, request.ctx.config.currency, result.refusal) },
      );
    case 'out-of-stock':
      return new AppError('out-of-stock', { skus: result.skus.join(', ') }, undefined, { skus: result.skus });
    case 'unknown-cart':
      return new AppError('not-found');
    case 'empty-cart':
      return new AppError('cart-empty');
    default:
      return new AppError(result.reason);
  }
}
