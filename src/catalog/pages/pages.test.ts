import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { addCategory, addProduct } from '../../../test/helpers/catalog-fixtures.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

describe('the storefront pages', () => {
  let t: TestApp;
  let slug: string;
  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags', { nl: 'Stofzuigerzakken', en: 'Vacuum bags' });
    await addProduct(t.ctx, {
      sku: 'B-1',
      nameNl: 'Zak <b>één</b>',
      nameEn: 'Bag one',
      priceCents: 1295,
      stock: 2,
    });
    t.clock.advance({ hours: 48 });
    await addProduct(t.ctx, {
      sku: 'B-1',
      nameNl: 'Zak <b>één</b>',
      nameEn: 'Bag one',
      priceCents: 995,
      stock: 2,
    });
    const row = await t.db
      .selectFrom('products')
      .select('slug')
      .where('sku', '=', 'B-1')
      .executeTakeFirstOrThrow();
    slug = row.slug;
  });
  after(() => t.close());

  it('shows the home page with the categories in Dutch', async () => {
    const res = await t.app.inject({ url: '/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Stofzuigerzakken/);
    assert.match(res.body, /href="\/c\/bags"/);
  });

  it('switches to English with ?lang=en and remembers it in a cookie', async () => {
    const res = await t.app.inject({ url: '/?lang=en' });
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /Vacuum bags/);
    const cookie = res.cookies.find((c) => c.name === 'lang');
    assert.equal(cookie?.value, 'en');
    const next = await t.app.inject({ url: '/', cookies: { lang: 'en' } });
    assert.match(next.body, /<html lang="en">/);
  });

  it('follows Accept-Language when nothing else decides', async () => {
    const res = await t.app.inject({ url: '/', headers: { 'accept-language': 'en-US,en;q=0.9,nl;q=0.5' } });
    assert.match(res.body, /<html lang="en">/);
  });

  it('shows a product with its price incl. VAT, stock state and the lowest price of 30 days', async () => {
    const res = await t.app.inject({ url: `/p/${slug}` });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /€\s9,95/);
    assert.match(res.body, /incl\. btw/);
    assert.match(res.body, /Nog 2 op voorraad/);
    assert.match(res.body, /Laagste prijs in de 30 dagen vóór de korting: €\s12,95/);
    assert.match(res.body, /Zak &lt;b>één&lt;\/b>/, 'names are escaped');
    // Monday 30 November, 13:00 in Amsterdam: a mailbox parcel dispatched today arrives on Tuesday
    assert.match(res.body, /<p class="promise">Vóór 23:59 besteld, morgen in je brievenbus<\/p>/);
  });

  it('lists a category and finds a product by search', async () => {
    const cat = await t.app.inject({ url: '/c/bags?lang=en' });
    assert.match(cat.body, /Bag one/);
    const search = await t.app.inject({ url: '/search?q=bag&lang=en' });
    assert.match(search.body, /1 results for “bag”/);
    const none = await t.app.inject({ url: '/search?q=zzzz&lang=en' });
    assert.match(none.body, /We found nothing for “zzzz”/);
  });

  it('answers an unknown page with a 404 page in the visitor’s language', async () => {
    const nl = await t.app.inject({ url: '/p/bestaat-niet' });
    assert.equal(nl.statusCode, 404);
    assert.match(nl.body, /Niet gevonden/);
    const en = await t.app.inject({ url: '/nothing-here?lang=en' });
    assert.equal(en.statusCode, 404);
    assert.match(en.body, /Not found/);
  });

  it('sends a strict content security policy and no tracking cookies', async () => {
    const res = await t.app.inject({ url: '/' });
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /base-uri 'none'/);
    assert.equal(res.headers['set-cookie'], undefined);
    assert.doesNotMatch(res.body, /https?:\/\/(?!localhost)[a-z0-9.-]+\.[a-z]{2,}\/[^"]*\.(js|css)/);
  });
});

describe('a failing page', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await sql`alter table categories rename to categories_gone`.execute(t.db);
  });
  after(() => t.close());

  it('gets a 500 page with an apology and a code in the visitor’s language, never the error itself', async () => {
    const res = await t.app.inject({ url: '/?lang=en' });
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /Sorry, something went wrong on our side/);
    assert.match(res.body, /Code: <code>[a-z0-9]+<\/code>/);
    assert.doesNotMatch(res.body, /categories|sqlite|relation|at \//i);
  });

  it('gets a JSON 500 with a machine id on the API', async () => {
    const res = await t.app.inject({ url: '/api/v1/categories' });
    assert.equal(res.statusCode, 500);
    assert.equal(res.json().error.id, 'internal');
    assert.doesNotMatch(res.body, /categories_gone|no such table|does not exist/);
  });
});
