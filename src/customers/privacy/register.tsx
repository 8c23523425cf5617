import type { FastifyInstance } from 'fastify';

/** This domain's pages and API routes. */
export function registerPrivacy(_app: FastifyInstance): void {}
