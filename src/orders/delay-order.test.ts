import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { moveOrder, placeGuestOrder } from '../../test/helpers/order-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { delayOrder } from './delay-order.ts';
import { changeOrderStatus } from './order-events.ts';

const piet = { id: 'staff-1', name: 'Piet' };

describe('delayOrder', () => {
  let t: TestApp;
  before(async () => {
    // Monday 30 November 2026, 23:30 in Amsterdam: "today" is still the 30th there
    t = await startTestApp({}, '2026-11-30T22:30:00Z');
    await addCategory(t.ctx, 'bags');
    await addProduct(t.ctx, { sku: 'BAG-1', stock: 100 });
  });
  after(() => t.close());

  async function paidOrder(): Promise<string> {
    const { id } = await placeGuestOrder(t, 'BAG-1');
    await moveOrder(t, id, ['paid'], 'system');
    return id;
  }

  const delayJobs = (id: string) =>
    t.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'order-delayed')
      .where('payload_json', 'like', `%${id}%`)
      .execute();

  it('moves the delivery date, records the event and enqueues one notice per new date', async () => {
    const id = await paidOrder();
    const input = { newDate: '2026-12-09', message: 'Sorry!' };
    const first = await delayOrder(t.ctx, id, piet, input);
    assert.ok(first.ok && !first.alreadyDelayed);
    const again = await delayOrder(t.ctx, id, piet, input);
    assert.ok(again.ok && again.alreadyDelayed);
    const order = await t.db
      .selectFrom('orders')
      .select('delivery_date')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(order.delivery_date, '2026-12-09');
    const events = await t.db
      .selectFrom('order_events')
      .selectAll()
      .where('order_id', '=', id)
      .where('kind', '=', 'delayed')
      .execute();
    assert.equal(events.length, 1);
    assert.equal(events[0]!.note, `staff:staff-1 ${first.previousDate} → 2026-12-09: Sorry!`);
    const jobs = await delayJobs(id);
    assert.equal(jobs.length, 1);
    assert.deepEqual(JSON.parse(jobs[0]!.payload_json), {
      orderId: id,
      number: JSON.parse(jobs[0]!.payload_json).number,
      previousDate: first.previousDate,
      newDate: '2026-12-09',
      message: 'Sorry!',
      staffName: 'Piet',
    });
    assert.ok((await delayOrder(t.ctx, id, piet, { newDate: '2026-12-10', message: null })).ok);
    assert.equal((await delayJobs(id)).length, 2, 'a later date is news again');
  });

  it('takes today in the shop’s zone as the earliest date and refuses yesterday', async () => {
    const id = await paidOrder();
    assert.deepEqual(await delayOrder(t.ctx, id, piet, { newDate: '2026-11-29', message: null }), {
      ok: false,
      reason: 'date-in-past',
    });
    assert.ok((await delayOrder(t.ctx, id, piet, { newDate: '2026-11-30', message: null })).ok);
  });

  it('refuses to delay a cancelled order, writing nothing', async () => {
    const id = await paidOrder();
    await changeOrderStatus(t.ctx, { orderId: id, from: 'paid', to: 'cancelled', actor: 'system' });
    assert.deepEqual(await delayOrder(t.ctx, id, piet, { newDate: '2026-12-20', message: null }), {
      ok: false,
      reason: 'not-delayable',
      status: 'cancelled',
    });
    assert.equal((await delayJobs(id)).length, 0);
  });
});
