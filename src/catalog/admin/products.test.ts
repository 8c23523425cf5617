import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, createStaff, signedIn } from '../../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

const INJECTION = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';

const product = {
  sku: 'KOF-001',
  nameNl: 'Ontkalker',
  nameEn: 'Descaler',
  descriptionNl: 'Voor koffiemachines.',
  descriptionEn: 'For coffee machines.',
  categorySlug: 'koffie',
  price: '12,95',
  vatRate: '21',
  stock: '5',
  weightGrams: '250',
  lengthMm: '',
  widthMm: '',
  heightMm: '',
  active: 'on',
};

describe('products in the admin', () => {
  let t: TestApp;
  let owner: Browser;
  const counts = async () => ({
    products: (await t.db.selectFrom('products').select('id').execute()).length,
    prices: (await t.db.selectFrom('price_history').select('id').execute()).length,
  });
  before(async () => {
    t = await startTestApp();
    await createStaff(t.db, { email: 'owner@example.nl' });
    owner = await signedIn(t.app, 'owner@example.nl');
    const res = await owner.submit(
      '/admin/categories/new',
      { slug: 'koffie', nameNl: 'Koffie', nameEn: 'Coffee', position: '1' },
      '/admin/categories',
    );
    assert.equal(res.statusCode, 303);
  });
  after(() => t.close());

  it('re-renders a bad new product with the typed values and a message per field, and writes nothing', async () => {
    const res = await owner.submit(
      '/admin/products/new',
      { ...product, nameNl: '', price: '12,955', stock: 'veel', categorySlug: 'bestaat-niet' },
      '/admin/products',
    );
    assert.equal(res.statusCode, 422);
    for (const field of ['nameNl', 'price', 'stock', 'categorySlug']) {
      assert.match(res.body, new RegExp(`aria-describedby="[^"]*${field}-error"`), field);
      assert.match(res.body, new RegExp(`id="${field}-error"`), field);
    }
    assert.match(res.body, /value="12,955"/);
    assert.match(res.body, /value="veel"/);
    assert.match(res.body, /Naam \(Nederlands\) is leeg maar verplicht/);
    assert.match(res.body, /role="alert"/);
    assert.deepEqual(await counts(), { products: 0, prices: 0 });
  });

  it('creates a product from a euro price and refuses its SKU a second time', async () => {
    const res = await owner.submit('/admin/products/new', product, '/admin/products');
    assert.equal(res.statusCode, 303);
    const row = await t.db
      .selectFrom('products')
      .selectAll()
      .where('sku', '=', 'KOF-001')
      .executeTakeFirstOrThrow();
    assert.equal(row.price_cents, 1295);
    assert.equal(row.active, 1);
    assert.equal(row.mailbox_fit, 0);
    assert.equal(res.headers.location, `/admin/products/${row.id}?done=saved`);
    const twice = await owner.submit('/admin/products/new', product, '/admin/products');
    assert.equal(twice.statusCode, 422);
    assert.match(twice.body, /id="sku-error"/);
    assert.deepEqual(await counts(), { products: 1, prices: 1 });
  });

  it('records a price change in the history and shows it on the edit page', async () => {
    const { id } = await t.db
      .selectFrom('products')
      .select('id')
      .where('sku', '=', 'KOF-001')
      .executeTakeFirstOrThrow();
    t.clock.advance({ minutes: 5 });
    const res = await owner.submit(`/admin/products/${id}`, { ...product, price: '9.95', sku: 'IGNORED' });
    assert.equal(res.statusCode, 303);
    const history = await t.db
      .selectFrom('price_history')
      .select('price_cents')
      .where('product_id', '=', id)
      .orderBy('valid_from')
      .execute();
    assert.deepEqual(
      history.map((h) => h.price_cents),
      [1295, 995],
    );
    const page = await owner.get(`/admin/products/${id}?lang=en`);
    assert.match(page.body, /Price history/);
    assert.match(page.body, /€9\.95/);
    assert.match(page.body, /€12\.95/);
    assert.equal(
      (await t.db.selectFrom('products').select('sku').where('id', '=', id).executeTakeFirstOrThrow()).sku,
      'KOF-001',
    );

    const unchanged = await owner.submit(`/admin/products/${id}`, {
      ...product,
      price: '9,95',
      active: null,
    });
    assert.equal(unchanged.statusCode, 303);
    assert.equal((await counts()).prices, 2, 'saving the same price adds no history row');
    const hidden = await t.db
      .selectFrom('products')
      .select('active')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(hidden.active, 0, 'an unticked box means hidden');
  });

  it('re-renders a bad edit with per-field errors and changes nothing', async () => {
    const before = await t.db
      .selectFrom('products')
      .selectAll()
      .where('sku', '=', 'KOF-001')
      .executeTakeFirstOrThrow();
    const res = await owner.submit(`/admin/products/${before.id}`, {
      ...product,
      price: '-3',
      weightGrams: '',
      mailboxFit: 'on',
      lengthMm: '900',
      widthMm: '900',
      heightMm: '900',
    });
    assert.equal(res.statusCode, 422);
    for (const field of ['price', 'weightGrams', 'mailboxFit'])
      assert.match(res.body, new RegExp(`id="${field}-error"`), field);
    const after = await t.db
      .selectFrom('products')
      .selectAll()
      .where('id', '=', before.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(after, before);
  });

  it('refuses a cross-site post and a post without its token with 403, writing nothing', async () => {
    await owner.get('/admin/products/new');
    const fields = { ...product, sku: 'EVIL-1' };
    const crossSite = await owner.post('/admin/products', fields, { 'sec-fetch-site': 'cross-site' });
    assert.equal(crossSite.statusCode, 403);
    const otherOrigin = await owner.post('/admin/products', fields, { origin: 'https://evil.example' });
    assert.equal(otherOrigin.statusCode, 403);
    const noToken = await owner.post('/admin/products', { ...fields, _csrf: null });
    assert.equal(noToken.statusCode, 403);
    assert.equal(
      await t.db.selectFrom('products').select('id').where('sku', '=', 'EVIL-1').executeTakeFirst(),
      undefined,
    );
  });

  it('finds products by SKU or name, hidden ones too', async () => {
    assert.match((await owner.get('/admin/products?q=kof-001')).body, /KOF-001/);
    assert.match((await owner.get('/admin/products?q=ontkalk')).body, /KOF-001/);
    assert.doesNotMatch((await owner.get('/admin/products?q=stofzuiger')).body, /KOF-001/);
  });

  it('shows an injection typed into a name as text in the admin and the storefront', async () => {
    const res = await owner.submit(
      '/admin/products/new',
      { ...product, sku: 'XSS-1', nameNl: INJECTION, nameEn: INJECTION, descriptionNl: INJECTION },
      '/admin/products',
    );
    assert.equal(res.statusCode, 303);
    const row = await t.db
      .selectFrom('products')
      .select(['id', 'slug', 'name_nl'])
      .where('sku', '=', 'XSS-1')
      .executeTakeFirstOrThrow();
    assert.equal(row.name_nl, INJECTION, 'stored as typed');
    const pages = [
      await owner.get('/admin/products'),
      await owner.get(`/admin/products/${row.id}`),
      await owner.get(`/p/${row.slug}`),
      await owner.get('/search?q=script+alert'),
    ];
    for (const page of pages) {
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /<script>alert/);
      assert.doesNotMatch(page.body, /<img src=x/);
      assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script>|&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    }
  });
});
