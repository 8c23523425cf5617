import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
import { previewForCart } from '../vouchers/preview-for-cart.ts';
import { refusalText } from '../vouchers/refusal-text.ts';
import { ErrorSchema } from '../web/api-schemas.ts';
import { addToCart } from './add-to-cart.ts';
import { isCartId } from './cart-id.ts';
import { createCart } from './create-cart.ts';
import { deliveryText } from './delivery-text.ts';
import { shippingOptions } from './shipping-methods.ts';
import { type CartView, viewCart } from './view-cart.ts';

const CartSchema = Type.Object(
  {
    id: Type.String(),
    lines: Type.Array(
      Type.Object({
        sku: Type.String(),
        name: Type.String(),
        quantity: Type.Integer(),
        unitPriceCents: Type.Integer(),
        lineTotalCents: Type.Integer(),
        vatRate: Type.Integer(),
        inStock: Type.Boolean({ description: 'The shop has at least the quantity asked for' }),
      }),
    ),
    itemCount: Type.Integer(),
    totalCents: Type.Integer({ description: 'Including VAT' }),
    vatCents: Type.Record(Type.String(), Type.Integer(), {
      description: 'VAT included in the total, per rate',
    }),
    currency: Type.String(),
    shippingOptions: Type.Array(
      Type.Object({
        method: Type.String({ description: 'mailbox or parcel (only the methods the shop offers)' }),
        available: Type.Boolean({
          description:
            'The method can carry this cart (within its maximum weight; mailbox: every line fits through the mailbox)',
        }),
        priceCents: Type.Integer({ description: 'Shipping cost for this cart, incl. VAT' }),
        deliveryDate: Type.String({ format: 'date', description: 'Promised delivery date when ordered now' }),
        deliveryText: Type.String({ description: 'The promise in words, in the language of the request' }),
      }),
      { description: 'Cheapest available method first' },
    ),
    freeShippingFromCents: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Goods total from which shipping is free; null when the shop has no free shipping',
    }),
    codes: Type.Optional(
      Type.Union(
        [
          Type.Object({
            ok: Type.Literal(true),
            discountCents: Type.Integer({ description: 'Taken off the items by the voucher' }),
            giftCardCents: Type.Integer({ description: 'Paid by the gift card' }),
            voucherCode: Type.Optional(Type.String()),
            giftCardCode: Type.Optional(Type.String()),
            shippingMethod: Type.String({ description: 'The method whose price the preview counts' }),
            shippingCents: Type.Integer(),
            totalCents: Type.Integer({ description: 'Items + shipping − discount, incl. VAT' }),
            dueCents: Type.Integer({ description: 'What is left to pay after the gift card' }),
            vatCents: Type.Record(Type.String(), Type.Integer(), {
              description: 'VAT the order will record, per rate',
            }),
          }),
          Type.Object({
            ok: Type.Literal(false),
            problem: Type.String({
              description: 'unknown, expired, used-up, minimum, too-many-tries, not-a-code, …',
            }),
            reason: Type.String({ description: 'Why, in the language of the request' }),
          }),
        ],
        {
          description:
            'Only when `codes` was asked: what the codes would do to this cart now, by the rules the order uses (which may still refuse a code someone else used up meanwhile). Nothing is written.',
        },
      ),
    ),
  },
  { $id: 'Cart' },
);

const CartQuery = Type.Object({
  codes: Type.Optional(
    Type.String({
      maxLength: 300,
      description: 'Voucher and gift-card codes to preview, comma-separated (e.g. TB-ABCD-2345)',
    }),
  ),
  email: Type.Optional(
    Type.String({ maxLength: 254, description: 'For codes usable once per e-mail address' }),
  ),
  shippingMethod: Type.Optional(
    Type.String({ maxLength: 20, description: 'The method to count; default: the first available' }),
  ),
});

const CartParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{22}$' }) });

