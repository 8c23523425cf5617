import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeader,
  type Server,
  type ServerResponse,
} from 'node:http';
import { performance } from 'node:perf_hooks';
import type { FastifyBaseLogger } from 'fastify';
import type { Locale } from '../config.ts';
import { asciiParts } from './ascii-body.ts';
import type { CsrfTokens } from './csrf.ts';
import type { HttpMetrics } from './http-metrics.ts';
import { LOCALE_COOKIE, resolveLocale } from './i18n/locale.ts';
import type { CachedAnswer, PageCache } from './page-cache.ts';

export type RawHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Answers plain anonymous GETs straight from the page cache, before Fastify builds its request, routes it and runs
 * its hooks: that work costs more than the answer itself. "Plain" means no query string and no cookie but the
 * language and the CSRF seed; anything else (a session, a cart, `?lang=`, HEAD, a stale or missing answer) returns
 * false untouched, and Fastify handles it as usual, its own hooks serving the cache there.
 *
 * The answer is the one Fastify sent when it was stored: the same status, headers (security headers included) and
 * body (in ASCII, see `asciiParts`), with this visitor's CSRF token and, for a browser without a seed, the same Set-Cookie. It is counted in the
 * request metrics and, when the log level is info or lower, logged.
 */
export function cachedAnswers(deps: {
  cache: PageCache;
  csrf: CsrfTokens;
  metrics: HttpMetrics;
  defaultLocale: Locale;
  log: FastifyBaseLogger;
}): RawHandler & { close(): void } {
  const { cache, csrf, metrics } = deps;
  const logs = ['trace', 'debug', 'info'].includes(String(deps.log.level));
  const prepared = new WeakMap<CachedAnswer, Prepared>();
  let closing = false;
  const handler = (req: IncomingMessage, res: ServerResponse): boolean => {
    const started = performance.now();
    const url = req.url;
    if (closing || req.method !== 'GET' || url === undefined || url.includes('?')) return false;
    const cookies = plainCookies(req.headers.cookie, csrf.cookieName);
    if (!cookies) return false;
    const { locale } = resolveLocale(
      { cookie: cookies.lang, acceptLanguage: req.headers['accept-language'] },
      deps.defaultLocale,
    );
    const answer = cache.fresh(locale, url);
    if (!answer) return false;
    let header = prepared.get(answer);
    if (!header) {
      header = prepare(answer);
      prepared.set(answer, header);
    }
    const { parts } = header;
    let body = parts[0]!;
    let length = header.bytes;
    let list = header.plain;
    if (parts.length > 1) {
      const seed = csrf.seedIn(cookies.seed);
      let token: string; // ASCII: one byte per character
      if (seed) token = csrf.tokenFor(seed);
      else {
        const issued = csrf.newSeed();
        token = issued.token;
        list = header.withCookie;
        list[list.length - 1] = csrf.setCookie(issued.seed);
      }
      body = parts.join(token);
      length += token.length * (parts.length - 1);
    }
    list[LENGTH_AT] = length;
    res.writeHead(200, list); // reads the list before it returns, so the next request may fill it anew
    res.end(body);
    const ms = performance.now() - started;
    metrics.observe('GET', answer.route, 200, ms / 1000);
    if (logs)
      deps.log.info(
        { req: { method: 'GET', url }, res: { statusCode: 200 }, responseTime: ms },
        'page cache',
      );
    return true;
  };
  return Object.assign(handler, {
    close: () => {
      closing = true;
    },
  });
}

/** Where a header list holds the content length's value: the lists start with it. */
const LENGTH_AT = 1;

/**
 * What a stored answer is written with, made once per answer: its headers as the flat name/value list that
 * `writeHead` takes (building a header object per request costs more than the rest of the answer; the content
 * length and the cookie are filled in per request), and its body parts in ASCII where that can be done (see
 * `asciiParts`) with their length in bytes.
 */
type Prepared = {
  plain: OutgoingHttpHeader[];
  withCookie: OutgoingHttpHeader[];
  parts: string[];
  bytes: number;
};

function prepare(answer: CachedAnswer): Prepared {
  const plain: OutgoingHttpHeader[] = ['content-length', 0];
  for (const [name, value] of Object.entries(answer.headers)) plain.push(name, value);
  const contentType = answer.headers['content-type'];
  const ascii = asciiParts(typeof contentType === 'string' ? contentType : undefined, answer.parts);
  return {
    plain,
    withCookie: [...plain, 'set-cookie', ''],
    parts: ascii ?? answer.parts,
    bytes: ascii ? ascii.reduce((sum, part) => sum + part.length, 0) : answer.bytes,
  };
}

/**
 * The language and CSRF seed cookies of a request, or null when it has any other cookie (which may make the answer
 * personal), a cookie twice, or a value that would need decoding.
 */
function plainCookies(header: string | undefined, seedName: string): { lang?: string; seed?: string } | null {
  if (!header) return {};
  const found: { lang?: string; seed?: string } = {};
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (at < 0 || value.includes('%') || value.includes('"')) return null;
    const which = name === LOCALE_COOKIE ? 'lang' : name === seedName ? 'seed' : null;
    if (!which || found[which] !== undefined) return null;
    found[which] = value;
  }
  return found;
}

/**
 * The HTTP/1 server Fastify would make with these options (its timeouts included), letting `first` answer a request
 * before Fastify's handler gets it. For Fastify's `serverFactory` option. Should `first` fail, the failure is logged
 * and Fastify answers, unless an answer was already under way.
 */
export function serverAnsweringFirst(
  options: {
    keepAliveTimeout?: number;
    requestTimeout?: number;
    connectionTimeout?: number;
    maxRequestsPerSocket?: number;
    logger?: Pick<FastifyBaseLogger, 'error'>;
  },
  first: RawHandler,
  fastify: (req: IncomingMessage, res: ServerResponse) => void,
): Server {
  const server = createServer((req, res) => {
    try {
      if (first(req, res)) return;
    } catch (err) {
      options.logger?.error({ err }, 'answering from the page cache failed');
      if (res.headersSent) return void res.destroy();
    }
    fastify(req, res);
  });
  if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
  if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
  server.setTimeout(options.connectionTimeout ?? 0);
  if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
  return server;
}
