import type { FastifyInstance } from 'fastify';

/** This domain's pages and API routes. */
export function registerPreferences(_app: FastifyInstance): void {}
