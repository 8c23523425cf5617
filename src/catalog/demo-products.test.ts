import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoCategories, demoProducts, MAILBOX_LIMITS } from './demo-products.ts';

describe('demo products', () => {
  const products = demoProducts();
  const categories = demoCategories();

  it('gives the same catalogue on every call', () => {
    assert.deepEqual(demoProducts(), products);
    assert.deepEqual(demoCategories(), categories);
  });

  it('has about three hundred products in six to eight categories', () => {
    assert.ok(products.length >= 280 && products.length <= 320, `${products.length} products`);
    assert.ok(categories.length >= 6 && categories.length <= 8);
    assert.deepEqual(
      categories.map((category) => category.position),
      categories.map((_, index) => index + 1),
    );
  });

  it('puts every product in a known category and uses every category', () => {
    const slugs = new Set(categories.map((category) => category.slug));
    for (const product of products) assert.ok(slugs.has(product.categorySlug), product.sku);
    for (const slug of slugs)
      assert.ok(
        products.some((product) => product.categorySlug === slug),
        slug,
      );
  });

  it('gives every product a unique SKU with a category prefix and four digits', () => {
    assert.equal(new Set(products.map((product) => product.sku)).size, products.length);
    for (const product of products) assert.match(product.sku, /^[A-Z]{3}-\d{4}$/);
    const prefixBySlug = new Map<string, Set<string>>();
    for (const product of products) {
      const prefixes = prefixBySlug.get(product.categorySlug) ?? new Set();
      prefixes.add(product.sku.slice(0, 3));
      prefixBySlug.set(product.categorySlug, prefixes);
    }
    for (const [slug, prefixes] of prefixBySlug) assert.equal(prefixes.size, 1, slug);
  });

  it('prices in whole cents between €2.95 and €89.95, nearly all ending in 5 or 9', () => {
    for (const product of products) {
      assert.ok(Number.isInteger(product.priceCents), product.sku);
      assert.ok(
        product.priceCents >= 295 && product.priceCents <= 8995,
        `${product.sku} ${product.priceCents}`,
      );
    }
    const shopEndings = products.filter((product) => [5, 9].includes(product.priceCents % 10)).length;
    assert.ok(shopEndings / products.length > 0.9);
  });

  it('charges 9% VAT on coffee beans and 21% on everything else', () => {
    for (const product of products) {
      assert.equal(product.vatRate, product.categorySlug === 'koffiebonen' ? 9 : 21, product.sku);
    }
    assert.ok(products.filter((product) => product.vatRate === 9).length >= 2);
  });

  it('keeps stock between 0 and 120, with about one in twenty sold out and some nearly gone', () => {
    for (const product of products) {
      assert.ok(Number.isInteger(product.stock) && product.stock >= 0 && product.stock <= 120, product.sku);
    }
    const soldOut = products.filter((product) => product.stock === 0).length / products.length;
    assert.ok(soldOut > 0.02 && soldOut < 0.1, `sold out ${soldOut}`);
    assert.ok(products.some((product) => product.stock >= 1 && product.stock <= 3));
  });

  it('marks a product as mailbox-sized exactly when its box and weight fit the letterbox', () => {
    for (const product of products) {
      const [length, width, height] = [product.lengthMm, product.widthMm, product.heightMm].sort(
        (a, b) => b - a,
      ) as [number, number, number];
      const fits =
        length <= MAILBOX_LIMITS.lengthMm &&
        width <= MAILBOX_LIMITS.widthMm &&
        height <= MAILBOX_LIMITS.heightMm &&
        product.weightGrams <= 2000;
      assert.equal(product.mailboxFit, fits, product.sku);
      assert.ok(product.weightGrams > 0 && product.heightMm > 0, product.sku);
    }
    assert.ok(products.some((product) => product.mailboxFit));
    assert.ok(products.some((product) => !product.mailboxFit));
  });

  it('names and describes every product in Dutch and in English, differently', () => {
    for (const product of products) {
      for (const text of [product.nameNl, product.nameEn, product.descriptionNl, product.descriptionEn]) {
        assert.ok(text.trim().length > 0, product.sku);
      }
      assert.notEqual(product.nameNl, product.nameEn, product.sku);
      assert.notEqual(product.descriptionNl, product.descriptionEn, product.sku);
    }
    for (const category of categories) {
      assert.ok(category.nameNl && category.nameEn && category.descriptionNl && category.descriptionEn);
      assert.notEqual(category.descriptionNl, category.descriptionEn);
    }
  });

  it('writes descriptions that are nearly all different from each other', () => {
    const distinct = new Set(products.map((product) => product.descriptionNl)).size;
    assert.ok(distinct / products.length > 0.95, `${distinct} distinct`);
  });

  it('shows about one in ten products reduced within the last 30 days', () => {
    const reduced = products.filter((product) =>
      product.priceHistory.some((entry) => entry.daysAgo < 30 && entry.priceCents > product.priceCents),
    );
    const share = reduced.length / products.length;
    assert.ok(share > 0.05 && share < 0.15, `reduced ${share}`);
    assert.ok(
      products.some((product) =>
        product.priceHistory.some((entry) => entry.daysAgo >= 40 && entry.priceCents < product.priceCents),
      ),
    );
  });

  it('lists earlier prices oldest first, in whole cents and never equal to the current price', () => {
    for (const product of products) {
      const days = product.priceHistory.map((entry) => entry.daysAgo);
      assert.deepEqual(
        days,
        [...days].sort((a, b) => b - a),
        product.sku,
      );
      for (const entry of product.priceHistory) {
        assert.ok(Number.isInteger(entry.priceCents) && Number.isInteger(entry.daysAgo) && entry.daysAgo > 0);
        assert.notEqual(entry.priceCents, product.priceCents, product.sku);
      }
    }
  });
});
