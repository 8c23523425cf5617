import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addFixtureRegistry } from '../../../test/helpers/appliance-fixtures.ts';
import { Browser } from '../../../test/helpers/forms.ts';
import { addCustomer, signedInCustomer } from '../../../test/helpers/signed-in-customer.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { orderToken } from '../../orders/order-token.ts';
import { lockPrice } from '../../replenishment/price-lock.ts';

const ADDRESS = {
  name: 'Anne de Vries',
  street: 'Oudegracht',
  houseNumber: '12',
  addition: '',
  postcode: '3511 AB',
  city: 'Utrecht',
  country: 'NL',
};

describe('my appliances', () => {
  let t: TestApp;
  let philips: string;
  let siemens: string;
  before(async () => {
    t = await startTestApp();
    await addFixtureRegistry(t);
    const id = async (model: string) =>
      (await t.db.selectFrom('appliances').select('id').where('model', '=', model).executeTakeFirstOrThrow())
        .id;
    philips = await id('FC8520/09');
    siemens = await id('TE651209RW');
  });
  after(() => t.close());

  /** Places the order for the browser's cart through the checkout page, with these form values. */
  async function placeOrder(b: Browser, form: Record<string, string>) {
    const page = await b.get('/checkout?lang=en');
    assert.equal(page.statusCode, 200);
    const key = /name="idempotency_key" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(key);
    const done = await b.post('/checkout', {
      idempotency_key: key,
      shippingMethod: 'mailbox',
      paymentMethod: 'bank-transfer',
      ...form,
    });
    assert.equal(done.statusCode, 303, done.body);
    const number = /\/order\/([^/]+)\/confirmation/.exec(done.headers.location as string)?.[1];
    assert.ok(number);
    return t.db
      .selectFrom('orders')
      .selectAll()
      .where('number', '=', decodeURIComponent(number))
      .executeTakeFirstOrThrow();
  }

  it('saves from a lookup result for a signed-in customer; a guest gets a sign-in link that comes back', async () => {
    const guestPage = await new Browser(t.app).get(`/a/${philips}?lang=en`);
    assert.match(
      guestPage.body,
      new RegExp(
        `href="/account/sign-in\\?next=${encodeURIComponent(`/a/${philips}`)}">Sign in to save this appliance`,
      ),
    );
    const anne = await addCustomer(t.ctx, 'anne@example.nl', 'Anne');
    const b = await signedInCustomer(t.app, t.ctx, anne);
    const page = await b.get(`/a/${philips}?lang=en`);
    assert.match(page.body, /Save to my appliances/);
    const saved = await b.post('/account/appliances', {
      appliance_id: philips,
      serial: '',
      source: 'lookup',
    });
    assert.equal(saved.statusCode, 303);
    const detail = await b.get(`${saved.headers.location}&lang=en`);
    assert.match(detail.body, /Saved to your appliances\./);
    assert.match(detail.body, /<h1>Brand [^<]*|<h1>Philips FC8520\/09<\/h1>/);
    assert.match(detail.body, /Part BAG-1/);
    assert.match(detail.body, /name="appliance_id" value="[^"]+"/, 'cart buttons carry the appliance');
    const row = await t.db
      .selectFrom('customer_appliances')
      .selectAll()
      .where('customer_id', '=', anne)
      .executeTakeFirstOrThrow();
    assert.equal(row.appliance_id, philips);
    assert.equal(row.source, 'lookup');
    // saved once: the lookup result now links to it, and saving again adds nothing
    const after = await b.get(`/a/${philips}?lang=en`);
    assert.match(after.body, new RegExp(`href="/account/appliances/${row.id}">In my appliances`));
    await b.post('/account/appliances', { appliance_id: philips, serial: '', source: 'lookup' });
    assert.equal(
      (await t.db.selectFrom('customer_appliances').select('id').where('customer_id', '=', anne).execute())
        .length,
      1,
    );
  });

  it('saves by hand: model number through the lookup, the serial fixes the variant; rename, change serial, remove', async () => {
    const bas = await addCustomer(t.ctx, 'bas@example.nl');
    const b = await signedInCustomer(t.app, t.ctx, bas);
    const found = await b.get('/account/appliances/add?q=TE651209RW&serial=FD+9150&lang=en');
    assert.equal(found.statusCode, 200);
    assert.match(found.body, /Version: FD 9103-9208/);
    const unknown = await b.post('/account/appliances', {
      appliance_id: siemens,
      serial: 'FD 1000',
      source: 'manual',
    });
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /This serial number belongs to no known version/);
    await b.get('/account/appliances/add?q=TE651209RW&serial=FD+9150&lang=en');
    const saved = await b.post('/account/appliances', {
      appliance_id: siemens,
      serial: 'FD 9150',
      source: 'manual',
    });
    assert.equal(saved.statusCode, 303);
    const id = /\/account\/appliances\/([^?]+)/.exec(saved.headers.location as string)![1]!;
    const variant = await t.db
      .selectFrom('appliance_variants')
      .select('id')
      .where('appliance_id', '=', siemens)
      .where('label', '=', 'FD 9103-9208')
      .executeTakeFirstOrThrow();
    const row = await t.db
      .selectFrom('customer_appliances')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.variant_id, variant.id);
    assert.equal(row.source, 'manual');
    const detail = await b.get(`/account/appliances/${id}?lang=en`);
    assert.match(detail.body, /Part CLN-2/);
    assert.match(detail.body, /Part CLN-1/, 'the appliance-wide part too');
    assert.doesNotMatch(detail.body, /Part CLN-3/, 'not the other series’ part');

    const renamed = await b.post(`/account/appliances/${id}`, {
      label: '  Coffee   at work ',
      serial: 'FD 9300',
    });
    assert.equal(renamed.statusCode, 303);
    const changed = await b.get(`/account/appliances/${id}?lang=en`);
    assert.match(changed.body, /<h1>Coffee at work<\/h1>/);
    assert.match(changed.body, /Version: FD 9209-/);
    assert.match(changed.body, /Part CLN-3/);
    const badSerial = await b.post(`/account/appliances/${id}`, { label: 'x', serial: 'FD 1000' });
    assert.equal(badSerial.statusCode, 422);
    assert.match(badSerial.body, /belongs to no known version/);

    const list = await b.get('/account/appliances?lang=en');
    assert.match(list.body, /Coffee at work/);
    const removed = await b.post(`/account/appliances/${id}/remove`, {});
    assert.equal(removed.headers.location, '/account/appliances?done=removed');
    assert.equal(
      await t.db.selectFrom('customer_appliances').select('id').where('id', '=', id).executeTakeFirst(),
      undefined,
    );
  });

  it('signed-in checkout: prefilled, the order is theirs, lines remember the appliance, the address is saved; one-tap reorder fills the cart', async () => {
    const carla = await addCustomer(t.ctx, 'carla@example.nl', 'Carla');
    const b = await signedInCustomer(t.app, t.ctx, carla);
    await b.get(`/a/${philips}?lang=en`);
    const saved = await b.post('/account/appliances', {
      appliance_id: philips,
      serial: '',
      source: 'lookup',
    });
    const mine = /\/account\/appliances\/([^?]+)/.exec(saved.headers.location as string)![1]!;
    await b.get(`/a/${philips}?lang=en`);
    await b.post('/cart/lines', { sku: 'BAG-1', quantity: '2', appliance_id: philips });
    await b.post('/cart/lines', { sku: 'FLT-1', quantity: '1', appliance_id: philips });
    // a reminder promised one bag at a lower price: the order splits the bags' line in two
    const bag = await t.db
      .selectFrom('products')
      .select(['id', 'price_cents'])
      .where('sku', '=', 'BAG-1')
      .executeTakeFirstOrThrow();
    await lockPrice(t.ctx, {
      cartId: b.cookies.get('tb_cart')!,
      productId: bag.id,
      priceCents: bag.price_cents - 100,
      quantity: 1,
      validUntil: '2026-12-07T00:00:00.000Z',
      source: 'reminder',
    });

    const first = await b.get('/checkout?lang=en');
    assert.match(first.body, /You are signed in as carla@example\.nl/);
    assert.match(first.body, /name="email" type="email" value="carla@example\.nl"/);
    assert.doesNotMatch(first.body, /Deliver to a saved address/, 'nothing saved yet');
    const order = await placeOrder(b, { email: 'carla@example.nl', ...ADDRESS });
    assert.equal(order.customer_id, carla);
    const lines = await t.db
      .selectFrom('order_lines')
      .select(['sku', 'appliance_id'])
      .where('order_id', '=', order.id)
      .orderBy('sku')
      .execute();
    assert.deepEqual(lines, [
      { sku: 'BAG-1', appliance_id: philips },
      { sku: 'BAG-1', appliance_id: philips },
      { sku: 'FLT-1', appliance_id: philips },
    ]);
    const addresses = await t.db
      .selectFrom('customer_addresses')
      .selectAll()
      .where('customer_id', '=', carla)
      .execute();
    assert.equal(addresses.length, 1);
    assert.equal(addresses[0]!.postcode, '3511 AB');

    // what was bought shows on the appliance; one tap puts it in the cart and opens a prefilled checkout
    const detail = await b.get(`/account/appliances/${mine}?lang=en`);
    // the split line shows as the two bags the customer bought
    assert.match(detail.body, /Last bought on 30 November 2026: 2 × Part BAG-1, 1 × Part FLT-1/);
    t.clock.advance({ hours: 1 });
    const reorder = await b.post(`/account/appliances/${mine}/reorder`, {});
    assert.equal(reorder.statusCode, 303);
    assert.equal(reorder.headers.location, '/checkout');
    const checkout = await b.get('/checkout?lang=en');
    assert.match(checkout.body, /2 × Part BAG-1/);
    assert.match(checkout.body, /1 × Part FLT-1/);
    assert.match(checkout.body, /name="postcode" type="text" value="3511 AB"/);
    assert.match(checkout.body, /name="street" type="text" value="Oudegracht"/);
    assert.match(checkout.body, /Deliver to a saved address/);
    // a second tap does not double the quantities
    await b.post(`/account/appliances/${mine}/reorder`, {});
    assert.match((await b.get('/checkout?lang=en')).body, /2 × Part BAG-1/);
    const second = await placeOrder(b, { email: 'carla@example.nl', ...ADDRESS });
    assert.equal(second.customer_id, carla);
    const touched = await t.db
      .selectFrom('customer_addresses')
      .selectAll()
      .where('customer_id', '=', carla)
      .execute();
    assert.equal(touched.length, 1, 'the same address is touched, not copied');
    assert.equal(touched[0]!.last_used_at, '2026-11-30T13:00:00.000Z');
  });

  it('reports what a reorder could not put in the cart, and offers what fits when nothing was bought yet', async () => {
    const dirk = await addCustomer(t.ctx, 'dirk@example.nl');
    const b = await signedInCustomer(t.app, t.ctx, dirk);
    await b.get(`/a/${philips}`);
    const saved = await b.post('/account/appliances', {
      appliance_id: philips,
      serial: '',
      source: 'lookup',
    });
    const mine = /\/account\/appliances\/([^?]+)/.exec(saved.headers.location as string)![1]!;
    await b.get(`/account/appliances/${mine}`);
    const nothing = await b.post(`/account/appliances/${mine}/reorder`, {});
    assert.equal(nothing.headers.location, `/account/appliances/${mine}?done=nothing-bought#fits`);
    const fits = await b.get(`/account/appliances/${mine}?done=nothing-bought&lang=en`);
    assert.match(fits.body, /You have not bought anything for this from us yet/);
    assert.match(fits.body, /Add to cart<span class="sr-only">: Part BAG-1/);

    await b.post('/cart/lines', { sku: 'BAG-1', quantity: '3', appliance_id: philips });
    await b.post('/cart/lines', { sku: 'FLT-1', quantity: '1', appliance_id: philips });
    await placeOrder(b, { email: 'dirk@example.nl', ...ADDRESS, name: 'Dirk' });
    await t.db.updateTable('products').set({ stock: 0 }).where('sku', '=', 'FLT-1').execute();
    await t.db.updateTable('products').set({ stock: 2 }).where('sku', '=', 'BAG-1').execute();
    await b.get(`/account/appliances/${mine}`);
    const short = await b.post(`/account/appliances/${mine}/reorder`, {});
    assert.equal(short.headers.location, `/checkout?short=${encodeURIComponent('BAG-1,FLT-1')}`);
    const page = await b.get(`${short.headers.location}&lang=en`);
    assert.match(page.body, /Not everything from last time is in stock: Part BAG-1, Part FLT-1\./);
    assert.match(page.body, /2 × Part BAG-1/, 'as many as there are');
    assert.doesNotMatch(page.body, /× Part FLT-1/);

    await t.db.updateTable('products').set({ stock: 0 }).where('sku', '=', 'BAG-1').execute();
    await b.get(`/account/appliances/${mine}`);
    const none = await b.post(`/account/appliances/${mine}/reorder`, {});
    assert.equal(none.statusCode, 409);
    assert.match(
      none.body,
      /is not in stock right now: Part BAG-1, Part FLT-1\. Nothing was added to your cart\./,
    );
    await t.db.updateTable('products').set({ stock: 10 }).where('sku', 'in', ['BAG-1', 'FLT-1']).execute();
  });

  it('shares appliances and addresses within a household, not with others', async () => {
    const eva = await addCustomer(t.ctx, 'eva@example.nl');
    const frits = await addCustomer(t.ctx, 'frits@example.nl');
    const stranger = await addCustomer(t.ctx, 'stranger@example.nl');
    const household = 'household-test-1';
    await t.db
      .insertInto('households')
      .values({ id: household, created_by: eva, created_at: '2026-11-30T12:00:00.000Z' })
      .execute();
    await t.db
      .updateTable('customers')
      .set({ household_id: household })
      .where('id', 'in', [eva, frits])
      .execute();
    const e = await signedInCustomer(t.app, t.ctx, eva);
    await e.get(`/a/${philips}`);
    const saved = await e.post('/account/appliances', {
      appliance_id: philips,
      serial: '',
      source: 'lookup',
    });
    const mine = /\/account\/appliances\/([^?]+)/.exec(saved.headers.location as string)![1]!;
    await e.post('/cart/lines', { sku: 'BAG-1', quantity: '1', appliance_id: philips });
    await placeOrder(e, { email: 'eva@example.nl', ...ADDRESS, name: 'Eva' });

    const f = await signedInCustomer(t.app, t.ctx, frits);
    const list = await f.get('/account/appliances?lang=en');
    assert.match(list.body, /Philips FC8520\/09/);
    assert.match(list.body, /1 × Part BAG-1/, 'what Eva bought for it');
    // Frits saving it again keeps one entry; his reorder uses the household's last order
    await f.get(`/a/${philips}`);
    const again = await f.post('/account/appliances', {
      appliance_id: philips,
      serial: '',
      source: 'lookup',
    });
    assert.equal(again.headers.location, `/account/appliances/${mine}?done=saved`);
    const reorder = await f.post(`/account/appliances/${mine}/reorder`, {});
    assert.equal(reorder.headers.location, '/checkout');
    const checkout = await f.get('/checkout?lang=en');
    assert.match(
      checkout.body,
      /name="email" type="email" value="frits@example\.nl"/,
      'his own address for mail',
    );
    assert.match(checkout.body, /name="name" type="text" value="Eva"/, 'the household’s address');

    // a saved address of the household can be chosen; using Eva's touches hers, a new one becomes Frits's own
    await t.db
      .insertInto('customer_addresses')
      .values({
        id: 'address-frits-work',
        customer_id: frits,
        name: 'Frits',
        street: 'Kantoorlaan',
        house_number: '1',
        addition: '',
        postcode: '1234 AB',
        city: 'Amsterdam',
        country: 'NL',
        created_at: '2026-01-01T00:00:00.000Z',
        last_used_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    const chooser = await f.get('/checkout?lang=en');
    assert.match(chooser.body, /Eva, Oudegracht 12, 3511 AB Utrecht, NL \(filled in\)/);
    assert.match(
      chooser.body,
      /href="\/checkout\?address=address-frits-work">Frits, Kantoorlaan 1, 1234 AB Amsterdam, NL/,
    );
    const chosen = await f.get('/checkout?address=address-frits-work&lang=en');
    assert.match(chosen.body, /name="street" type="text" value="Kantoorlaan"/);
    t.clock.advance({ minutes: 5 });
    await placeOrder(f, { email: 'frits@example.nl', ...ADDRESS, name: 'Eva' });
    const addresses = await t.db
      .selectFrom('customer_addresses')
      .select(['customer_id', 'street', 'last_used_at'])
      .where('customer_id', 'in', [eva, frits])
      .orderBy('street')
      .execute();
    assert.deepEqual(addresses, [
      { customer_id: frits, street: 'Kantoorlaan', last_used_at: '2026-01-01T00:00:00.000Z' },
      {
        customer_id: eva,
        street: 'Oudegracht',
        last_used_at: new Date(t.clock.now().epochMilliseconds).toISOString(),
      },
    ]);

    const s = await signedInCustomer(t.app, t.ctx, stranger);
    assert.doesNotMatch((await s.get('/account/appliances?lang=en')).body, /Philips FC8520\/09/);
    assert.equal((await s.get(`/account/appliances/${mine}`)).statusCode, 404);
    await s.get('/account/household'); // a page with a form, for the CSRF token
    assert.equal((await s.post(`/account/appliances/${mine}/reorder`, {})).statusCode, 404);
    assert.equal((await s.post(`/account/appliances/${mine}/remove`, {})).statusCode, 404);
  });

  it('offers to save the appliances of a signed-in customer’s order on its order page', async () => {
    const gert = await addCustomer(t.ctx, 'gert@example.nl');
    const b = await signedInCustomer(t.app, t.ctx, gert);
    await b.get(`/a/${philips}?lang=en`);
    await b.post('/cart/lines', { sku: 'BAG-1', quantity: '1', appliance_id: philips });
    const order = await placeOrder(b, { email: 'gert@example.nl', ...ADDRESS, name: 'Gert' });
    const url = `/order/${encodeURIComponent(order.number)}?t=${orderToken(t.config.sessionSecret, order.number)}&lang=en`;
    const page = await b.get(url);
    assert.match(page.body, /Save to my appliances<span class="sr-only">: Philips FC8520\/09/);
    const saved = await b.post('/account/appliances', { appliance_id: philips, source: 'order' });
    assert.equal(saved.statusCode, 303);
    const row = await t.db
      .selectFrom('customer_appliances')
      .selectAll()
      .where('customer_id', '=', gert)
      .executeTakeFirstOrThrow();
    assert.equal(row.source, 'order');
    assert.match(
      (await b.get(url)).body,
      new RegExp(`href="/account/appliances/${row.id}">In my appliances`),
    );
    // someone else with the link (a guest, or another account) is not offered anything
    assert.doesNotMatch((await new Browser(t.app).get(url)).body, /my appliances/i);
    const other = await signedInCustomer(t.app, t.ctx, await addCustomer(t.ctx, 'other@example.nl'));
    assert.doesNotMatch((await other.get(url)).body, /my appliances/i);
  });

  it('guests check out exactly as before, and an unknown appliance on a cart line is refused', async () => {
    const g = new Browser(t.app);
    await g.get(`/a/${philips}?lang=en`);
    const refused = await g.post('/cart/lines', {
      sku: 'BAG-1',
      quantity: '1',
      appliance_id: 'no-such-appliance',
    });
    assert.equal(refused.statusCode, 404);
    assert.match(refused.body, /We do not know this appliance/);
    await g.post('/cart/lines', { sku: 'BAG-1', quantity: '1', appliance_id: philips });
    const page = await g.get('/checkout?lang=en');
    assert.match(page.body, /No account needed\./);
    assert.match(page.body, /name="email" type="email" value required/);
    assert.doesNotMatch(page.body, /saved address/);
    const order = await placeOrder(g, { email: 'guest@example.nl', ...ADDRESS, name: 'Guest' });
    assert.equal(order.customer_id, null);
    const line = await t.db
      .selectFrom('order_lines')
      .select('appliance_id')
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    assert.equal(line.appliance_id, philips);
    assert.equal(
      (await t.db.selectFrom('customer_addresses').select('id').where('name', '=', 'Guest').execute()).length,
      0,
    );
    assert.equal(
      (await g.get('/account/appliances')).headers.location,
      '/account/sign-in?next=%2Faccount%2Fappliances',
    );
  });
});
