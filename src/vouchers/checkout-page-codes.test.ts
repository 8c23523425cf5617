import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { checkoutForm } from '../../test/helpers/checkout-bodies.ts';
import { Browser } from '../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { voucherInput } from '../../test/helpers/voucher-fixtures.ts';
import { formatCode } from './codes.ts';
import { createGiftCard, createVoucher } from './create-code.ts';

describe('codes on the checkout page', () => {
  let t: TestApp;

  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
    await addProduct(t.ctx, { sku: 'BAG-1', nameNl: 'Zak', nameEn: 'Bag', priceCents: 2000, stock: 20 });
  });
  after(async () => {
    await t.close();
  });

  async function shopper(lang: 'nl' | 'en') {
    const browser = new Browser(t.app);
    const slug = (
      await t.db.selectFrom('products').select('slug').where('sku', '=', 'BAG-1').executeTakeFirstOrThrow()
    ).slug;
    await browser.get(`/p/${slug}?lang=${lang}`);
    assert.equal((await browser.post('/cart/lines', { sku: 'BAG-1', quantity: '1' })).statusCode, 303);
    const page = await browser.get('/checkout');
    assert.equal(page.statusCode, 200);
    const key = /name="idempotency_key" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(key);
    const form = (codes: string) => checkoutForm({ idempotency_key: key, postcode: '1234 AB', codes });
    return { browser, page, form };
  }

  it('shows the discount, the gift card and what is left to pay before confirming, then orders with them (en)', async () => {
    const voucher = await createVoucher(t.ctx, voucherInput(), null);
    const card = await createGiftCard(t.ctx, { amountCents: 1000, validUntil: null, note: '' }, null);
    const { browser, page, form } = await shopper('en');
    assert.match(page.body, /Voucher or gift card code/);
    const typed = `${formatCode(voucher).toLowerCase()}, ${card.slice(2)}`;
    const applied = await browser.post('/checkout', { ...form(typed), apply: '1' });
    assert.equal(applied.statusCode, 200);
    assert.match(applied.body, /Code applied/);
    assert.match(applied.body, new RegExp(`Discount \\(${formatCode(voucher)}\\)</dt><dd>− €5\\.00`));
    assert.match(
      applied.body,
      new RegExp(`Paid with gift card \\(${formatCode(card)}\\)</dt><dd>− €10\\.00`),
    );
    // 20.00 + 6.95 − 5.00 = 21.95; less 10.00 from the card
    assert.match(applied.body, /Left to pay<\/dt><dd><strong>€11\.95/);
    assert.equal((await t.db.selectFrom('orders').select('id').execute()).length, 0, 'apply orders nothing');

    const placed = await browser.post('/checkout', form(typed));
    assert.equal(placed.statusCode, 303, placed.body);
    const confirmation = await browser.get(placed.headers.location as string);
    assert.match(confirmation.body, /Left to pay<\/dt><dd>€11\.95/);
  });

  it('says why a code is refused next to the field, in Dutch, and orders nothing', async () => {
    const { browser, form } = await shopper('nl');
    const before = (await t.db.selectFrom('orders').select('id').execute()).length;
    const res = await browser.post('/checkout', form('TB-ZZZZ-ZZZZ'));
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /De code TB-ZZZZ-ZZZZ kennen we niet/);
    const malformed = await browser.post('/checkout', { ...form('hallo'), apply: '1' });
    assert.equal(malformed.statusCode, 422);
    assert.match(malformed.body, /Dit is geen geldige code/);
    assert.equal((await t.db.selectFrom('orders').select('id').execute()).length, before);
  });
});
