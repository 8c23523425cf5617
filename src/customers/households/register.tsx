import type { FastifyInstance } from 'fastify';

/** This domain's pages and API routes. */
export function registerHouseholds(_app: FastifyInstance): void {}
