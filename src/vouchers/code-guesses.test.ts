import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { checkoutForm, checkoutPayload } from '../../test/helpers/checkout-bodies.ts';
import { Browser } from '../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { voucherInput } from '../../test/helpers/voucher-fixtures.ts';
import { addToCart } from '../orders/add-to-cart.ts';
import { UNKNOWN_CODES_PER_HOUR } from './code-guesses.ts';
import { CODE_ALPHABET, formatCode } from './codes.ts';
import { createVoucher } from './create-code.ts';

const body = (codes: string[]) => checkoutPayload({ codes });

/** A well-formed code that no voucher has. */
function unknownCode(i: number): string {
  return `TB-ZZZZ-${CODE_ALPHABET[i % 31]}${CODE_ALPHABET[Math.floor(i / 31) % 31]}ZZ`;
}

describe('guessing codes', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
    await addProduct(t.ctx, { sku: 'BAG-1', nameNl: 'Zak', nameEn: 'Bag', priceCents: 2000, stock: 500 });
  });
  after(() => t.close());

  async function cartId(): Promise<string> {
    const added = await addToCart(t.ctx, null, 'BAG-1', 1);
    assert.ok(added.ok);
    return added.cartId;
  }
  const checkout = async (codes: string[], ip: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/carts/${await cartId()}/checkout?lang=en`,
      headers: { 'idempotency-key': randomUUID() },
      remoteAddress: ip,
      payload: body(codes),
    });

  it('stops looking codes up for a client after too many unknown ones, in the API, and not for others', async () => {
    const ip = '192.0.2.10';
    for (let i = 0; i < UNKNOWN_CODES_PER_HOUR; i++) {
      const res = await checkout([unknownCode(i)], ip);
      assert.equal(res.statusCode, 422, res.body);
      assert.match(res.json().error.fields.codes, /We do not know the code/);
    }
    const code = await createVoucher(t.ctx, voucherInput(), null);
    const refused = await checkout([formatCode(code)], ip);
    assert.equal(refused.statusCode, 429, refused.body);
    assert.equal(refused.json().error.id, 'too-many-requests');
    assert.equal(
      (await t.db.selectFrom('vouchers').select('uses').where('code', '=', code).executeTakeFirstOrThrow())
        .uses,
      0,
      'the real code was not used',
    );
    // an order without a code still goes through, and another client is not affected
    assert.equal((await checkout([], ip)).statusCode, 201);
    assert.equal((await checkout([formatCode(code)], '192.0.2.11')).statusCode, 201);
  });

  it('counts only unknown codes: a real code refused for another reason, or used, never stops anyone', async () => {
    const ip = '192.0.2.20';
    const expired = await createVoucher(t.ctx, voucherInput({ validUntil: '2020-01-01T00:00:00Z' }), null);
    for (let i = 0; i < UNKNOWN_CODES_PER_HOUR + 5; i++) {
      const res = await checkout([formatCode(expired)], ip);
      assert.equal(res.statusCode, 422, res.body);
      assert.match(res.json().error.fields.codes, /expired/);
    }
    const code = await createVoucher(t.ctx, voucherInput(), null);
    assert.equal((await checkout([formatCode(code)], ip)).statusCode, 201);
  });

  it('says so on the cart page, in Dutch, once the client typed too many unknown codes', async () => {
    const browser = new Browser(t.app, '198.51.100.7');
    const { slug } = await t.db
      .selectFrom('products')
      .select('slug')
      .where('sku', '=', 'BAG-1')
      .executeTakeFirstOrThrow();
    await browser.get(`/p/${slug}?lang=nl`);
    assert.equal((await browser.post('/cart/lines', { sku: 'BAG-1', quantity: '1' })).statusCode, 303);
    await browser.get('/cart');
    for (let i = 0; i < UNKNOWN_CODES_PER_HOUR; i++) {
      const res = await browser.post('/cart/codes', { codes: unknownCode(100 + i) });
      assert.match(res.body, /kennen we niet/);
    }
    const code = await createVoucher(t.ctx, voucherInput(), null);
    const res = await browser.post('/cart/codes', { codes: formatCode(code) });
    assert.match(res.body, /te veel onbekende codes geprobeerd/);
    assert.doesNotMatch(res.body, /Zo ziet je bestelling eruit met deze code/);

    // the checkout form itself refuses the code too, and names the reason
    await browser.get('/checkout');
    const placed = await browser.post(
      '/checkout',
      checkoutForm({ codes: formatCode(code), idempotency_key: randomUUID() }),
    );
    assert.equal(placed.statusCode, 429, placed.body.slice(0, 300));
    assert.match(placed.body, /te veel onbekende codes geprobeerd/);
    assert.equal(
      (await t.db.selectFrom('vouchers').select('uses').where('code', '=', code).executeTakeFirstOrThrow())
        .uses,
      0,
    );
  });
});
