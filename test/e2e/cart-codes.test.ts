import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { formatCode } from '../../src/vouchers/codes.ts';
import { createGiftCard, createVoucher } from '../../src/vouchers/create-code.ts';
import { type BrowserShop, expectNoAxeViolations, seen, startBrowserShop } from '../helpers/browser.ts';
import { voucherInput } from '../helpers/voucher-fixtures.ts';

/** The code section of the cart fits a 360 px wide screen. */
async function fitsPhone(page: Page): Promise<void> {
  const wide = await page.evaluate(
    '[...document.querySelectorAll(\'section[aria-labelledby="codes-title"] *\')].filter((e) => e.getBoundingClientRect().right > 360.5).map((e) => e.tagName)',
  );
  assert.deepEqual(wide, [], 'the code section fits 360 px');
}

/**
 * A voucher or gift-card code on the cart page, in Chromium, without JavaScript doing anything: the cart shows
 * what the code does (or why it does not apply) and takes it along to the checkout.
 */
describe('codes on the cart page, in a browser', () => {
  let shop: BrowserShop;
  let slug: string;

  before(async () => {
    shop = await startBrowserShop();
    const product = await shop.shop.db
      .selectFrom('products')
      .select('slug')
      .where('active', '=', 1)
      .where('stock', '>', 5)
      .orderBy('sku')
      .executeTakeFirstOrThrow();
    slug = product.slug;
  });
  after(async () => {
    await shop.close();
  });

  it('nl, phone: the discount, the new total and the gift card before checkout, then on to the checkout with the code', async () => {
    const code = formatCode(await createVoucher(shop.shop.ctx, voucherInput(), null));
    const card = formatCode(
      await createGiftCard(shop.shop.ctx, { amountCents: 500, validUntil: null, note: '' }, null),
    );
    const page = await shop.open(`/p/${slug}`, { viewport: 'phone' });
    await page.getByRole('button', { name: 'In winkelmand' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Winkelmand' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Heb je een kortingscode of cadeaukaart?' }).waitFor();

    await page.getByLabel('Kortingscode of cadeaukaart', { exact: true }).fill(`${code}, ${card}`);
    await page.getByRole('button', { name: 'Code toepassen' }).click();
    await page.getByRole('status').filter({ hasText: 'Zo ziet je bestelling eruit met deze code' }).waitFor();
    const main = await seen(page.getByRole('main'));
    assert.match(main, new RegExp(`Korting \\(${code}\\)\\s*− €\\s5,00`));
    assert.match(main, new RegExp(`Betaald met cadeaukaart \\(${card}\\)\\s*− €\\s5,00`));
    assert.match(main, /Nog te betalen/);
    await expectNoAxeViolations(page);
    await fitsPhone(page);

    await page.getByRole('button', { name: 'Afrekenen met deze code' }).click();
    await page.getByRole('heading', { level: 1, name: 'Afrekenen' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Code toegepast' }).waitFor();
    assert.equal(
      await page.getByLabel('Kortingscode of cadeaukaart', { exact: true }).inputValue(),
      `${code}, ${card}`,
    );
    assert.match(await seen(page.getByRole('main')), new RegExp(`Korting \\(${code}\\)`));
  });

  it('en, desktop, keyboard: a code that does not apply says why next to the field', async () => {
    const page = await shop.open(`/p/${slug}?lang=en`, { browserLocale: 'en-GB' });
    await page.getByRole('button', { name: 'Add to cart' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Cart' }).waitFor();
    const field = page.getByLabel('Voucher or gift card code', { exact: true });
    await field.focus();
    await page.keyboard.type('TB-ZZZZ-ZZZZ');
    await page.keyboard.press('Enter');
    await page.getByText('We do not know the code TB-ZZZZ-ZZZZ. Please check the characters.').waitFor();
    assert.equal(
      await page.getByLabel('Voucher or gift card code', { exact: true }).getAttribute('aria-invalid'),
      'true',
    );
    assert.equal(
      await page.getByRole('link', { name: 'Checkout' }).count(),
      1,
      'the plain checkout link stays',
    );
    await expectNoAxeViolations(page);
  });
});
