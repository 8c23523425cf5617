import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { Browser, csrfIn } from '../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { fixedClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { DataVersion } from '../db/data-version.ts';
import { registerCsrf } from './csrf.ts';
import { PAGE_CACHE_TTL_MS, pageCsrfToken, registerPageCache } from './page-cache.ts';

describe('the page cache in the shop', () => {
  let t: TestApp;
  let slug: string;
  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags', { nl: 'Zakken', en: 'Bags' });
    await addProduct(t.ctx, { sku: 'B-1', nameNl: 'Zak', nameEn: 'Bag', priceCents: 1295, stock: 5 });
    slug = (await t.db.selectFrom('products').select('slug').executeTakeFirstOrThrow()).slug;
  });
  after(() => t.close());

  it('shows a new price at once after a write, on the page and in the API', async () => {
    for (let i = 0; i < 2; i++) {
      assert.match((await t.app.inject({ url: `/p/${slug}?lang=en` })).body, /12\.95/);
      assert.equal((await t.app.inject({ url: '/api/v1/products/B-1' })).json().priceCents, 1295);
    }
    await addProduct(t.ctx, { sku: 'B-1', nameNl: 'Zak', nameEn: 'Bag', priceCents: 995, stock: 5 });
    assert.match((await t.app.inject({ url: `/p/${slug}?lang=en` })).body, /9\.95/);
    assert.equal((await t.app.inject({ url: '/api/v1/products/B-1' })).json().priceCents, 995);
  });

  it('shows a sale at once: the stock and the category counts follow a write', async () => {
    assert.match((await t.app.inject({ url: '/?lang=en' })).body, /1 product/);
    await addProduct(t.ctx, { sku: 'B-2', nameNl: 'Zak twee', nameEn: 'Bag two', stock: 0 });
    assert.match((await t.app.inject({ url: '/?lang=en' })).body, /2 products/);
    await t.db.updateTable('products').set({ stock: 0 }).where('sku', '=', 'B-1').execute();
    assert.equal((await t.app.inject({ url: '/api/v1/products/B-1' })).json().inStock, false);
  });

  it('gives every visitor their own CSRF token, also from a cached page, and each one works', async () => {
    const visitors = [new Browser(t.app), new Browser(t.app), new Browser(t.app)];
    const tokens: string[] = [];
    for (const visitor of visitors) {
      const page = await visitor.get(`/p/${slug}`);
      assert.equal(page.statusCode, 200);
      const token = csrfIn(page.body);
      assert.ok(token && !token.startsWith('csrf-placeholder'), 'a real token in the form');
      tokens.push(token);
    }
    assert.equal(new Set(tokens).size, 3, 'three visitors, three tokens');
    // a returning visitor gets the token of their own cookie back
    assert.equal(csrfIn((await visitors[0]!.get(`/p/${slug}`)).body), tokens[0]);
    for (const visitor of visitors) {
      const added = await visitor.post('/cart/lines', { sku: 'B-2', quantity: '1' });
      assert.notEqual(added.statusCode, 403, 'the token of the cached page is accepted');
    }
    const forged = await visitors[1]!.post('/cart/lines', { sku: 'B-2', quantity: '1', _csrf: tokens[0]! });
    assert.equal(forged.statusCode, 403, "another visitor's token is refused");
  });

  it('answers from the cache with the same headers as when rendering', async () => {
    const fresh = await t.app.inject({ url: `/p/${slug}?lang=nl` });
    const cached = await t.app.inject({ url: `/p/${slug}?lang=nl` });
    const names = (res: typeof fresh) => Object.keys(res.headers).sort();
    assert.deepEqual(names(cached), names(fresh));
    for (const name of names(fresh)) {
      if (name === 'date' || name === 'set-cookie') continue;
      assert.equal(cached.headers[name], fresh.headers[name], name);
    }
    assert.deepEqual(cached.cookies.map((c) => c.name).sort(), fresh.cookies.map((c) => c.name).sort());
  });
});

