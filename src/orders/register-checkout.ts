import type { FastifyInstance } from 'fastify';
import { registerCheckoutApi } from './checkout-api.ts';
import { registerCheckoutPages } from './pages/register-checkout.tsx';

/** Checkout for people (the page) and for headless clients (the API): the same use case behind both. */
export function registerCheckout(app: FastifyInstance): void {
  registerCheckoutApi(app);
  registerCheckoutPages(app);
}
