import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { SessionCustomer } from './sessions.ts';

/** The signed-in customer, or 'customer-login-required' (pages redirect to /account/sign-in, the API answers 401). */
export function customerOf(request: FastifyRequest): SessionCustomer {
  if (!request.customer) throw new AppError('customer-login-required');
  return request.customer;
}

/** Lower-cased and trimmed: the form in which addresses are stored and compared. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
