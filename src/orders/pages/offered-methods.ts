import type { FastifyRequest } from 'fastify';
import { deliveryText } from '../delivery-text.ts';
import { shippingOptions } from '../shipping-methods.ts';
import type { CartView } from '../view-cart.ts';
import type { OfferedMethod } from './checkout-page.tsx';

/** The shipping methods the shop offers for this cart, with their price and the delivery promise in words. */
export function offeredMethods(request: FastifyRequest, cart: CartView): OfferedMethod[] {
  const now = request.ctx.clock.now();
  return shippingOptions(
    request.server.shipping.current,
    { itemsCents: cart.totalCents, weightGrams: cart.weightGrams, allMailboxFit: cart.allMailboxFit },
    request.ctx.config.shopTimezone,
    now,
  ).map((o) => ({
    method: o.method,
    available: o.available,
    priceCents: o.priceCents,
    promise: deliveryText(request.t, request.locale, o.promise, o.method, now),
  }));
}
