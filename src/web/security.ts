import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { type Config, servesHttps } from '../config.ts';

/** Strict headers: nothing from third parties, no inline script, no framing, no plugins. */
export function helmetOptions(config: Config): HelmetOptions {
  const https = servesHttps(config);
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  };
}

/**
 * The headers helmet sets with these options, worked out once: they depend on nothing in the request (no
 * nonces, no functions in the policy), so each answer gets the same list instead of a helmet run per request.
 */
export function securityHeaders(config: Config): [name: string, value: string][] {
  const headers: [string, string][] = [];
  const collector = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    removeHeader: () => {
      // helmet removes X-Powered-By, which node never sets
    },
  };
  helmet(helmetOptions(config))(
    {} as IncomingMessage,
    collector as unknown as ServerResponse,
    (err?: unknown) => {
      if (err) throw err;
    },
  );
  return headers;
}

/**
 * The headers of JSON answers, as OWASP's REST Security Cheat Sheet lists them for APIs: data is never a document,
 * so it gets a policy that allows nothing (stricter than the pages'), no framing, no sniffing, no cross-origin
 * reads, and HSTS over HTTPS. The pages' other headers (opener policy, referrer, DNS prefetch, legacy browser
 * switches) govern documents and do nothing on JSON, yet cost every answer their bytes and checks.
 */
export function apiSecurityHeaders(config: Config): [name: string, value: string][] {
  return [
    ['content-security-policy', "default-src 'none';frame-ancestors 'none'"],
    ['cross-origin-resource-policy', 'same-origin'],
    ['x-content-type-options', 'nosniff'],
    ['x-frame-options', 'DENY'],
    ...(servesHttps(config)
      ? [['strict-transport-security', 'max-age=31536000; includeSubDomains'] as [string, string]]
      : []),
  ];
}

/** Whether a request path is the JSON API (its reference page at /api/docs is a page). */
export function isApiPath(url: string): boolean {
  return url.startsWith('/api/v1/') || url === '/api/openapi.json' || url.startsWith('/api/openapi.json?');
}

/** Sets the security headers on every answer, before routing hooks run (so early answers carry them too). */
export function registerSecurityHeaders(app: FastifyInstance, config: Config): void {
  const lowerCase = (list: [string, string][]) =>
    Object.fromEntries(list.map(([name, value]) => [name.toLowerCase(), value]));
  const pages = lowerCase(securityHeaders(config));
  const api = lowerCase(apiSecurityHeaders(config));
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(isApiPath(request.url) ? api : pages);
    done();
  });
}