describe('the page cache rules', () => {
  let app: FastifyInstance;
  let clock: ReturnType<typeof fixedClock>;
  let version: DataVersion;
  let renders: number;

  beforeEach(async () => {
    clock = fixedClock('2026-11-30T12:00:00Z');
    version = new DataVersion();
    renders = 0;
    const config = loadConfig(
      { LOG_LEVEL: 'silent' },
      { sessionSecret: randomBytes(32).toString('hex'), publicUrl: 'http://shop.test' },
    );
    app = Fastify();
    await app.register(cookie);
    app.decorateRequest('locale', 'nl');
    app.decorateRequest('staff', null);
    app.addHook('onRequest', async (request) => {
      request.locale = request.headers['x-lang'] === 'en' ? 'en' : 'nl';
      const staff = request.headers['x-staff'];
      if (typeof staff === 'string') request.staff = { id: staff, name: staff } as typeof request.staff;
    });
    registerPageCache(app, { clock, version });
    registerCsrf(app, config);
    app.get('/page', { config: { pageCache: true } }, async (request, reply) => {
      renders++;
      if (request.headers['x-cookie']) reply.setCookie('other', 'x');
      reply.type('text/html; charset=utf-8');
      return `<p>render ${renders} for ${request.staff?.name ?? 'a visitor'} in ${request.locale}</p>
        <input name="_csrf" value="${pageCsrfToken(request)}">`;
    });
    app.get('/missing', { config: { pageCache: true } }, async (_request, reply) => {
      renders++;
      return reply.status(404).send('gone');
    });
    app.get('/uncached', async () => `render ${++renders}`);
    app.get('/euro', { config: { pageCache: true } }, async (request, reply) => {
      renders++;
      reply.type('text/html; charset=utf-8');
      return `<p>€ 12,95 — één</p><input name="_csrf" value="${pageCsrfToken(request)}"><p>…</p>`;
    });
  });
  afterEach(() => app.close());

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

  it('serves a stored answer for two seconds, then renders again', async () => {
    await get('/page');
    clock.advance({ milliseconds: PAGE_CACHE_TTL_MS - 1 });
    assert.match((await get('/page')).body, /render 1 /);
    clock.advance({ milliseconds: 1 });
    assert.match((await get('/page')).body, /render 2 /);
  });

  it('renders again after any write to the database', async () => {
    await get('/page');
    version.bump();
    assert.match((await get('/page')).body, /render 2 /);
    assert.match((await get('/page')).body, /render 2 /);
  });

  it('never serves staff from the cache, and never stores what was rendered for staff', async () => {
    assert.match((await get('/page', { 'x-staff': 'Ann' })).body, /render 1 for Ann/);
    assert.match((await get('/page')).body, /render 2 for a visitor/);
    assert.match((await get('/page', { 'x-staff': 'Ann' })).body, /render 3 for Ann/);
    assert.match((await get('/page')).body, /render 2 for a visitor/);
  });

  it('keeps each language and page apart, and reads through for any other query', async () => {
    await get('/page?page=2');
    assert.match((await get('/page?page=2', { 'x-lang': 'en' })).body, /render 2 .* in en/);
    assert.match((await get('/page?page=2')).body, /render 1 .* in nl/);
    assert.match((await get('/page?q=bag')).body, /render 3 /);
    assert.match((await get('/page?q=bag')).body, /render 4 /);
  });

  it('stores neither failures nor answers that set a cookie of their own, nor unmarked routes', async () => {
    await get('/missing');
    await get('/missing');
    await get('/page', { 'x-cookie': '1' });
    assert.match((await get('/page')).body, /render 4 /);
    await get('/uncached');
    assert.equal((await get('/uncached')).body, 'render 6');
  });

  it('sends the same bytes from the cache as when rendering, text beyond ASCII included', async () => {
    const seed = (await get('/page')).cookies.find((c) => c.name === 'tb_csrf')?.value;
    const fresh = await get('/euro', { cookie: `tb_csrf=${seed}` });
    const cached = await get('/euro', { cookie: `tb_csrf=${seed}` });
    assert.equal(renders, 2, 'rendered once');
    assert.equal(cached.body, fresh.body);
    assert.match(cached.body, /^<p>€ 12,95 — één<\/p><input name="_csrf" value="[\w-]{22}"><p>…<\/p>$/);
    assert.equal(Number(cached.headers['content-length']), Buffer.byteLength(cached.body));
    assert.equal(cached.headers['content-type'], 'text/html; charset=utf-8');
  });

  it('fills in each visitor’s own token, and a CSRF cookie only for visitors without one', async () => {
    const first = await get('/page');
    const second = await get('/page');
    assert.match(second.body, /render 1 /);
    const tokenOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    assert.notEqual(tokenOf(first.body), tokenOf(second.body));
    const seed = second.cookies.find((c) => c.name === 'tb_csrf')?.value;
    assert.ok(seed);
    const again = await get('/page', { cookie: `tb_csrf=${seed}` });
    assert.equal(tokenOf(again.body), tokenOf(second.body));
    assert.equal(again.cookies.length, 0);
  });
});
