import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { addProducts } from '../../../test/helpers/appliance-fixtures.ts';
import { addAppliance, addGuestOrder, lastLinkTo } from '../../../test/helpers/customer-fixtures.ts';
import { Browser } from '../../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { confirmationPath, orderToken } from '../../orders/order-token.ts';
import { joinGuestOrders } from './join-guest-orders.ts';

describe('keep my appliance after a guest order', () => {
  let t: TestApp;
  let productId: string;
  let vacuum: string;
  let coffee: string;
  beforeEach(async () => {
    t = await startTestApp();
    await addProducts(t.ctx, ['BAG-1']);
    productId = (await t.db.selectFrom('products').select('id').executeTakeFirstOrThrow()).id;
    vacuum = await addAppliance(t.ctx, 'FC8520/09');
    coffee = await addAppliance(t.ctx, 'EC685.M');
  });
  afterEach(() => t.close());

  async function keep(browser: Browser, number: string) {
    const confirmation = confirmationPath(t.config.sessionSecret, number);
    const page = await browser.get(`${confirmation}&lang=en`);
    assert.equal(page.statusCode, 200);
    return {
      page,
      sent: await browser.post(`/account/keep/${number}?t=${orderToken(t.config.sessionSecret, number)}`, {}),
    };
  }

  it('offers to keep the appliance, or the orders when no line has one', async () => {
    await addGuestOrder(t.ctx, { number: 'TB-A', email: 'a@example.nl', productId, appliances: [vacuum] });
    await addGuestOrder(t.ctx, { number: 'TB-B', email: 'b@example.nl', productId, appliances: [null] });
    const withAppliance = await new Browser(t.app).get(
      `${confirmationPath(t.config.sessionSecret, 'TB-A')}&lang=en`,
    );
    assert.match(withAppliance.body, /Keep my appliance for next time/);
    const without = await new Browser(t.app).get(
      `${confirmationPath(t.config.sessionSecret, 'TB-B')}&lang=en`,
    );
    assert.match(without.body, /Keep my orders/);
    assert.doesNotMatch(without.body, /Keep my appliance/);
  });

  it('mails the link to the order’s address, creates the account, joins earlier guest orders and keeps the appliances', async () => {
    const earlier = await addGuestOrder(t.ctx, {
      number: 'TB-1',
      email: 'ANNE@example.nl ',
      productId,
      appliances: [coffee],
    });
    const order = await addGuestOrder(t.ctx, {
      number: 'TB-2',
      email: 'Anne@Example.nl',
      productId,
      appliances: [vacuum, vacuum, null],
    });
    const strangers = await addGuestOrder(t.ctx, {
      number: 'TB-3',
      email: 'bert@example.nl',
      productId,
      appliances: [vacuum],
    });
    const browser = new Browser(t.app);
    const { sent } = await keep(browser, 'TB-2');
    assert.equal(sent.statusCode, 200);
    assert.match(sent.body, /We sent a link to anne@example.nl/);
    const mail = await t.db
      .selectFrom('outbox_messages')
      .select(['subject', 'topic'])
      .where('to_address', '=', 'anne@example.nl')
      .executeTakeFirstOrThrow();
    assert.equal(mail.subject, 'Your account at Toonbank Demo (order TB-2)');
    assert.equal(mail.topic, 'transactional');

    const path = await lastLinkTo(t.ctx, 'anne@example.nl');
    assert.equal((await browser.get(path)).statusCode, 200, 'GET only shows the confirm button');
    assert.equal(await t.db.selectFrom('customers').select('id').executeTakeFirst(), undefined);
    const done = await browser.post(path, {});
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/account?joined=2&kept=1');

    const customer = await t.db.selectFrom('customers').selectAll().executeTakeFirstOrThrow();
    assert.equal(customer.email, 'anne@example.nl');
    assert.ok(customer.email_verified_at);
    const orders = await t.db.selectFrom('orders').select(['id', 'customer_id']).orderBy('number').execute();
    assert.deepEqual(orders, [
      { id: earlier, customer_id: customer.id },
      { id: order, customer_id: customer.id },
      { id: strangers, customer_id: null },
    ]);
    const kept = await t.db
      .selectFrom('customer_appliances')
      .select(['appliance_id', 'source', 'customer_id'])
      .execute();
    assert.deepEqual(
      kept,
      [{ appliance_id: vacuum, source: 'order', customer_id: customer.id }],
      'the order’s appliance, once',
    );

    const softOptIn = await t.db
      .selectFrom('consent_ledger')
      .select(['subject', 'source'])
      .where('customer_id', '=', customer.id)
      .where('source', '=', 'soft-opt-in')
      .execute();
    assert.ok(softOptIn.length > 0, 'the soft opt-in is recorded, as such');

    const home = await browser.get('/account?joined=2&kept=1&lang=en');
    assert.match(home.body, /2 earlier order\(s\) with this address now belong to your account/);
    assert.match(home.body, /FC8520\/09/);
    const confirmation = await browser.get(`${confirmationPath(t.config.sessionSecret, 'TB-2')}&lang=en`);
    assert.doesNotMatch(
      confirmation.body,
      /Keep my appliance/,
      'no offer once the order belongs to an account',
    );
  });

  it('signs into the existing account of the address instead of making a second one', async () => {
    await addGuestOrder(t.ctx, { number: 'TB-1', email: 'anne@example.nl', productId, appliances: [vacuum] });
    const first = new Browser(t.app);
    await keep(first, 'TB-1');
    const firstLink = await lastLinkTo(t.ctx, 'anne@example.nl');
    await first.get(firstLink);
    await first.post(firstLink, {});
    await addGuestOrder(t.ctx, { number: 'TB-2', email: 'anne@example.nl', productId, appliances: [coffee] });
    const second = new Browser(t.app);
    await keep(second, 'TB-2');
    const secondLink = await lastLinkTo(t.ctx, 'anne@example.nl');
    await second.get(secondLink);
    assert.equal((await second.post(secondLink, {})).statusCode, 303);
    assert.equal((await t.db.selectFrom('customers').select('id').execute()).length, 1);
    const kept = await t.db
      .selectFrom('customer_appliances')
      .select('appliance_id')
      .orderBy('appliance_id')
      .execute();
    assert.deepEqual(kept.map((k) => k.appliance_id).sort(), [vacuum, coffee].sort());
  });

  it('refuses a keep request without the order’s signed token', async () => {
    await addGuestOrder(t.ctx, { number: 'TB-1', email: 'anne@example.nl', productId, appliances: [vacuum] });
    const browser = new Browser(t.app);
    await browser.get('/account/sign-in');
    const res = await browser.post('/account/keep/TB-1?t=AAAAAAAAAAAAAAAAAAAAAA', {});
    assert.equal(res.statusCode, 404);
    assert.equal((await t.db.selectFrom('outbox_messages').select('id').execute()).length, 0);
  });

  it('joinGuestOrders leaves orders of an account alone and compares addresses case-insensitively', async () => {
    await addGuestOrder(t.ctx, { number: 'TB-1', email: ' Anne@Example.NL', productId, appliances: [] });
    const now = '2026-11-30T12:00:00.000Z';
    for (const id of ['c1', 'c2']) {
      await t.db
        .insertInto('customers')
        .values({
          id,
          email: `${id}@example.nl`,
          email_verified_at: now,
          name: null,
          phone: null,
          locale: 'nl',
          household_id: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    assert.equal(await joinGuestOrders(t.ctx, 'c1', 'anne@example.nl'), 1);
    assert.equal(await joinGuestOrders(t.ctx, 'c2', 'ANNE@example.nl'), 0);
    const order = await t.db.selectFrom('orders').select('customer_id').executeTakeFirstOrThrow();
    assert.equal(order.customer_id, 'c1');
  });
});
