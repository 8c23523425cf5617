import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { listCategories, listProducts } from '../../src/catalog/queries.ts';
import type { Locale } from '../../src/config.ts';
import {
  type BrowserShop,
  expectNoAxeViolations,
  startBrowserShop,
  VIEWPORTS,
  type ViewportName,
} from '../helpers/browser.ts';

describe('axe-core finds no accessibility violations', () => {
  let shop: BrowserShop;
  let pages: { name: string; path: string; status: number }[];
  let page: Page;
  before(async () => {
    shop = await startBrowserShop();
    const ctx = shop.shop.ctx;
    const [category] = await listCategories(ctx);
    assert.ok(category, 'the demo shop has a category');
    const { items } = await listProducts(ctx, { categorySlug: category.slug }, { limit: 1, offset: 0 });
    const product = items[0];
    assert.ok(product, 'the demo category has a product');
    const word = product.name.split(/\s+/)[0] ?? product.name;
    pages = [
      { name: 'home', path: '/', status: 200 },
      { name: 'category', path: `/c/${category.slug}`, status: 200 },
      { name: 'product', path: `/p/${product.slug}`, status: 200 },
      { name: 'search results', path: `/search?q=${encodeURIComponent(word)}`, status: 200 },
      { name: 'search without results', path: '/search?q=zzzqqqxxx', status: 200 },
      { name: 'not-found page', path: '/p/no-such-product', status: 404 },
    ];
    page = await shop.open('/');
  });
  after(() => shop?.close());

  const cases: [Locale, ViewportName][] = [
    ['nl', 'phone'],
    ['en', 'desktop'],
  ];
  for (const [locale, viewport] of cases) {
    it(`on every storefront page in ${locale === 'nl' ? 'Dutch' : 'English'} (${viewport})`, async () => {
      await page.setViewportSize(VIEWPORTS[viewport]);
      for (const p of pages) {
        const sep = p.path.includes('?') ? '&' : '?';
        const response = await page.goto(`${p.path}${sep}lang=${locale}`);
        assert.equal(response?.status(), p.status, `${p.name} answers ${p.status}`);
        assert.equal(await page.getAttribute('html', 'lang'), locale);
        await expectNoAxeViolations(page);
      }
    });
  }
});
