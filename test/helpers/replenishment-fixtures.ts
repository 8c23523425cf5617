import { randomUUID } from 'node:crypto';
import { changePreferences, loadPreferences } from '../../src/preferences/preference-store.ts';
import { proposePlans } from '../../src/replenishment/propose-plans.ts';
import { addCategory, addProduct } from './catalog-fixtures.ts';
import { orderThroughApi } from './order-fixtures.ts';
import { addCustomer } from './signed-in-customer.ts';
import { startTestApp, type TestApp } from './test-app.ts';

/** The consumable the replenishment tests order. */
export const REPLENISHMENT_SKU = 'TB-REPL-BAG';

/**
 * A shop on Monday 5 January 2026, 10:00 UTC, selling the consumable (€10.00, 500 in stock); answers the shop and
 * the consumable's product id.
 */
export async function startReplenishmentShop(): Promise<{ t: TestApp; productId: string }> {
  const t = await startTestApp({}, '2026-01-05T10:00:00Z');
  await addCategory(t.ctx, 'bags');
  const productId = await addProduct(t.ctx, { sku: REPLENISHMENT_SKU, priceCents: 1000, stock: 500 });
  return { t, productId };
}

/** A new customer Anne, with an address of her own, for one test. */
export function addAnne(t: TestApp): Promise<string> {
  return addCustomer(t.ctx, `anne-${randomUUID()}@example.nl`, 'Anne');
}

/**
 * Places an order of `quantity` × the consumable (`REPLENISHMENT_SKU` unless `sku` says otherwise) at `when`
 * through the checkout API, as Anne, in `lang` (default English), and makes it the customer's.
 */
export async function orderConsumableAt(
  t: TestApp,
  customerId: string,
  when: string,
  quantity = 2,
  options: { sku?: string; lang?: 'nl' | 'en' } = {},
): Promise<void> {
  t.clock.set(when);
  const { orderNumber: number } = await orderThroughApi(t, {
    sku: options.sku ?? REPLENISHMENT_SKU,
    quantity,
    lang: options.lang ?? 'en',
    body: {
      email: 'anne@example.nl',
      address: {
        name: 'Anne de Vries',
        street: 'Oudegracht',
        houseNumber: '12',
        postcode: '3511AB',
        city: 'Utrecht',
        country: 'NL',
      },
    },
  });
  await t.db.updateTable('orders').set({ customer_id: customerId }).where('number', '=', number).execute();
}

export async function remindersOn(t: TestApp, customerId: string, on = true): Promise<void> {
  const { prefs } = await loadPreferences(t.ctx, customerId);
  await changePreferences(
    t.ctx,
    customerId,
    { ...prefs, topics: { ...prefs.topics, replenishment: on ? 'on' : 'off' } },
    { source: 'preference-centre', actor: 'customer' },
  );
}

export async function planOf(t: TestApp, customerId: string) {
  return t.db
    .selectFrom('replenishment_plans')
    .selectAll()
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
}

/**
 * A regular customer: reminders on (before the first order), then three orders eight weeks apart (2, 2 and 3 of
 * the consumable): a plan predicted at 56 days for 3 units, running out on 2026-07-23 and reminded from 2026-06-17.
 */
export async function regularCustomer(t: TestApp, customerId: string): Promise<void> {
  t.clock.set('2026-01-05T09:00:00Z');
  await remindersOn(t, customerId);
  await orderConsumableAt(t, customerId, '2026-01-05T10:00:00Z');
  await orderConsumableAt(t, customerId, '2026-03-02T10:00:00Z');
  await orderConsumableAt(t, customerId, '2026-04-27T10:00:00Z', 3);
  await proposePlans(t.ctx, customerId);
}
