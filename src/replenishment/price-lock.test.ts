import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { createCart } from '../orders/create-cart.ts';
import { lockedPrices, lockPrice, pricedUnits } from './price-lock.ts';

describe('price locks', () => {
  let t: TestApp;
  let productId: string;
  before(async () => {
    t = await startTestApp({}, '2026-06-17T10:00:00Z');
    await addCategory(t.ctx, 'bags');
    productId = await addProduct(t.ctx, { sku: 'TB-LOCK', priceCents: 1000 });
  });
  after(() => t.close());

  it('charges the lower of the promised and today’s price for the promised units, today’s for the rest', () => {
    const lock = { priceCents: 1000, quantity: 3 };
    assert.deepEqual(pricedUnits(1200, 2, lock), [{ quantity: 2, unitPriceCents: 1000 }]);
    assert.deepEqual(pricedUnits(1200, 3, lock), [{ quantity: 3, unitPriceCents: 1000 }]);
    assert.deepEqual(pricedUnits(1200, 5, lock), [
      { quantity: 3, unitPriceCents: 1000 },
      { quantity: 2, unitPriceCents: 1200 },
    ]);
    // today's price is lower: every unit pays it, in one part
    assert.deepEqual(pricedUnits(800, 5, lock), [{ quantity: 5, unitPriceCents: 800 }]);
    assert.deepEqual(pricedUnits(1000, 5, lock), [{ quantity: 5, unitPriceCents: 1000 }]);
    assert.deepEqual(pricedUnits(1200, 5, undefined), [{ quantity: 5, unitPriceCents: 1200 }]);
  });

  it('keeps the lower price, the later end and the larger quantity of two promises, holds until then, and is used up by an order', async () => {
    const cartId = await createCart(t.ctx);
    const line = { cartId, productId, source: 'test' };
    await lockPrice(t.ctx, {
      ...line,
      priceCents: 1000,
      quantity: 2,
      validUntil: '2026-06-24T22:00:00.000Z',
    });
    await lockPrice(t.ctx, { ...line, priceCents: 900, quantity: 3, validUntil: '2026-06-20T22:00:00.000Z' });
    await lockPrice(t.ctx, { ...line, priceCents: 950, quantity: 3, validUntil: '2026-06-20T22:00:00.000Z' });
    assert.deepEqual(
      [...(await lockedPrices(t.ctx, cartId))],
      [[productId, { priceCents: 900, quantity: 3 }]],
    );
    t.clock.set('2026-06-24T21:59:59Z');
    assert.equal((await lockedPrices(t.ctx, cartId)).get(productId)?.priceCents, 900);
    t.clock.set('2026-06-24T22:00:00Z');
    assert.equal((await lockedPrices(t.ctx, cartId)).size, 0, 'expired');
  });
});
