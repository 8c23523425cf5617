import type { FastifyInstance } from 'fastify';

/** This domain's pages and API routes. */
export function registerMyAppliances(_app: FastifyInstance): void {}
