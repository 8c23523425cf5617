import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';

describe('the catalog API', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags', { nl: 'Zakken', en: 'Bags' });
    await addProduct(t.ctx, { sku: 'B-1', nameNl: 'Zak één', nameEn: 'Bag one', priceCents: 1295 });
    await addProduct(t.ctx, { sku: 'B-2', nameNl: 'Zak twee', nameEn: 'Bag two', stock: 0 });
    await addProduct(t.ctx, { sku: 'B-3', nameNl: 'Verborgen', nameEn: 'Hidden', active: false });
    t.clock.advance({ hours: 72 });
    await addProduct(t.ctx, { sku: 'B-1', nameNl: 'Zak één', nameEn: 'Bag one', priceCents: 995 });
  });
  after(() => t.close());

  it('lists active products with prices in cents and the Omnibus lowest price', async () => {
    const res = await t.app.inject({ url: '/api/v1/products?lang=en' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.total, 2);
    const b1 = body.items.find((p: { sku: string }) => p.sku === 'B-1');
    assert.equal(b1.name, 'Bag one');
    assert.equal(b1.priceCents, 995);
    assert.equal(b1.lowest30DaysCents, 1295);
    assert.equal(b1.currency, 'EUR');
    assert.equal(body.items.find((p: { sku: string }) => p.sku === 'B-2').inStock, false);
    assert.equal('search_text' in b1, false);
  });

  it('finds products by text in either language', async () => {
    const res = await t.app.inject({ url: '/api/v1/products?q=twee' });
    assert.deepEqual(
      res.json().items.map((p: { sku: string }) => p.sku),
      ['B-2'],
    );
  });

  it('returns one product by SKU, and a 404 with a reason for an unknown one', async () => {
    assert.equal((await t.app.inject({ url: '/api/v1/products/B-1' })).json().sku, 'B-1');
    const missing = await t.app.inject({ url: '/api/v1/products/NOPE' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.id, 'not-found');
  });

  it('refuses a bad limit with 400 and says why', async () => {
    const res = await t.app.inject({ url: '/api/v1/products?limit=1000' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.id, 'invalid-input');
    assert.ok(res.json().error.fields.limit);
  });

  it('lists categories with their product counts, in the asked language', async () => {
    const res = await t.app.inject({ url: '/api/v1/categories?lang=nl' });
    assert.deepEqual(res.json().items, [{ slug: 'bags', name: 'Zakken', description: '', productCount: 2 }]);
    const one = await t.app.inject({ url: '/api/v1/categories/bags' });
    assert.equal(one.json().total, 2);
    assert.equal((await t.app.inject({ url: '/api/v1/categories/nope' })).statusCode, 404);
  });

  it('describes itself in an OpenAPI 3.1 document and a readable reference page', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/v1/products']);
    assert.ok(doc.paths['/api/v1/products/{sku}']);
    assert.ok(doc.paths['/api/v1/categories']);
    assert.equal(doc.paths['/metrics'], undefined);
    const page = await t.app.inject({ url: '/api/docs' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /GET \/api\/v1\/products/);
  });

  it('exposes Prometheus metrics including request counts', async () => {
    await t.app.inject({ url: '/api/v1/products' });
    const res = await t.app.inject({ url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      /toonbank_http_requests_total\{method="GET",route="\/api\/v1\/products",status="200"\} \d+/,
    );
    assert.match(res.body, /toonbank_process_cpu_seconds_total/);
  });
});
