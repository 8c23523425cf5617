import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { voucherInput } from '../../test/helpers/voucher-fixtures.ts';
import { addToCart } from '../orders/add-to-cart.ts';
import { formatCode } from './codes.ts';
import { createGiftCard, createVoucher } from './create-code.ts';

describe('previewing codes on a cart in the API', () => {
  let t: TestApp;
  let cartId: string;
  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
    await addProduct(t.ctx, { sku: 'BAG-1', priceCents: 2000, stock: 20, mailboxFit: false });
    const added = await addToCart(t.ctx, null, 'BAG-1', 2);
    assert.ok(added.ok);
    cartId = added.cartId;
  });
  after(() => t.close());

  const cart = (query: Record<string, string>) =>
    t.app.inject({ url: `/api/v1/carts/${cartId}`, query: { lang: 'en', ...query } });

  it('gives the discount, the gift card, the new total and what is left to pay, and writes nothing', async () => {
    const code = await createVoucher(t.ctx, voucherInput(), null);
    const card = await createGiftCard(t.ctx, { amountCents: 1000, validUntil: null, note: '' }, null);
    const res = await cart({ codes: `${formatCode(code).toLowerCase()}, ${formatCode(card)}` });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.totalCents, 4000, 'the cart itself is unchanged');
    const parcel = body.shippingOptions.find((o: { method: string }) => o.method === 'parcel');
    assert.deepEqual(
      { ...body.codes, vatCents: undefined },
      {
        ok: true,
        discountCents: 500,
        giftCardCents: 1000,
        voucherCode: code,
        giftCardCode: card,
        shippingMethod: 'parcel',
        shippingCents: parcel.priceCents,
        totalCents: 4000 + parcel.priceCents - 500,
        dueCents: 4000 + parcel.priceCents - 500 - 1000,
        vatCents: undefined,
      },
    );
    const voucher = await t.db
      .selectFrom('vouchers')
      .select('uses')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    assert.equal(voucher.uses, 0);
  });

  it('says why a code does not apply, in the language asked, and is silent without codes', async () => {
    const unknown = (await cart({ codes: 'TB-ZZZZ-ZZZZ' })).json().codes;
    assert.deepEqual(unknown, {
      ok: false,
      problem: 'unknown',
      reason: 'We do not know the code TB-ZZZZ-ZZZZ. Please check the characters.',
    });
    const nl = (await cart({ codes: 'not a code at all', lang: 'nl' })).json().codes;
    assert.equal(nl.ok, false);
    assert.equal(nl.problem, 'not-a-code');
    assert.match(nl.reason, /Dit is geen geldige code/);
    assert.equal('codes' in (await cart({})).json(), false);
  });
});
