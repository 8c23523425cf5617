import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../helpers/catalog-fixtures.ts';
import { createStaff, signedIn } from '../helpers/forms.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

/** RELIABILITY item 20: text that looks like markup or SQL is stored and shown as text, everywhere. */
const CORPUS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  '</title><script>alert(4)</script>',
  '<a href="javascript:alert(5)">x</a>',
  "'; drop table products; --",
];

const DANGEROUS = [/<script>alert/i, /<img src=x/i, /<svg onload/i, /<a href="javascript:/i];

function assertInert(body: string, where: string) {
  for (const pattern of DANGEROUS) assert.doesNotMatch(body, pattern, `${where} renders markup from input`);
}

describe('an injection corpus typed into every text field', () => {
  let t: TestApp;
  const slugs: string[] = [];
  before(async () => {
    t = await startTestApp();
    for (const [i, payload] of CORPUS.entries()) {
      await addCategory(t.ctx, `cat-${i}`, { nl: payload, en: payload });
      await addProduct(t.ctx, {
        sku: `INJ-${i}`,
        categorySlug: `cat-${i}`,
        nameNl: payload,
        nameEn: payload,
        descriptionNl: payload,
        descriptionEn: payload,
      });
    }
    for (const r of await t.db.selectFrom('products').select('slug').orderBy('sku').execute())
      slugs.push(r.slug);
    await createStaff(t.db, { email: 'owner@example.nl' });
  });
  after(() => t.close());

  it('keeps the database intact and the text exactly as typed', async () => {
    const rows = await t.db.selectFrom('products').select(['name_nl']).orderBy('sku').execute();
    assert.deepEqual(
      rows.map((r) => r.name_nl),
      CORPUS,
    );
  });

  it('shows it as text on the storefront in both languages', async () => {
    for (const lang of ['nl', 'en']) {
      for (const [i, slug] of slugs.entries()) {
        for (const url of [`/p/${slug}?lang=${lang}`, `/c/cat-${i}?lang=${lang}`, `/?lang=${lang}`]) {
          const res = await t.app.inject({ url });
          assert.equal(res.statusCode, 200, url);
          assertInert(res.body, url);
        }
      }
      for (const payload of CORPUS) {
        for (const url of [
          `/search?q=${encodeURIComponent(payload)}&lang=${lang}`,
          `/lookup?q=${encodeURIComponent(payload)}&lang=${lang}`,
        ]) {
          const res = await t.app.inject({ url });
          assert.ok(res.statusCode < 500, url);
          assertInert(res.body, url);
        }
      }
    }
  });

  it('shows it as text in the admin', async () => {
    const browser = await signedIn(t.app, 'owner@example.nl');
    const ids = await t.db.selectFrom('products').select('id').execute();
    for (const url of [
      '/admin/products',
      '/admin/categories',
      ...ids.map((r) => `/admin/products/${r.id}`),
    ]) {
      const res = await browser.get(url);
      assert.equal(res.statusCode, 200, url);
      assertInert(res.body, url);
    }
  });

  it('returns it unchanged as JSON data in the API', async () => {
    const res = await t.app.inject({ url: '/api/v1/products/INJ-0' });
    assert.equal(res.json().name, CORPUS[0]);
    assert.match(String(res.headers['content-type']), /^application\/json/);
  });
});
