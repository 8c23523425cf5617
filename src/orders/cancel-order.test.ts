import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { moveOrder, placeGuestOrder } from '../../test/helpers/order-fixtures.ts';
import { checkInvariants } from '../../test/helpers/order-invariants.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { cancelOrder } from './cancel-order.ts';
import { orderEvents } from './order-events.ts';

describe('cancelOrder', () => {
  let t: TestApp;
  const initial = new Map<string, number>();
  let n = 0;

  /** A placed order of `quantity` units of a new product with `stock`; returns its id and SKU. */
  async function placed(stock: number, quantity: number): Promise<{ id: string; sku: string }> {
    const sku = `CAN-${++n}`;
    await addProduct(t.ctx, { sku, nameNl: `Zak ${sku}`, nameEn: `Bag ${sku}`, priceCents: 1000, stock });
    initial.set(sku, stock);
    const { id } = await placeGuestOrder(t, sku, quantity);
    return { id, sku };
  }

  const stockOf = async (sku: string) =>
    (await t.db.selectFrom('products').select('stock').where('sku', '=', sku).executeTakeFirstOrThrow())
      .stock;

  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
  });
  after(async () => {
    await checkInvariants(t.ctx, initial);
    await t.close();
  });

  it('records a placed event with every order', async () => {
    const order = await placed(5, 1);
    const events = await orderEvents(t.ctx, order.id);
    assert.deepEqual(
      events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.actor]),
      [['placed', null, 'awaiting_payment', 'customer']],
    );
  });

  it('returns the stock once even when cancel is posted twice concurrently', async () => {
    const order = await placed(5, 3);
    assert.equal(await stockOf(order.sku), 2);
    const results = await Promise.all([
      cancelOrder(t.ctx, order.id, 'customer'),
      cancelOrder(t.ctx, order.id, 'customer'),
      cancelOrder(t.ctx, order.id, 'customer'),
    ]);
    for (const r of results)
      assert.deepEqual({ ok: r.ok, status: r.ok && r.status }, { ok: true, status: 'cancelled' });
    assert.equal(results.filter((r) => r.ok && !r.alreadyCancelled).length, 1);
    assert.equal(await stockOf(order.sku), 5);
    const again = await cancelOrder(t.ctx, order.id, 'customer');
    assert.deepEqual(again, { ok: true, status: 'cancelled', alreadyCancelled: true });
    assert.equal(await stockOf(order.sku), 5);
    const events = await orderEvents(t.ctx, order.id);
    assert.deepEqual(
      events.map((e) => e.kind),
      ['placed', 'cancelled'],
    );
    const movements = await t.db
      .selectFrom('stock_movements')
      .select(['delta', 'reason'])
      .where('order_id', '=', order.id)
      .orderBy('delta')
      .execute();
    assert.deepEqual(movements, [
      { delta: -3, reason: 'sale' },
      { delta: 3, reason: 'cancel' },
    ]);
    await checkInvariants(t.ctx, initial);
  });

  it('cancels a paid order and enqueues its refund', async () => {
    const order = await placed(4, 2);
    await moveOrder(t, order.id, ['paid']);
    const result = await cancelOrder(t.ctx, order.id, 'customer');
    assert.ok(result.ok);
    const refund = await t.db
      .selectFrom('jobs')
      .select('kind')
      .where('idempotency_key', '=', `refund:${order.id}`)
      .executeTakeFirst();
    assert.equal(refund?.kind, 'refund');
    assert.equal(await stockOf(order.sku), 4);
  });

  it('refuses to cancel a shipped order and leaves the stock alone', async () => {
    const order = await placed(4, 1);
    await moveOrder(t, order.id, ['paid', 'packed', 'shipped']);
    const result = await cancelOrder(t.ctx, order.id, 'customer');
    assert.deepEqual(result, { ok: false, reason: 'not-cancellable', status: 'shipped' });
    assert.equal(await stockOf(order.sku), 3);
    await checkInvariants(t.ctx, initial);
  });
});
