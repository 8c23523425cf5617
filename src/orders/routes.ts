import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
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
  },
  { $id: 'Cart' },
);

const CartParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{22}$' }) });

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
        summary: 'A cart with its lines and totals at today’s prices',
        params: CartParams,
        response: { 200: CartSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const cart = await viewCart(request.ctx, id);
      if (!cart) throw new AppError('not-found');
      return present(request, cart);
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
