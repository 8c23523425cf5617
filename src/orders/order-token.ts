import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token in an order's link (`/order/TB-2026-000123/confirmation?t=…`): an HMAC of the order
 * number under the shop's secret, 128 bits, so the link works without an account and another
 * order's link cannot be guessed from it.
 */
export function orderToken(secret: string, orderNumber: string): string {
  return createHmac('sha256', secret).update(`order:${orderNumber}`).digest('base64url').slice(0, 22);
}

export function isOrderToken(secret: string, orderNumber: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length !== 22) return false;
  return timingSafeEqual(Buffer.from(token), Buffer.from(orderToken(secret, orderNumber)));
}

/** The confirmation page of an order, path and signed query. */
export function confirmationPath(secret: string, orderNumber: string): string {
  return `/order/${encodeURIComponent(orderNumber)}/confirmation?t=${orderToken(secret, orderNumber)}`;
}