/** The codes preview of a cart in the API, counted with one shipping method's price. */
async function presentCodes(
  request: FastifyRequest,
  cart: CartView,
  options: { method: string; available: boolean; priceCents: number }[],
  query: { codes?: string; email?: string; shippingMethod?: string },
) {
  const shipping =
    options.find((o) => o.method === query.shippingMethod && o.available) ?? options.find((o) => o.available);
  const shippingCents = shipping?.priceCents ?? 0;
  const preview = await previewForCart(
    request.ctx,
    cart,
    shippingCents,
    query.codes ?? '',
    query.email ?? '',
    request.ip,
  );
  if (preview?.ok) {
    const totalCents = cart.totalCents + shippingCents - preview.discountCents;
    return {
      ...preview,
      shippingMethod: shipping?.method ?? '',
      shippingCents,
      totalCents,
      dueCents: totalCents - preview.giftCardCents,
    };
  }
  const { currency } = request.ctx.config;
  return preview?.refusal
    ? {
        ok: false as const,
        problem: preview.refusal.problem,
        reason: refusalText(request.t, request.locale, currency, preview.refusal),
      }
    : { ok: false as const, problem: 'not-a-code', reason: request.t('checkout.error.code') };
}

/** The cart API: the storefront's cart use cases for headless clients. */
export function registerCartApi(app: FastifyInstance): void {
  const present = (request: FastifyRequest, cart: CartView) => {
    const shipping = app.shipping.current;
    const now = request.ctx.clock.now();
    return {
      id: cart.id,
      lines: cart.lines.map((l) => ({
        sku: l.sku,
        name: l.name,
        quantity: l.quantity,
        unitPriceCents: l.unitPriceCents,
        lineTotalCents: l.lineTotalCents,
        vatRate: l.vatRate,
        inStock: !l.shortOfStock,
      })),
      itemCount: cart.itemCount,
      totalCents: cart.totalCents,
      vatCents: cart.vatCents,
      currency: app.config.currency,
      shippingOptions: shippingOptions(
        shipping,
        { itemsCents: cart.totalCents, weightGrams: cart.weightGrams, allMailboxFit: cart.allMailboxFit },
        app.config.shopTimezone,
        now,
      ).map((o) => ({
        method: o.method,
        available: o.available,
        priceCents: o.priceCents,
        deliveryDate: o.promise.deliveryDate.toString(),
        deliveryText: deliveryText(request.t, request.locale, o.promise, o.method, now),
      })),
      freeShippingFromCents: shipping.freeFromCents,
    };
  };

  app.post(
    '/api/v1/carts',
    {
      schema: {
        tags: ['cart'],
        summary: 'Create an empty cart; no account needed',
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      return reply.status(201).send({ id: await createCart(request.ctx) });
    },
  );

  app.get(
    '/api/v1/carts/:id',
    {
      schema: {
        tags: ['cart'],
        summary:
          'A cart with its lines and totals at today’s prices; with `codes`, what those codes would do',
        params: CartParams,
        querystring: CartQuery,
        response: { 200: CartSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const query = request.query as { codes?: string; email?: string; shippingMethod?: string };
      const cart = await viewCart(request.ctx, id);
      if (!cart) throw new AppError('not-found');
      const presented = present(request, cart);
      if (!query.codes?.trim()) return presented;
      return { ...presented, codes: await presentCodes(request, cart, presented.shippingOptions, query) };
    },
  );

  app.post(
    '/api/v1/carts/:id/lines',
    {
      schema: {
        tags: ['cart'],
        summary:
          'Add units of a product to a cart (added to an existing line of the same product, at most 99)',
        params: CartParams,
        body: Type.Object({
          sku: Type.String({ minLength: 1, maxLength: 64 }),
          quantity: Type.Integer({ minimum: 1, maximum: 99, default: 1 }),
        }),
        response: { 200: CartSchema, 404: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { sku, quantity } = request.body as { sku: string; quantity: number };
      if (!isCartId(id)) throw new AppError('not-found');
      const result = await addToCart(request.ctx, id, sku, quantity);
      if (!result.ok) {
        if (result.reason === 'unknown-cart') throw new AppError('not-found');
        throw new AppError(
          'validation-failed',
          { reason: request.t(`cart.error.${result.reason}`) },
          {
            sku: request.t(`cart.error.${result.reason}`),
          },
        );
      }
      return present(request, (await viewCart(request.ctx, id))!);
    },
  );
}
