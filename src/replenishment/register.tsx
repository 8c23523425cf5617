import type { FastifyInstance } from 'fastify';

/** This domain's pages and API routes. */
export function registerReplenishment(_app: FastifyInstance): void {}
