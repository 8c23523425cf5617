import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { listCategories, listProducts, type ProductView } from '../../src/catalog/queries.ts';
import type { Locale } from '../../src/config.ts';
import { formatPrice } from '../../src/web/i18n/format.ts';
import { type BrowserShop, focused, seen, startBrowserShop, type ViewportName } from '../helpers/browser.ts';

/** What a visitor should read, per language; written out here rather than taken from the message catalogue. */
const SEES = {
  nl: {
    switchTo: 'English',
    inclVat: 'incl. btw',
    stock: /Op voorraad|Nog \d+ op voorraad|Tijdelijk uitverkocht/,
    lowest30: 'Laagste prijs in de 30 dagen vóór de korting',
    searchBox: 'Zoek in de winkel',
    results: /\d+ resultaten? voor “/,
    skip: 'Naar de inhoud',
  },
  en: {
    switchTo: 'Nederlands',
    inclVat: 'incl. VAT',
    stock: /In stock|Only \d+ left|Temporarily sold out/,
    lowest30: 'Lowest price in the 30 days before the reduction',
    searchBox: 'Search the shop',
    results: /\d+ results? for “/,
    skip: 'Skip to content',
  },
} as const;

type Pick = { categoryName: string; product: ProductView };

/** A category whose first page lists a recently reduced product, and that product, in one language. */
async function reducedProduct(shop: BrowserShop, locale: Locale): Promise<Pick> {
  const ctx = { ...shop.shop.ctx, locale };
  for (const category of await listCategories(ctx)) {
    const { items } = await listProducts(ctx, { categorySlug: category.slug }, { limit: 24, offset: 0 });
    const product = items.find((p) => p.lowest30DaysCents !== null);
    if (product) return { categoryName: category.name, product };
  }
  throw new Error('the demo data has no reduced product on the first page of a category');
}

async function mainText(page: Page): Promise<string> {
  return seen(page.getByRole('main'));
}

async function browseToProduct(page: Page, locale: Locale, pick: Pick): Promise<void> {
  const main = page.getByRole('main');
  await main.getByRole('link', { name: pick.categoryName }).first().click();
  assert.equal(await seen(main.getByRole('heading', { level: 1 })), pick.categoryName);
  await main.getByRole('link', { name: pick.product.name, exact: true }).click();
  await page.waitForURL(`**/p/${pick.product.slug}`);
  assert.equal(await seen(main.getByRole('heading', { level: 1 })), pick.product.name);

  const text = await mainText(page);
  const price = formatPrice(pick.product.priceCents, locale);
  assert.ok(text.includes(price), `the product page shows the price ${price}`);
  assert.ok(text.includes(SEES[locale].inclVat), 'the price says it includes VAT');
  assert.match(text, SEES[locale].stock, 'the page tells whether it is in stock');
  const lowest = formatPrice(pick.product.lowest30DaysCents!, locale);
  assert.ok(
    text.includes(`${SEES[locale].lowest30}: ${lowest}`),
    'the reduced price shows the lowest price of 30 days',
  );
  const crumbs = page.getByRole('navigation', { name: locale === 'nl' ? 'Kruimelpad' : 'Breadcrumb' });
  assert.ok(
    await crumbs.getByRole('link', { name: pick.categoryName }).isVisible(),
    'the breadcrumb leads back',
  );
}

describe('a visitor in the browser', () => {
  let shop: BrowserShop;
  before(async () => {
    shop = await startBrowserShop();
  });
  after(() => shop?.close());

  for (const viewport of ['phone', 'desktop'] as ViewportName[]) {
    it(`browses home → category → product in Dutch by default (${viewport})`, async () => {
      const page = await shop.open('/', { viewport });
      assert.equal(await page.getAttribute('html', 'lang'), 'nl');
      assert.equal(await seen(page.getByRole('heading', { level: 1 })), 'Typ het typenummer van je apparaat');
      await browseToProduct(page, 'nl', await reducedProduct(shop, 'nl'));
      assert.ok(
        (await page.evaluate(() => document.documentElement.scrollWidth)) <=
          (await page.viewportSize())!.width,
        'nothing sticks out sideways',
      );
    });

    it(`switches to English with the language link and browses there (${viewport})`, async () => {
      const page = await shop.open('/', { viewport });
      await page.getByRole('link', { name: SEES.nl.switchTo }).click();
      await page.waitForURL('**/?lang=en');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(
        await seen(page.getByRole('heading', { level: 1 })),
        'Type the type number of your appliance',
      );
      const pick = await reducedProduct(shop, 'en');
      await browseToProduct(page, 'en', pick);
      // the choice sticks: a page opened without ?lang= stays English
      await page.goto('/');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await page.getByRole('link', { name: SEES.en.switchTo }).click();
      assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    });
  }

  for (const locale of ['nl', 'en'] as Locale[]) {
    it(`finds a product by a word from its name (${locale})`, async () => {
      const { product } = await reducedProduct(shop, locale);
      const page = await shop.open(`/?lang=${locale}`, { viewport: 'phone' });
      const word = product.name.split(/\s+/).find((w) => w.length >= 4) ?? product.name;
      await page.getByRole('searchbox', { name: SEES[locale].searchBox }).fill(`${word} ${product.sku}`);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/search?q=*');
      assert.match(await seen(page.getByRole('status')), SEES[locale].results);
      await page.getByRole('main').getByRole('link', { name: product.name, exact: true }).click();
      assert.equal(await seen(page.getByRole('heading', { level: 1 })), product.name);
    });

    it(`reaches the skip link with the first Tab, and it moves focus to the content (${locale})`, async () => {
      const page = await shop.open(`/?lang=${locale}`);
      await page.keyboard.press('Tab');
      const skip = await focused(page);
      assert.deepEqual([skip.tag, skip.text], ['a', SEES[locale].skip]);
      const box = await page.getByRole('link', { name: SEES[locale].skip }).boundingBox();
      assert.ok(box && box.x >= 0 && box.y >= 0, 'the focused skip link is on screen');
      await page.keyboard.press('Enter');
      assert.equal((await focused(page)).id, 'main');
      assert.equal(await page.evaluate(() => document.activeElement?.tagName.toLowerCase()), 'main');
    });
  }
});
