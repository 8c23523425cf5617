import { createCipheriv, hkdfSync, randomFillSync, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { cookieSpec } from './cookies.ts';

const FIELD = '_csrf';
/** 16 bytes in base64url without padding. */
const SEED_SHAPE = /^[A-Za-z0-9_-]{22}$/;

/**
 * Cross-site form posts are refused three ways: the browser's Sec-Fetch-Site and Origin headers must say
 * same-origin, and a form must carry a token bound (by HMAC) to a random cookie of this browser.
 * JSON API calls need no token: a cross-site page cannot send application/json without CORS, which we never allow.
 *
 * The cookie is set only on answers that put a token in a form, and only for a browser that has none yet. A
 * visitor without cookies gets a new one on every page with a form, so issuing one costs well under a microsecond:
 * seeds and their tokens are made 256 at a time (see `issuePool`), and the header is worked out once but for the
 * seed.
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
    if (!this.csrfNewSeed) {
      const issued = tokens.newSeed();
      this.csrfNewSeed = issued.seed;
      this.csrfTokenMemo = issued.token;
    }
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
  /** A fresh random seed for a browser that has none, with its token. */
  newSeed(): { seed: string; token: string };
  /** The form token that goes with a seed. */
  tokenFor(seed: string): string;
  /** The Set-Cookie header value that gives a browser this seed. */
  setCookie(seed: string): string;
};

function csrfTokens(app: FastifyInstance, config: Config): CsrfTokens {
  const cookie = cookieSpec(config, 'tb_csrf');
  // a key of its own for the tokens, derived from the session secret
  const key = Buffer.from(hkdfSync('sha256', config.sessionSecret, '', 'toonbank csrf token', 16));
  const example = app.serializeCookie(cookie.name, 'seed', {
    ...cookie.options,
    secure: cookie.options.secure === true,
    sameSite: 'strict',
  });
  const attributes = example.slice(example.indexOf(';'));
  const pool = issuePool(key);
  const known = new Map<string, string>();
  return {
    cookieName: cookie.name,
    seedIn: (value) => (value && SEED_SHAPE.test(value) ? value : null),
    newSeed: pool,
    tokenFor: (seed) => {
      let token = known.get(seed);
      if (token === undefined) {
        token = encrypt(key, Buffer.from(seed, 'base64url')).toString('base64url');
        if (known.size >= KNOWN_SEEDS) known.clear();
        known.set(seed, token);
      }
      return token;
    },
    setCookie: (seed) => `${cookie.name}=${seed}${attributes}`,
  };
}

/** Returning browsers whose token is kept, so a page view costs no cipher (about 1 MB at most). */
const KNOWN_SEEDS = 10_000;
const SEED_BYTES = 16;
const POOL_SEEDS = 256;

/**
 * The token of a seed is the seed encrypted with AES-128 under the CSRF key: a pseudorandom permutation of one
 * 16-byte block is a message authentication code for 16-byte messages, as strong as an HMAC here, and, unlike an
 * HMAC, it can be computed for 256 seeds in one call. Forging a token for a cookie means knowing the key.
 */
function encrypt(key: Buffer, blocks: Buffer): Buffer {
  const cipher = createCipheriv('aes-128-ecb', key, null);
  cipher.setAutoPadding(false);
  return cipher.update(blocks);
}

/**
 * Fresh random seeds (16 bytes, base64url) with their tokens. The CSPRNG and the cipher are asked for 256 at once,
 * which costs a tenth of one call each per seed; every seed is handed out once.
 */
function issuePool(key: Buffer): () => { seed: string; token: string } {
  const seeds = Buffer.alloc(SEED_BYTES * POOL_SEEDS);
  let tokens: Buffer = seeds;
  let offset = seeds.length;
  return () => {
    if (offset === seeds.length) {
      randomFillSync(seeds);
      tokens = encrypt(key, seeds);
      offset = 0;
    }
    const end = offset + SEED_BYTES;
    const issued = {
      seed: seeds.toString('base64url', offset, end),
      token: tokens.toString('base64url', offset, end),
    };
    offset = end;
    return issued;
  };
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
