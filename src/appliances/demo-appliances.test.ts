import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoProducts } from '../catalog/demo-products.ts';
import { type ApplianceRow, demoApplianceRows, demoBrands } from './demo-appliances.ts';
import { normaliseModel } from './normalise-model.ts';

const VACUUM_SLUGS = new Set([
  'stofzuigerzakken',
  'filters',
  'borstels-mondstukken',
  'accus-laders',
  'ontkalken-reinigen',
]);
const COFFEE_SLUGS = new Set([
  'ontkalken-reinigen',
  'waterfilters',
  'koffiemachine-onderdelen',
  'koffiebonen',
]);

describe('demo appliances', () => {
  const products = demoProducts();
  const rows = demoApplianceRows(products);
  const brands = demoBrands();

  it('gives the same rows on every call', () => {
    assert.deepEqual(demoApplianceRows(products), rows);
    assert.deepEqual(demoBrands(), brands);
  });

  it('makes exactly the number of rows asked for', () => {
    assert.equal(rows.length, 20000);
    assert.equal(demoApplianceRows(products, 500).length, 500);
  });

  it('generates twenty thousand rows in under a second', () => {
    const started = performance.now();
    demoApplianceRows(products);
    assert.ok(performance.now() - started < 1000);
  });

  it('describes about twenty brands, each with lowercase search words and plate help in both languages', () => {
    assert.ok(brands.length >= 18 && brands.length <= 26, `${brands.length} brands`);
    assert.equal(new Set(brands.map((brand) => brand.brand)).size, brands.length);
    for (const brand of brands) {
      assert.ok(brand.words.length > 0, brand.brand);
      for (const word of brand.words) assert.equal(word, word.toLowerCase(), brand.brand);
      const texts = [
        brand.modelField.nl,
        brand.modelField.en,
        brand.plateLocation.vacuum.nl,
        brand.plateLocation.vacuum.en,
        brand.plateLocation.coffee.nl,
        brand.plateLocation.coffee.en,
      ];
      for (const text of texts) assert.ok(text.trim().length > 0, brand.brand);
      assert.notEqual(brand.modelField.nl, brand.modelField.en, brand.brand);
    }
    const rowBrands = new Set(rows.map((row) => row.brand));
    assert.deepEqual([...rowBrands].sort(), brands.map((brand) => brand.brand).sort());
  });

  it('never repeats a brand, normalised model and variant', () => {
    const keys = rows.map((row) => `${row.brand}|${normaliseModel(row.model)}|${row.variant}`);
    assert.equal(new Set(keys).size, rows.length);
  });

  it('shares a normalised model number only between serial variants of the same appliance', () => {
    for (const group of groupBy(rows, (row) => `${row.brand}|${normaliseModel(row.model)}`).values()) {
      if (group.length === 1) continue;
      assert.ok(group.length <= 3, group[0]!.model);
      for (const row of group) {
        assert.ok(row.variant !== '', row.model);
        assert.equal(row.model, group[0]!.model);
        assert.equal(row.name, group[0]!.name);
      }
    }
  });

  it('gives about one in twenty appliances two or three serial variants', () => {
    const appliances = groupBy(rows, (row) => `${row.brand}|${normaliseModel(row.model)}`);
    const withVariants = [...appliances.values()].filter((group) => group.length > 1).length;
    const share = withVariants / appliances.size;
    assert.ok(share > 0.03 && share < 0.08, `share ${share}`);
  });

  it('gives variants digit ranges that run forwards, some of them open-ended', () => {
    const variants = rows.filter((row) => row.variant !== '');
    for (const row of variants) {
      assert.match(row.serialFrom, /^\d+$/, row.variant);
      if (row.serialTo !== '') {
        assert.match(row.serialTo, /^\d+$/, row.variant);
        assert.ok(Number(row.serialFrom) <= Number(row.serialTo), row.variant);
      }
    }
    assert.ok(variants.some((row) => row.serialTo === ''));
    for (const row of rows.filter((row) => row.variant === '')) {
      assert.equal(row.serialFrom, '');
      assert.equal(row.serialTo, '');
    }
  });

  it('lets later variants of an appliance take other products than the first', () => {
    const groups = [...groupBy(rows, (row) => `${row.brand}|${normaliseModel(row.model)}`).values()].filter(
      (group) => group.length > 1,
    );
    const differing = groups.filter((group) => new Set(group.map((row) => row.fits.join())).size > 1).length;
    assert.ok(differing / groups.length > 0.8, `${differing} of ${groups.length}`);
  });

  it('fits one to six existing products from the right part of the catalogue', () => {
    const slugBySku = new Map(products.map((product) => [product.sku, product.categorySlug]));
    for (const row of rows) {
      assert.ok(row.fits.length >= 1 && row.fits.length <= 6, `${row.brand} ${row.model}`);
      assert.equal(new Set(row.fits).size, row.fits.length);
      const allowed = row.category === 'vacuum' ? VACUUM_SLUGS : COFFEE_SLUGS;
      for (const sku of row.fits) {
        const slug = slugBySku.get(sku);
        assert.ok(slug, `${sku} does not exist`);
        assert.ok(allowed.has(slug), `${row.brand} ${row.model} (${row.category}) fits ${sku}`);
      }
    }
  });

  it('gives every model of a family the same bags', () => {
    const bagSkus = new Set(products.filter((p) => p.categorySlug === 'stofzuigerzakken').map((p) => p.sku));
    for (const group of groupBy(rows, (row) => `${row.brand}|${row.name}`).values()) {
      const bagSets = new Set(group.map((row) => row.fits.filter((sku) => bagSkus.has(sku)).join()));
      assert.equal(bagSets.size, 1, `${group[0]!.brand} ${group[0]!.name}`);
    }
  });

  it('uses both categories and most of the catalogue', () => {
    assert.ok(rows.some((row) => row.category === 'vacuum'));
    assert.ok(rows.some((row) => row.category === 'coffee'));
    const used = new Set(rows.flatMap((row) => row.fits));
    assert.ok(used.size / products.length > 0.8, `${used.size} products used`);
  });

  it('keeps every field safe for the CSV: no pipes in aliases and no line breaks anywhere', () => {
    for (const row of rows) {
      for (const alias of row.aliases) assert.ok(!/[|\r\n]/.test(alias) && alias.trim() !== '', alias);
      for (const text of [row.brand, row.model, row.name, row.variant, row.notes])
        assert.ok(!/[\r\n]/.test(text));
      assert.ok(row.model.trim() !== '' && row.name.trim() !== '');
    }
    assert.ok(rows.some((row) => row.notes !== ''));
  });
});

function groupBy(rows: ApplianceRow[], keyOf: (row: ApplianceRow) => string): Map<string, ApplianceRow[]> {
  const groups = new Map<string, ApplianceRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
