import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { cookieSpec } from '../web/cookies.ts';
import { isCartId } from './cart-id.ts';

const THIRTY_DAYS = 30 * 24 * 3600;

/** The cart cookie: functional (it holds the cart), never used to track anyone. */
export function cartIdFrom(request: FastifyRequest, config: Config): string | null {
  const value = request.cookies[cookieSpec(config, 'tb_cart').name];
  return isCartId(value) ? value : null;
}

export function setCartCookie(reply: FastifyReply, config: Config, cartId: string): void {
  const spec = cookieSpec(config, 'tb_cart', THIRTY_DAYS);
  reply.setCookie(spec.name, cartId, spec.options);
}
