import { createHmac, createSecretKey, randomFillSync, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { cookieSpec } from './cookies.ts';

const FIELD = '_csrf';
const SEED_SHAPE = /^[A-Za-z0-9_-]{22,}$/;

/**
 * Cross-site form posts are refused three ways: the browser's Sec-Fetch-Site and Origin headers must say
 * same-origin, and a form must carry a token bound (by HMAC) to a random cookie of this browser.
 * JSON API calls need no token: a cross-site page cannot send application/json without CORS, which we never allow.
 *
 * The cookie is set only on answers that put a token in a form, and only for a browser that has none yet. Issuing
 * it is cheap (a pooled random seed, one HMAC with a prepared key, a header worked out once but for the seed),
 * since a visitor without cookies gets a new one on every page with a form.
 */
export function registerCsrf(app: FastifyInstance, config: Config): CsrfTokens {
  const expectedOrigin = new URL(config.publicUrl).origin;
  const tokens = csrfTokens(app, config);
  const cookieName = tokens.cookieName;

  app.decorateRequest('csrfNewSeed', null);
  app.decorateRequest('csrfTokenMemo', null);
  app.decorateRequest('csrfToken', function (this: FastifyRequest) {
    this.csrfTokenMemo ??= tokens.tokenFor(this.csrfSeed());
    return this.csrfTokenMemo;
  });
  app.decorateRequest('csrfSeed', function (this: FastifyRequest) {
    const existing = tokens.seedIn(this.cookies[cookieName]);
    if (existing) return existing;
    this.csrfNewSeed ??= tokens.newSeed();
    return this.csrfNewSeed;
  });

  // callback style, not async: these run on every answer and then cost no promise
  app.addHook('onSend', (request, reply, payload, done) => {
    const seed = request.csrfNewSeed;
    if (seed) reply.header('set-cookie', tokens.setCookie(seed));
    done(null, payload);
  });

  app.addHook('preHandler', (request, _reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return done();
    if (request.url === '/webhooks/mollie') return done(); // server-to-server, no cookie; payments/routes.ts trusts only Mollie's API
    // RFC 8058 one-click unsubscribe: mail clients POST without cookies; the 256-bit token in the URL is the proof
    if (request.url.startsWith('/u/')) return done();
    try {
      refuseForgery(request);
      done();
    } catch (err) {
      done(err as Error);
    }
  });

  function refuseForgery(request: FastifyRequest): void {
    const site = request.headers['sec-fetch-site'];
    if (site && site !== 'same-origin' && site !== 'none') throw new AppError('csrf-failed');
    const origin = request.headers.origin;
    if (origin && origin !== 'null' && origin !== expectedOrigin && origin !== requestOrigin(request)) {
      throw new AppError('csrf-failed');
    }
    if (request.url.startsWith('/api/')) {
      const type = request.headers['content-type'] ?? '';
      if (request.body !== undefined && !type.startsWith('application/json'))
        throw new AppError('unsupported-media');
      return;
    }
    const seed = request.cookies[cookieName];
    const sent = formToken(request);
    if (!seed || !sent || !safeEqual(sent, tokens.tokenFor(seed))) throw new AppError('csrf-failed');
  }
  return tokens;
}

/** Seeds, tokens and the cookie, for the hooks above and for answers given outside Fastify (web/cached-answers.ts). */
export type CsrfTokens = {
  /** `tb_csrf`, or `__Host-tb_csrf` over HTTPS. */
  cookieName: string;
  /** The seed in a cookie value, or null when it holds none. */
  seedIn(cookieValue: string | undefined): string | null;
  newSeed(): string;
  /** The form token that goes with a seed. */
  tokenFor(seed: string): string;
  /** The Set-Cookie header value that gives a browser this seed. */
  setCookie(seed: string): string;
};

function csrfTokens(app: FastifyInstance, config: Config): CsrfTokens {
  const cookie = cookieSpec(config, 'tb_csrf');
  const key = createSecretKey(Buffer.from(config.sessionSecret));
  const example = app.serializeCookie(cookie.name, 'seed', {
    ...cookie.options,
    secure: cookie.options.secure === true,
    sameSite: 'strict',
  });
  const attributes = example.slice(example.indexOf(';'));
  return {
    cookieName: cookie.name,
    seedIn: (value) => (value && SEED_SHAPE.test(value) ? value : null),
    newSeed,
    tokenFor: (seed) => createHmac('sha256', key).update(`csrf:${seed}`).digest('base64url'),
    setCookie: (seed) => `${cookie.name}=${seed}${attributes}`,
  };
}

const SEED_BYTES = 18;
const seedPool = Buffer.alloc(SEED_BYTES * 256);
let seedOffset = seedPool.length;

/**
 * A fresh random seed (18 bytes, base64url). The CSPRNG is asked for 256 seeds at once, which costs far less
 * per seed than one call each; every byte is handed out once.
 */
function newSeed(): string {
  if (seedOffset === seedPool.length) {
    randomFillSync(seedPool);
    seedOffset = 0;
  }
  const seed = seedPool.toString('base64url', seedOffset, seedOffset + SEED_BYTES);
  seedOffset += SEED_BYTES;
  return seed;
}

function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function formToken(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined;
  const value = body?.[FIELD];
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value)
    return String((value as { value: unknown }).value);
  return undefined;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The token to put in a form's hidden `_csrf` field (see components/csrf-field.tsx). */
    csrfToken(): string;
    /** This browser's seed: from its cookie, or a new one that this answer sets as the cookie. */
    csrfSeed(): string;
    /** The seed made for this answer, when the browser came without one. */
    csrfNewSeed: string | null;
    /** The token, once worked out for this request (a page may have many forms). */
    csrfTokenMemo: string | null;
  }
}
