import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { addCategory, addProduct } from '../../../test/helpers/catalog-fixtures.ts';
import { addCustomer } from '../../../test/helpers/signed-in-customer.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { createCart } from '../../orders/create-cart.ts';
import { down, up } from './0016-price-lock-quantity.ts';

describe('migration 0016: price locks get a quantity', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('gives a lock made before it the quantity of the reminder that made it, and 1 to any other', async () => {
    await addCategory(t.ctx, 'bags');
    const productId = await addProduct(t.ctx, { sku: 'MIG-1' });
    const customerId = await addCustomer(t.ctx, 'mig@example.nl');
    const at = '2026-11-30T12:00:00.000Z';
    await t.db
      .insertInto('replenishment_plans')
      .values({
        id: 'plan-1',
        customer_id: customerId,
        appliance_id: '',
        product_id: productId,
        quantity: 4,
        predicted_days: 56,
        chosen_days: null,
        orders_seen: 2,
        last_ordered_on: '2026-10-01',
        next_run_out: '2026-12-01',
        cycle: 1,
        status: 'active',
        created_at: at,
        updated_at: at,
      })
      .execute();
    await t.db
      .insertInto('replenishment_reminders')
      .values({
        id: 'reminder-1',
        plan_id: 'plan-1',
        cycle: 1,
        product_id: productId,
        quantity: 4,
        quoted_cents: 1000,
        price_valid_until: '2026-12-07T23:00:00.000Z',
        run_out_on: '2026-12-01',
        created_at: at,
      })
      .execute();
    const fromReminder = await createCart(t.ctx);
    const other = await createCart(t.ctx);

    await down(t.db);
    // the table as it was before: no quantity column
    const before0016 = t.db as unknown as Kysely<any>;
    for (const [cartId, source] of [
      [fromReminder, 'reminder:reminder-1'],
      [other, 'test'],
    ] as const)
      await before0016
        .insertInto('price_locks')
        .values({
          cart_id: cartId,
          product_id: productId,
          price_cents: 900,
          valid_until: '2026-12-07T23:00:00.000Z',
          source,
          created_at: at,
        })
        .execute();
    await up(t.db);

    const rows = await t.db
      .selectFrom('price_locks')
      .select(['cart_id', 'quantity'])
      .orderBy('source')
      .execute();
    assert.deepEqual(rows, [
      { cart_id: fromReminder, quantity: 4 },
      { cart_id: other, quantity: 1 },
    ]);
  });
});
