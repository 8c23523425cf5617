import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';

/** A browser-like visitor: keeps cookies and reads the form token from the last page. */
function visitor(t: TestApp) {
  const cookies: Record<string, string> = {};
  let token = '';
  const keep = <R extends { cookies: { name: string; value: string }[]; body: string }>(res: R): R => {
    for (const c of res.cookies) cookies[c.name] = c.value;
    const m = res.body.match(/name="_csrf" value="([^"]+)"/);
    if (m) token = m[1]!;
    return res;
  };
  return {
    cookies,
    get: async (url: string) => keep(await t.app.inject({ url, cookies })),
    post: async (url: string, form: Record<string, string>) =>
      keep(
        await t.app.inject({
          method: 'POST',
          url,
          cookies,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
          payload: new URLSearchParams({ _csrf: token, ...form }).toString(),
        }),
      ),
  };
}

describe('the cart', () => {
  let t: TestApp;
  let slug: string;
  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
    await addProduct(t.ctx, {
      sku: 'B-1',
      nameNl: 'Zak',
      nameEn: 'Bag',
      priceCents: 1210,
      vatRate: 21,
      stock: 3,
    });
    await addProduct(t.ctx, {
      sku: 'C-1',
      nameNl: 'Bonen',
      nameEn: 'Beans',
      priceCents: 1090,
      vatRate: 9,
      stock: 9,
      mailboxFit: false,
    });
    slug = (
      await t.db.selectFrom('products').select('slug').where('sku', '=', 'B-1').executeTakeFirstOrThrow()
    ).slug;
  });
  after(() => t.close());

  it('adds a product from its page without an account, and shows totals with the VAT included', async () => {
    const v = visitor(t);
    const page = await v.get(`/p/${slug}?lang=en`);
    assert.match(page.body, /Add to cart<span class="sr-only">: Bag<\/span>/);
    const added = await v.post('/cart/lines', { sku: 'B-1', quantity: '2' });
    assert.equal(added.statusCode, 303);
    assert.equal(added.headers.location, '/cart?added=B-1');
    const cookie = added.cookies.find((c) => c.name === 'tb_cart');
    assert.ok(cookie?.httpOnly);
    await v.post('/cart/lines', { sku: 'C-1' });
    const cart = await v.get('/cart?added=B-1');
    assert.match(cart.body, /Bag is in your cart\./);
    assert.match(cart.body, /Total \(incl\. VAT\)<\/dt><dd><strong>€35\.10<\/strong>/);
    assert.match(cart.body, /Of which 21% VAT<\/dt><dd>€4\.20/);
    assert.match(cart.body, /Of which 9% VAT<\/dt><dd>€0\.90/);
  });

  it('adds to an existing line, warns when stock is short, and removes a line with quantity 0', async () => {
    const v = visitor(t);
    await v.get(`/p/${slug}`);
    await v.post('/cart/lines', { sku: 'B-1', quantity: '2' });
    await v.post('/cart/lines', { sku: 'B-1', quantity: '2' });
    const cart = await v.get('/cart?lang=en');
    assert.match(cart.body, /value="4"/);
    assert.match(cart.body, /Only 3 in stock/);
    const removed = await v.post('/cart/lines/B-1', { quantity: '0' });
    assert.equal(removed.statusCode, 303);
    assert.match((await v.get('/cart')).body, /Your cart is empty\./);
  });

  it('refuses an unknown product or a silly quantity with a clear message and adds nothing', async () => {
    const v = visitor(t);
    await v.get(`/p/${slug}?lang=en`);
    const unknown = await v.post('/cart/lines', { sku: 'NOPE' });
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /This product does not exist/);
    const silly = await v.post('/cart/lines', { sku: 'B-1', quantity: '1000' });
    assert.equal(silly.statusCode, 422);
    assert.match(silly.body, /Choose a quantity from 1 to 99\./);
    assert.equal(v.cookies.tb_cart, undefined);
  });

  it('refuses a cross-site post', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/cart/lines',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      payload: 'sku=B-1',
    });
    assert.equal(res.statusCode, 403);
  });

  it('works through the API: create, add lines, read totals', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/carts' });
    assert.equal(created.statusCode, 201);
    const { id } = created.json();
    const add = await t.app.inject({
      method: 'POST',
      url: `/api/v1/carts/${id}/lines`,
      payload: { sku: 'B-1', quantity: 1 },
    });
    assert.equal(add.statusCode, 200);
    assert.equal(add.json().totalCents, 1210);
    const cart = await t.app.inject({ url: `/api/v1/carts/${id}?lang=en` });
    assert.deepEqual(cart.json().lines, [
      {
        sku: 'B-1',
        name: 'Bag',
        quantity: 1,
        unitPriceCents: 1210,
        lineTotalCents: 1210,
        vatRate: 21,
        inStock: true,
      },
    ]);
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/carts/${id}/lines`,
      payload: { sku: 'B-1', quantity: 0 },
    });
    assert.equal(bad.statusCode, 400);
    const unknownSku = await t.app.inject({
      method: 'POST',
      url: `/api/v1/carts/${id}/lines`,
      payload: { sku: 'X', quantity: 1 },
    });
    assert.equal(unknownSku.statusCode, 422);
    assert.equal(unknownSku.json().error.id, 'validation-failed');
    const missing = await t.app.inject({ url: '/api/v1/carts/AAAAAAAAAAAAAAAAAAAAAA' });
    assert.equal(missing.statusCode, 404);
  });
});
