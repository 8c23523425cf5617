import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { Browser } from '../../test/helpers/forms.ts';
import { addCustomer, signedInCustomer } from '../../test/helpers/signed-in-customer.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { voucherInput } from '../../test/helpers/voucher-fixtures.ts';
import { formatCode } from './codes.ts';
import { createGiftCard, createVoucher } from './create-code.ts';

const voucher = voucherInput;

/** The hidden fields of the cart's "check out with this code" form. */
function checkoutForm(html: string): Record<string, string> {
  const form = /<form method="post" action="\/checkout">([\s\S]*?)<\/form>/.exec(html)?.[1];
  assert.ok(form, 'the cart offers the checkout with the code');
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[m[1]!] = m[2]!.replace(/&amp;/g, '&');
  for (const m of form.matchAll(/<button type="submit" name="([^"]+)" value="([^"]*)"/g))
    fields[m[1]!] = m[2]!;
  return fields;
}

describe('codes on the cart page', () => {
  let t: TestApp;

  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
    // a parcel (6.95): the bags weigh too much for a mailbox parcel
    await addProduct(t.ctx, {
      sku: 'BAG-1',
      nameNl: 'Zak',
      nameEn: 'Bag',
      priceCents: 2000,
      stock: 20,
      mailboxFit: false,
    });
  });
  after(async () => {
    await t.close();
  });

  /** A product page gives the language cookie and a form token, as in a browser. */
  async function productPage(browser: Browser, lang: 'nl' | 'en') {
    const { slug } = await t.db
      .selectFrom('products')
      .select('slug')
      .where('sku', '=', 'BAG-1')
      .executeTakeFirstOrThrow();
    assert.equal((await browser.get(`/p/${slug}?lang=${lang}`)).statusCode, 200);
  }

  async function shopper(lang: 'nl' | 'en', browser = new Browser(t.app)) {
    await productPage(browser, lang);
    assert.equal((await browser.post('/cart/lines', { sku: 'BAG-1', quantity: '1' })).statusCode, 303);
    const cart = await browser.get('/cart');
    assert.equal(cart.statusCode, 200);
    return browser;
  }

  it('shows the discount, the new total, the gift card and what is left to pay, in Dutch, and writes nothing', async () => {
    const code = await createVoucher(t.ctx, voucher(), null);
    const card = await createGiftCard(t.ctx, { amountCents: 1000, validUntil: null, note: '' }, null);
    const browser = await shopper('nl');
    const cart = await browser.get('/cart');
    assert.match(cart.body, /Heb je een kortingscode of cadeaukaart\?/);
    assert.match(cart.body, /<a href="\/checkout" class="button">Afrekenen<\/a>/);

    const res = await browser.post('/cart/codes', { codes: `${formatCode(code).toLowerCase()}, ${card}` });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /Zo ziet je bestelling eruit met deze code/);
    assert.match(res.body, new RegExp(`Korting \\(${formatCode(code)}\\)</dt><dd>− €\\s5,00`));
    assert.match(res.body, /Verzending \(Pakket\)<\/dt><dd>€\s6,95/);
    // 20.00 − 5.00 + 6.95
    assert.match(res.body, /Totaal \(incl\. btw\)<\/dt><dd><strong>€\s21,95/);
    // VAT of the discounted items (15.00 → 2.60) and of shipping (6.95 → 1.21)
    assert.match(res.body, /Waarvan 21% btw<\/dt><dd>€\s3,81/);
    assert.match(
      res.body,
      new RegExp(`Betaald met cadeaukaart \\(${formatCode(card)}\\)</dt><dd>− €\\s10,00`),
    );
    assert.match(res.body, /Nog te betalen<\/dt><dd><strong>€\s11,95/);
    assert.equal(res.headers['cache-control'], 'no-store');

    const rows = await t.db
      .selectFrom('vouchers')
      .select(['uses', 'balance_cents'])
      .orderBy('kind')
      .execute();
    assert.deepEqual(rows, [
      { uses: 0, balance_cents: 1000 },
      { uses: 0, balance_cents: null },
    ]);
    assert.equal((await t.db.selectFrom('voucher_redemptions').select('id').execute()).length, 0);

    // the checkout button takes the code along: the checkout page shows it applied
    const form = checkoutForm(res.body);
    assert.equal(form.apply, '1');
    const checkout = await browser.post('/checkout', form);
    assert.equal(checkout.statusCode, 200, checkout.body);
    assert.match(checkout.body, /Code toegepast/);
    assert.match(checkout.body, /Nog te betalen<\/dt><dd><strong>€\s11,95/);
    assert.match(
      checkout.body,
      new RegExp(`name="codes"[^>]*value="${formatCode(code).toLowerCase()}, ${card}"`),
    );
  });

  it('says why a code does not apply, in English, and keeps the plain checkout link', async () => {
    const browser = await shopper('en');
    const unknown = await browser.post('/cart/codes', { codes: 'TB-ZZZZ-ZZZZ' });
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /We do not know the code TB-ZZZZ-ZZZZ\. Please check the characters\./);
    assert.match(unknown.body, /aria-invalid="true"/);
    assert.match(unknown.body, /<a href="\/checkout" class="button">Checkout<\/a>/);
    assert.doesNotMatch(unknown.body, /Check out with this code/);

    const malformed = await browser.post('/cart/codes', { codes: 'hello' });
    assert.equal(malformed.statusCode, 422);
    assert.match(malformed.body, /This is not a valid code/);

    const high = await createVoucher(t.ctx, voucher({ minOrderCents: 5000 }), null);
    const minimum = await browser.post('/cart/codes', { codes: high });
    assert.equal(minimum.statusCode, 422);
    assert.match(minimum.body, new RegExp(`The code ${formatCode(high)} applies from €50\\.00 of items\\.`));

    const disabled = await createVoucher(t.ctx, voucher(), null);
    await t.db.updateTable('vouchers').set({ disabled: 1 }).where('code', '=', disabled).execute();
    const off = await browser.post('/cart/codes', { codes: disabled });
    assert.match(off.body, /is no longer valid/);

    const empty = await browser.post('/cart/codes', { codes: '' });
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /<a href="\/checkout" class="button">Checkout<\/a>/);
  });

  it('refuses a post without the form token, and sends an empty cart back to the cart', async () => {
    const browser = new Browser(t.app);
    await productPage(browser, 'en');
    const noToken = await browser.post('/cart/codes', { _csrf: null, codes: 'TB-ZZZZ-ZZZZ' });
    assert.equal(noToken.statusCode, 403);
    const emptyCart = await browser.post('/cart/codes', { codes: 'TB-ZZZZ-ZZZZ' });
    assert.equal(emptyCart.statusCode, 303);
    assert.equal(emptyCart.headers.location, '/cart');
  });

  it('checks a once-per-address voucher against a signed-in customer, and fills in the checkout for them', async () => {
    const once = await createVoucher(t.ctx, voucher({ oncePerEmail: true, maxUses: null }), null);
    const customerId = await addCustomer(t.ctx, 'bea@example.nl', 'Bea');
    const browser = await shopper('en', await signedInCustomer(t.app, t.ctx, customerId));
    const applied = await browser.post('/cart/codes', { codes: once });
    assert.equal(applied.statusCode, 200, applied.body);
    const checkout = await browser.post('/checkout', checkoutForm(applied.body));
    assert.equal(checkout.statusCode, 200);
    assert.match(checkout.body, /name="email"[^>]*value="bea@example\.nl"/);
    assert.match(checkout.body, new RegExp(`Discount \\(${formatCode(once)}\\)`));

    // once used with her address, the cart says so before checkout
    const key = /name="idempotency_key" value="([^"]+)"/.exec(checkout.body)?.[1];
    const placed = await browser.post('/checkout', {
      idempotency_key: key!,
      email: 'bea@example.nl',
      name: 'Bea de Boer',
      street: 'Dorpsstraat',
      houseNumber: '3',
      postcode: '1234 AB',
      city: 'Utrecht',
      country: 'NL',
      shippingMethod: 'parcel',
      paymentMethod: 'bank-transfer',
      codes: once,
    });
    assert.equal(placed.statusCode, 303, placed.body);
    await shopper('en', browser);
    const again = await browser.post('/cart/codes', { codes: once });
    assert.equal(again.statusCode, 422);
    assert.match(again.body, /You already used the code .* with this e-mail address/);
  });
});
