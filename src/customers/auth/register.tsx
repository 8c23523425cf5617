import type { FastifyInstance } from 'fastify';

/** This domain's pages and API routes. */
export function registerCustomerAuth(_app: FastifyInstance): void {}
