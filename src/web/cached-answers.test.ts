import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyBaseLogger } from 'fastify';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { csrfIn } from '../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { cachedAnswers, serverAnsweringFirst } from './cached-answers.ts';
import type { CsrfTokens } from './csrf.ts';
import { HttpMetrics } from './http-metrics.ts';
import type { CachedAnswer } from './page-cache.ts';

/** A stored body cut where the CSRF token goes. */
function bodyOf(...parts: string[]): Pick<CachedAnswer, 'parts' | 'bytes'> {
  return { parts, bytes: parts.reduce((sum, part) => sum + Buffer.byteLength(part), 0) };
}

describe('answers from the page cache in front of Fastify', () => {
  const stored = new Map<string, CachedAnswer>();
  const csrf: CsrfTokens = {
    cookieName: 'tb_csrf',
    seedIn: (value) => (value && value.length >= 22 ? value : null),
    newSeed: () => ({ seed: 'n'.repeat(24), token: `token-of-${'n'.repeat(24)}` }),
    tokenFor: (seed) => `token-of-${seed}`,
    setCookie: (seed) => `tb_csrf=${seed}; Path=/; HttpOnly; SameSite=Strict`,
  };
  let metrics: HttpMetrics;
  let cached: ReturnType<typeof cachedAnswers>;
  let base: string;
  const server = serverAnsweringFirst(
    {},
    (req, res) => cached(req, res),
    (_req, res) => {
      res.writeHead(299).end('fastify');
    },
  );
  before(async () => {
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((closed) => server.close(() => closed())));
  beforeEach(() => {
    stored.clear();
    const page = (text: string): CachedAnswer => ({
      route: '/p/:slug',
      headers: { 'content-type': 'text/html; charset=utf-8', 'x-frame-options': 'SAMEORIGIN' },
      ...bodyOf(`<p>${text}</p><input value="`, '">'),
    });
    stored.set('nl /p/zak', page('Zak €'));
    stored.set('en /p/zak', page('Bag €'));
    stored.set('nl /api/v1/products/B-1', {
      route: '/api/v1/products/:sku',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      ...bodyOf('{"sku":"B-1"}'),
    });
    metrics = new HttpMetrics();
    cached = cachedAnswers({
      cache: { fresh: (locale, url) => stored.get(`${locale} ${url}`) },
      csrf,
      metrics,
      defaultLocale: 'nl',
      log: { level: 'silent' } as FastifyBaseLogger,
    });
  });

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(`${base}${path}`, { method, headers });

  it('answers a stored page with its headers, a token and a seed cookie for a browser without one', async () => {
    const res = await get('/p/zak');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal(
      res.headers.get('set-cookie'),
      `tb_csrf=${'n'.repeat(24)}; Path=/; HttpOnly; SameSite=Strict`,
    );
    const body = await res.text();
    assert.equal(body, `<p>Zak &#8364;</p><input value="token-of-${'n'.repeat(24)}">`, 'in ASCII');
    assert.equal(Number(res.headers.get('content-length')), Buffer.byteLength(body));
  });

  it('gives a returning browser the token of its own seed and no cookie', async () => {
    const seed = 's'.repeat(24);
    const res = await get('/p/zak', { cookie: `lang=en; tb_csrf=${seed}` });
    assert.equal(res.headers.get('set-cookie'), null);
    assert.equal(await res.text(), `<p>Bag &#8364;</p><input value="token-of-${seed}">`);
  });

  it('picks the language from the cookie, then Accept-Language, then the default', async () => {
    assert.match(await (await get('/p/zak', { 'accept-language': 'en-GB,en;q=0.9' })).text(), /Bag/);
    assert.match(await (await get('/p/zak', { cookie: 'lang=nl', 'accept-language': 'en' })).text(), /Zak/);
    assert.match(await (await get('/p/zak')).text(), /Zak/);
  });

  it('sends JSON as stored, without a cookie, and counts every answer in the metrics', async () => {
    const res = await get('/api/v1/products/B-1');
    assert.equal(await res.text(), '{"sku":"B-1"}');
    assert.equal(res.headers.get('set-cookie'), null);
    await get('/p/zak');
    const text = metrics.exposition();
    assert.match(text, /requests_total\{method="GET",route="\/api\/v1\/products\/:sku",status="200"\} 1/);
    assert.match(text, /requests_total\{method="GET",route="\/p\/:slug",status="200"\} 1/);
  });

  for (const [what, path, headers, method] of [
    ['a HEAD request', '/p/zak', {}, 'HEAD'],
    ['a post', '/p/zak', {}, 'POST'],
    ['a query string', '/p/zak?lang=en', {}, 'GET'],
    ['any other cookie (a session, a cart)', '/p/zak', { cookie: 'tb_csrf=abc; tb_customer=x' }, 'GET'],
    ['a cookie sent twice', '/p/zak', { cookie: 'lang=en; lang=nl' }, 'GET'],
    ['a cookie value that needs decoding', '/p/zak', { cookie: 'lang=%65n' }, 'GET'],
    ['nothing stored', '/p/other', {}, 'GET'],
  ] as const) {
    it(`leaves ${what} to Fastify`, async () => {
      const res = await get(path, headers, method);
      assert.equal(res.status, 299);
    });
  }

  it('leaves everything to Fastify once the app is closing', async () => {
    cached.close();
    assert.equal((await get('/p/zak')).status, 299);
  });
});

describe('the shop over HTTP, its cache hits answered in front of Fastify', () => {
  let t: TestApp;
  let base: string;
  let page: string;
  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
    await addProduct(t.ctx, { sku: 'B-1', nameNl: 'Zak – groot', nameEn: 'Bag', stock: 5 });
    page = `/p/${(await t.db.selectFrom('products').select('slug').executeTakeFirstOrThrow()).slug}`;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  after(() => t.close());

  const headersOf = (res: Response) =>
    Object.fromEntries(
      [...res.headers].filter(([name]) => !['date', 'set-cookie', 'content-length'].includes(name)),
    );
  /** What a reader makes of a body: HTML with its character references decoded, JSON parsed. */
  const meaning = (body: string) =>
    body.startsWith('{')
      ? JSON.parse(body)
      : body.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));

  for (const path of ['page', '/api/v1/products/B-1']) {
    it(`answers ${path} as Fastify does: same status, headers and body (in ASCII)`, async () => {
      const url = `${base}${path === 'page' ? page : path}`;
      const seed = (await fetch(`${base}${page}`)).headers.get('set-cookie')?.split(';')[0] ?? '';
      const rendered = await fetch(url, { headers: { cookie: seed } });
      const plain = await fetch(url, { headers: { cookie: seed } });
      const viaFastify = await fetch(url, { headers: { cookie: `${seed}; other=1` } });
      const body = await plain.text();
      assert.equal(plain.status, 200);
      assert.deepEqual(headersOf(plain), headersOf(rendered));
      assert.deepEqual(headersOf(plain), headersOf(viaFastify));
      assert.doesNotMatch(body, /[\u0080-\uffff]/);
      assert.equal(Number(plain.headers.get('content-length')), body.length);
      assert.deepEqual(meaning(body), meaning(await rendered.text()));
      assert.deepEqual(meaning(body), meaning(await viaFastify.text()));
    });
  }

  it('gives a new visitor a seed cookie and a token that the form post accepts', async () => {
    await fetch(`${base}${page}`);
    const res = await fetch(`${base}${page}`);
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^tb_csrf=[\w-]{22}; Path=\/; HttpOnly; SameSite=Strict$/);
    const token = csrfIn(await res.text());
    assert.ok(token);
    const post = (csrfToken: string) =>
      fetch(`${base}/cart/lines`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie: cookie.split(';')[0]!,
          'content-type': 'application/x-www-form-urlencoded',
          'sec-fetch-site': 'same-origin',
        },
        body: new URLSearchParams({ sku: 'B-1', quantity: '1', _csrf: csrfToken }).toString(),
      });
    assert.equal((await post(token)).status, 303);
    assert.equal((await post(`${token.slice(0, -2)}xx`)).status, 403);
  });
});
