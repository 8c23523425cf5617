import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { nonFinite } from './finite-numbers.ts';

describe('numbers that are not finite', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
    await addProduct(t.ctx, { sku: 'INF-1', nameNl: 'Zak', nameEn: 'Bag', priceCents: 500, stock: 5 });
  });
  after(() => t.close());

  it('finds the first one, a few levels deep', () => {
    assert.equal(nonFinite({ limit: 10, q: 'Infinity' }, 'querystring'), null);
    assert.equal(nonFinite({ limit: Number.POSITIVE_INFINITY }, 'querystring'), 'querystring/limit');
    assert.equal(
      nonFinite({ lines: [{ quantity: 1 }, { quantity: Number.NaN }] }, 'body'),
      'body/lines/1/quantity',
    );
  });

  it('answers 400 with the field, not 500, where coercion would pass Infinity to the database', async () => {
    for (const url of [
      '/api/v1/products?limit=Infinity',
      '/api/v1/products?limit=1e309',
      '/api/v1/products?offset=-Infinity',
      '/api/v1/lookup?q=fc8520&limit=1e309',
    ]) {
      const res = await t.app.inject({ url, headers: { 'accept-language': 'en' } });
      assert.equal(res.statusCode, 400, url);
      const { error } = res.json() as {
        error: { id: string; reason: string; fields: Record<string, string> };
      };
      assert.equal(error.id, 'invalid-input', url);
      assert.match(error.reason, /^querystring\/(limit|offset) must be a finite number$/, url);
      assert.deepEqual(Object.values(error.fields), ['must be a finite number'], url);
    }
    // a text that reads as a number stays a text
    assert.equal((await t.app.inject('/api/v1/products?q=Infinity')).statusCode, 200);
  });

  it('refuses 1e309 in a JSON body too (Ajv, without coercion) and writes nothing', async () => {
    const cart = await t.app.inject({ method: 'POST', url: '/api/v1/carts', payload: {} });
    const { id } = cart.json() as { id: string };
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/carts/${id}/lines`,
      payload: '{"sku":"INF-1","quantity":1e309}',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(res.statusCode, 400);
    assert.match((res.json() as { error: { reason: string } }).error.reason, /^body\/quantity must be/);
    const lines = await t.db.selectFrom('cart_lines').select('quantity').where('cart_id', '=', id).execute();
    assert.deepEqual(lines, []);
  });
});
