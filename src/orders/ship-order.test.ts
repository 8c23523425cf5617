import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { moveOrder, placeGuestOrder } from '../../test/helpers/order-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { trackingUrl } from './carriers.ts';
import { shipOrder } from './ship-order.ts';

const piet = { id: 'staff-1', name: 'Piet' };
const postnl = { carrier: 'postnl', trackingCode: '3SABCD123456789' } as const;

describe('shipOrder', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
    await addProduct(t.ctx, { sku: 'BAG-1', stock: 100 });
  });
  after(() => t.close());

  /** A placed order, moved to `status` along the transitions map; returns its id. */
  async function orderIn(status: 'awaiting_payment' | 'paid' | 'packed'): Promise<string> {
    const { id } = await placeGuestOrder(t, 'BAG-1');
    const path = { awaiting_payment: [], paid: ['paid'], packed: ['paid', 'packed'] } as const;
    await moveOrder(t, id, path[status], 'system');
    return id;
  }

  const shippedJobs = (id: string) =>
    t.db.selectFrom('jobs').select('id').where('idempotency_key', '=', `order-shipped:${id}`).execute();

  it('ships a packed order: status, carrier and code stored, one event naming the staff member, one job', async () => {
    const id = await orderIn('packed');
    assert.deepEqual(await shipOrder(t.ctx, id, piet, postnl), { ok: true, alreadyShipped: false });
    const order = await t.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(order.status, 'shipped');
    assert.equal(order.carrier, 'postnl');
    assert.equal(order.tracking_code, '3SABCD123456789');
    assert.ok(order.shipped_at);
    const events = await t.db.selectFrom('order_events').selectAll().where('order_id', '=', id).execute();
    const shipped = events.filter((e) => e.kind === 'shipped');
    assert.equal(shipped.length, 1);
    assert.equal(shipped[0]!.note, 'staff:staff-1 postnl 3SABCD123456789');
    assert.equal((await shippedJobs(id)).length, 1);
  });

  it('ships a paid order through packed (events at one instant, so compared as a set)', async () => {
    const id = await orderIn('paid');
    assert.ok((await shipOrder(t.ctx, id, piet, postnl)).ok);
    const kinds = await t.db
      .selectFrom('order_events')
      .select('kind')
      .where('order_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(kinds.map((k) => k.kind).sort(), ['packed', 'paid', 'placed', 'shipped']);
  });

  it('refuses to ship an unpaid order, writing nothing', async () => {
    const id = await orderIn('awaiting_payment');
    assert.deepEqual(await shipOrder(t.ctx, id, piet, postnl), {
      ok: false,
      reason: 'not-shippable',
      status: 'awaiting_payment',
    });
    assert.equal((await shippedJobs(id)).length, 0);
  });

  it('ships once when two staff members ship at the same moment', async () => {
    const id = await orderIn('packed');
    const results = await Promise.all([
      shipOrder(t.ctx, id, piet, postnl),
      shipOrder(t.ctx, id, piet, postnl),
    ]);
    assert.ok(results.every((r) => r.ok));
    assert.equal(results.filter((r) => r.ok && !r.alreadyShipped).length, 1);
    const shipped = await t.db
      .selectFrom('order_events')
      .select('id')
      .where('order_id', '=', id)
      .where('kind', '=', 'shipped')
      .execute();
    assert.equal(shipped.length, 1);
    assert.equal((await shippedJobs(id)).length, 1);
  });

  it('answers not-found for an unknown order', async () => {
    assert.deepEqual(await shipOrder(t.ctx, 'nope', piet, postnl), { ok: false, reason: 'not-found' });
  });
});

describe('trackingUrl', () => {
  const to = { country: 'NL', postcode: '1234 AB' };
  it('builds each carrier’s tracking page, and none for another carrier', () => {
    assert.equal(
      trackingUrl('postnl', '3SABCD123456789', to),
      'https://jouw.postnl.nl/track-and-trace/3SABCD123456789-NL-1234AB',
    );
    assert.match(trackingUrl('dhl', 'JVGL0123456789', to) ?? '', /dhl\.com.*tracking-id=JVGL0123456789$/);
    assert.equal(
      trackingUrl('dpd', '05212345678901', to),
      'https://tracking.dpd.de/status/nl_NL/parcel/05212345678901',
    );
    assert.equal(trackingUrl('other', 'ABC-123', to), null);
  });
});
