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

/** Sets the security headers on every answer, before routing hooks run (so early answers carry them too). */
export function registerSecurityHeaders(app: FastifyInstance, config: Config): void {
  const headers = Object.fromEntries(
    securityHeaders(config).map(([name, value]) => [name.toLowerCase(), value]),
  );
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
