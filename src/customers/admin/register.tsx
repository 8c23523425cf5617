import type { FastifyInstance } from 'fastify';

/** This domain's pages and API routes. */
export function registerCustomerAdmin(_app: FastifyInstance): void {}
