import type { FastifyInstance } from 'fastify';

/** This domain's pages and API routes. */
export function registerGateway(_app: FastifyInstance): void {}
