import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * Ajv's type coercion turns "Infinity" or "1e309" in a query string into the number Infinity, which then passes
 * `integer`, `minimum` and `maximum` (Ajv 8 checks none of them after coercing). A route with a query or params
 * schema therefore also checks, after validation, that no number in its query or params is infinite or NaN, and
 * answers 400 like any other invalid input rather than handing Infinity to a query (a 500 before). JSON bodies need
 * no such check: a parsed 1e309 is not coerced, and Ajv refuses it as a number. Register before the routes: it adds
 * itself to each route with such a schema as it is declared.
 */
export function registerFiniteNumbers(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema;
    if (!schema || !(schema.querystring || schema.params)) return;
    const others = route.preHandler ? [route.preHandler].flat() : [];
    route.preHandler = [refuseNonFinite, ...others];
  });
}

function refuseNonFinite(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const bad = nonFinite(request.query, 'querystring') ?? nonFinite(request.params, 'params');
  if (!bad) {
    done();
    return;
  }
  const field = bad.slice(bad.indexOf('/') + 1).replaceAll('/', '.');
  done(
    new AppError(
      'invalid-input',
      { reason: `${bad} must be a finite number` },
      { [field]: 'must be a finite number' },
    ),
  );
}

/** The path of the first number in `value` that is not finite (`querystring/limit`), looking a few levels deep. */
export function nonFinite(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (value === null || typeof value !== 'object' || depth > 5) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = nonFinite(inner, `${path}/${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}
