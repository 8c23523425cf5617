import type { FastifyInstance } from 'fastify';

/** This domain's pages and API routes. */
export function registerChannels(_app: FastifyInstance): void {}
