import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { HttpMetrics } from './http-metrics.ts';

/**
 * Prometheus metrics at /metrics: process defaults plus requests by route and status, and their duration. Returns
 * the request counters, for answers given outside Fastify's hooks (web/cached-answers.ts).
 */
export function registerMetrics(app: FastifyInstance): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'toonbank_' });
  const http = new HttpMetrics();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    http.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return `${await registry.metrics()}\n${http.exposition()}`;
  });
  return http;
}
