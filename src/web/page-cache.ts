import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Locale } from '../config.ts';
import type { DataVersion } from '../db/data-version.ts';
import { LOCALE_COOKIE } from './i18n/locale.ts';

/** How long an answer is served from memory at most: the delay before a change made by another process shows. */
export const PAGE_CACHE_TTL_MS = 2000;
const MAX_ENTRIES = 1000;
const MAX_BODY_CHARS = 512 * 1024;
/** Query parameters a cached answer may carry; any other parameter (a search, a limit) reads through. */
const CACHEABLE_QUERY = new Set(['lang', 'page']);
/** Stands in for the visitor's CSRF token in a cached page; random per process, so no content can contain it. */
const TOKEN_PLACEHOLDER = `csrf-placeholder-${randomBytes(16).toString('hex')}`;

/**
 * A stored answer: its route (for the metrics), its headers but for cookies and length, and its body cut where the
 * CSRF token goes. The body stays text: node writes a text body and the header block in one piece, while a buffer
 * body costs a copy to splice in the token and a separate chunk on the socket.
 */
export type CachedAnswer = {
  route: string;
  headers: Record<string, HeaderValue>;
  /** The body, cut where the CSRF token goes. */
  parts: string[];
  /** The parts' length in UTF-8 bytes. */
  bytes: number;
};
type HeaderValue = string | number | string[];
type Entry = CachedAnswer & { version: number; storedAt: number };
type Fill = { key: string; version: number; storedAt: number };

/**
 * A micro-cache for the public pages and JSON that every visitor sees alike. A route opts in with
 * `config: { pageCache: true }`; its 200 answers to anonymous GETs (no staff or customer session, no query but `lang` and
 * `page`) are kept per URL and language for at most two seconds, and only while the database has not been
 * written since they were read (`version`, bumped by every write of this process). So a change shows at once
 * here, and within two seconds in other processes. Pages are cached with a placeholder where the CSRF token
 * goes (see `pageCsrfToken`), filled with each visitor's own token when sent. Plain anonymous GETs (no
 * query, no cookie but language and CSRF seed) are answered from here before Fastify sees them
 * (web/cached-answers.ts); the rest of the hits are answered by the hooks below, after the app's `onRequest` hooks
 * (security headers, language cookie, sessions). Either way the answer carries the headers it was stored with, the
 * CSRF cookie when the visitor has none, and is counted in the metrics.
 */
export function registerPageCache(
  app: FastifyInstance,
  deps: { clock: Clock; version: DataVersion },
): PageCache {
  const entries = new Map<string, Entry>();
  app.decorateRequest('pageCacheFill', null);

  function fresh(key: string, now: number, version: number): Entry | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.version === version && now >= entry.storedAt && now - entry.storedAt < PAGE_CACHE_TTL_MS)
      return entry;
    entries.delete(key);
    return undefined;
  }

  // callback style, not async: these run on every answer and then cost no promise
  app.addHook('onRequest', (request, reply, done) => {
    if (
      request.method !== 'GET' ||
      request.staff ||
      request.customer ||
      request.routeOptions.config.pageCache !== true
    )
      return done();
    for (const name in request.query as Record<string, unknown>)
      if (!CACHEABLE_QUERY.has(name)) return done();
    const key = `${request.locale} ${request.url}`;
    const now = deps.clock.now().epochMilliseconds;
    const version = deps.version.current;
    const entry = fresh(key, now, version);
    if (entry) {
      reply.headers(entry.headers);
      reply.send(entry.parts.length === 1 ? entry.parts[0] : entry.parts.join(request.csrfToken()));
      return; // answered: the rest of the chain (handler included) is skipped
    }
    request.pageCacheFill = { key, version, storedAt: now };
    done();
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const fill = request.pageCacheFill;
    if (!fill || typeof payload !== 'string') return done(null, payload);
    const parts = payload.split(TOKEN_PLACEHOLDER);
    if (reply.statusCode === 200 && payload.length <= MAX_BODY_CHARS && setsOnlyLanguageCookie(reply)) {
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      const { 'set-cookie': _cookies, 'content-length': _length, ...headers } = reply.getHeaders();
      const route = request.routeOptions.url ?? request.url;
      const bytes = parts.reduce((sum, part) => sum + Buffer.byteLength(part), 0);
      const answer = { route, headers: headers as Record<string, HeaderValue>, parts, bytes };
      entries.set(fill.key, { ...answer, version: fill.version, storedAt: fill.storedAt });
    }
    done(null, parts.length === 1 ? payload : parts.join(request.csrfToken()));
  });

  return {
    fresh: (locale, url) =>
      fresh(`${locale} ${url}`, deps.clock.now().epochMilliseconds, deps.version.current),
  };
}

/** The stored answers, for serving them outside Fastify's hooks (web/cached-answers.ts). */
export type PageCache = {
  /** The answer stored for this language and URL (path and query), while it is fresh. */
  fresh(locale: Locale, url: string): CachedAnswer | undefined;
};

/**
 * The CSRF token to render into a page: the visitor's own, or, while the page is being rendered for the cache,
 * the placeholder that each visitor's token replaces on the way out.
 */
export function pageCsrfToken(request: FastifyRequest): string {
  return request.pageCacheFill ? TOKEN_PLACEHOLDER : request.csrfToken();
}

/** The language cookie is set (or not) by its own hook on every answer; any other cookie makes an answer personal. */
function setsOnlyLanguageCookie(reply: FastifyReply): boolean {
  const header = reply.getHeader('set-cookie');
  if (header === undefined) return true;
  const cookies = Array.isArray(header) ? header : [String(header)];
  return cookies.every((c) => c.startsWith(`${LOCALE_COOKIE}=`));
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Serve this route's anonymous GET answers from the page cache (see web/page-cache.ts). */
    pageCache?: boolean;
  }
  interface FastifyRequest {
    /** Set while this answer is being rendered for the page cache. */
    pageCacheFill: Fill | null;
  }
}
