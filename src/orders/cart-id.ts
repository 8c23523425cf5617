import { randomBytes } from 'node:crypto';

/** An opaque cart id: 128 bits of randomness, so a cart cannot be guessed from another. */
export function newCartId(): string {
  return randomBytes(16).toString('base64url');
}

export function isCartId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value);
}
