import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { checkoutPayload } from '../../test/helpers/checkout-bodies.ts';
import { type PaymentShop, startPaymentShop } from '../../test/helpers/payment-fixtures.ts';
import { createGiftCard } from './create-code.ts';

describe('a gift card with an online payment', () => {
  let shop: PaymentShop;
  before(async () => {
    shop = await startPaymentShop();
  });
  after(async () => {
    await shop.close();
  });

  it('asks the provider only for what the gift card did not pay', async () => {
    const card = await createGiftCard(shop.t.ctx, { amountCents: 1000, validUntil: null, note: '' }, null);
    const cartId = await shop.cartWith();
    const res = await shop.t.app.inject({
      method: 'POST',
      url: `/api/v1/carts/${cartId}/checkout?lang=en`,
      headers: { 'idempotency-key': randomUUID() },
      payload: checkoutPayload({ paymentMethod: 'ideal', giftCardCode: card }),
    });
    assert.equal(res.statusCode, 201, res.body);
    const receipt = res.json();
    // 12.95 + 6.95 shipping − 10.00 from the card
    assert.equal(receipt.total, 990);
    assert.ok(receipt.paymentUrl);
    const [payment] = [...shop.mollie.payments.values()];
    assert.deepEqual(payment?.amount, { currency: 'EUR', value: '9.90' });
    const order = await shop.orderByNumber(receipt.orderNumber);
    const rows = await shop.paymentsOf(order.id);
    assert.deepEqual(
      rows.map((p) => p.amount_cents),
      [990],
    );
  });
});
