import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { Browser, createStaff, signedIn } from '../../test/helpers/forms.ts';
import { demoCalendars } from '../../test/helpers/shipping-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { openDb } from '../db/database.ts';
import { addToCart } from './add-to-cart.ts';
import { formValues } from './admin/shipping-form.ts';
import { loadShippingSettings } from './load-shipping-settings.ts';
import { calendarFor } from './shipping-methods.ts';
import { ShippingSettingsService } from './shipping-settings-service.ts';

const CHECKOUT = {
  email: 'ann@example.nl',
  address: {
    name: 'Ann de Vries',
    street: 'Dorpsstraat',
    houseNumber: '12',
    postcode: '1234 AB',
    city: 'Utrecht',
    country: 'NL',
  },
  paymentMethod: 'bank-transfer',
};

/** Monday 30 November 2026, 13:00 in Amsterdam (the test app's clock). */
describe('shipping settings', () => {
  let t: TestApp;
  let owner: Browser;
  let slug: string;
  let defaults: Record<string, string>;
  let n = 0;

  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
    await addProduct(t.ctx, { sku: 'BAG-1', priceCents: 1000, stock: 500, weightGrams: 200 });
    slug = (await t.db.selectFrom('products').select('slug').executeTakeFirstOrThrow()).slug;
    await createStaff(t.db, { email: 'olga@example.nl', role: 'owner' });
    await createStaff(t.db, { email: 'sam@example.nl', role: 'staff' });
    owner = await signedIn(t.app, 'olga@example.nl');
    defaults = formValues(await loadShippingSettings(t.ctx), 'en');
  });
  after(() => t.close());
  // every case starts from the seeded settings
  afterEach(async () => {
    const res = await save({});
    assert.equal(res.statusCode, 303, res.body);
  });

  /** Posts the settings form: the seeded values with these changes (null unticks a box or empties a field). */
  const save = (changes: Record<string, string | null>, lang = 'en') =>
    owner.submit(`/admin/shipping?lang=${lang}`, { ...defaults, ...changes }, `/admin/shipping?lang=${lang}`);

  /** A cart with `quantity` bags of € 10 (200 g each, mailbox fit), as the API shows it. */
  async function cart(quantity = 1) {
    const added = await addToCart(t.ctx, null, 'BAG-1', quantity);
    assert.ok(added.ok);
    const res = await t.app.inject({ url: `/api/v1/carts/${added.cartId}?lang=en` });
    assert.equal(res.statusCode, 200, res.body);
    return { id: added.cartId, view: res.json() };
  }
  const options = (view: {
    shippingOptions: { method: string; priceCents: number; deliveryDate: string }[];
  }) => view.shippingOptions.map((o) => [o.method, o.priceCents, o.deliveryDate]);
  const checkout = (cartId: string, shippingMethod: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/carts/${cartId}/checkout?lang=en`,
      headers: { 'idempotency-key': `shipping-${++n}-${randomUUID()}` },
      payload: { ...CHECKOUT, shippingMethod },
    });

  it('starts every shop with the values that were code constants, so nothing changes', async () => {
    const settings = await loadShippingSettings(t.ctx);
    assert.deepEqual(t.app.shipping.current, settings);
    assert.deepEqual(
      settings.methods.map((m) => calendarFor(settings, m, 'Europe/Amsterdam')),
      demoCalendars,
    );
    assert.deepEqual(
      settings.methods.map((m) => [m.method, m.enabled, m.priceCents, m.maxWeightGrams]),
      [
        ['mailbox', true, 395, 2000],
        ['parcel', true, 695, null],
      ],
    );
    assert.equal(settings.freeFromCents, 5000);
    assert.deepEqual(settings.closingDays, []);
    const { view } = await cart();
    assert.deepEqual(options(view), [
      ['mailbox', 395, '2026-12-01'],
      ['parcel', 695, '2026-12-01'],
    ]);
    assert.equal(view.freeShippingFromCents, 5000);
  });

  it('moves the promise in the cart, on product pages and at checkout when the owner adds a closing day', async () => {
    const res = await save({ closingDays: '2026-11-30 Inventaris\n2026-12-24' });
    assert.equal(res.statusCode, 303, res.body);
    const { id, view } = await cart();
    // nothing leaves on Monday: dispatched Tuesday, delivered Wednesday
    assert.deepEqual(options(view), [
      ['mailbox', 395, '2026-12-02'],
      ['parcel', 695, '2026-12-02'],
    ]);
    const product = await t.app.inject({ url: `/p/${slug}?lang=en` });
    assert.match(product.body, /in your mailbox Wednesday 2 December/);
    const order = await checkout(id, 'mailbox');
    assert.equal(order.statusCode, 201, order.body);
    assert.equal(order.json().deliveryDate, '2026-12-02');
  });

  it('takes a method switched off out of the cart, and the checkout refuses it with 422', async () => {
    assert.equal((await save({ 'mailbox-enabled': null })).statusCode, 303);
    const { id, view } = await cart();
    assert.deepEqual(options(view), [['parcel', 695, '2026-12-01']]);
    const refused = await checkout(id, 'mailbox');
    assert.equal(refused.statusCode, 422);
    assert.match(refused.json().error.fields.shippingMethod, /We do not offer this shipping method/);
    const page = await t.app.inject({ url: `/p/${slug}?lang=en` });
    assert.match(page.body, /delivered tomorrow/, 'the product page promises the parcel');
    assert.doesNotMatch(page.body, /mailbox tomorrow/);
    const placed = await checkout(id, 'parcel');
    assert.equal(placed.statusCode, 201, placed.body);
    assert.equal(placed.json().total, 1000 + 695);
  });

  it('charges the new price, and without a threshold shipping is never free', async () => {
    assert.equal((await save({ 'parcel-price': '7.50', freeFrom: '' })).statusCode, 303);
    // € 60 of bags: free with the seeded threshold of € 50, not now
    const { id, view } = await cart(6);
    assert.equal(view.freeShippingFromCents, null);
    assert.deepEqual(options(view), [
      ['mailbox', 395, '2026-12-01'],
      ['parcel', 750, '2026-12-01'],
    ]);
    const placed = await checkout(id, 'parcel');
    assert.equal(placed.statusCode, 201, placed.body);
    assert.equal(placed.json().total, 6000 + 750);
    const shopper = new Browser(t.app);
    await shopper.get(`/p/${slug}?lang=en`);
    assert.equal((await shopper.post('/cart/lines', { sku: 'BAG-1', quantity: '6' })).statusCode, 303);
    const page = await shopper.get('/cart');
    assert.match(page.body, /Parcel<\/strong>: €7\.50\./);
    assert.doesNotMatch(page.body, /Free shipping from|ships for free/);
  });

  it('tells the customer when no method the shop offers can carry the cart', async () => {
    await addProduct(t.ctx, { sku: 'BULKY-1', mailboxFit: false, stock: 10 });
    assert.equal((await save({ 'parcel-enabled': null })).statusCode, 303);
    const shopper = new Browser(t.app);
    await shopper.get(`/p/${slug}?lang=en`);
    assert.equal((await shopper.post('/cart/lines', { sku: 'BULKY-1', quantity: '1' })).statusCode, 303);
    const page = await shopper.get('/cart');
    assert.match(page.body, /We cannot ship this cart at the moment\./);
    assert.doesNotMatch(page.body, /Everything fits through the mailbox/);
    const added = await addToCart(t.ctx, null, 'BULKY-1', 1);
    assert.ok(added.ok);
    const refused = await checkout(added.cartId, 'mailbox');
    assert.equal(refused.statusCode, 422);
    assert.match(refused.json().error.fields.shippingMethod, /We cannot ship this order at the moment/);
  });

  it('keeps the mailbox to its maximum weight', async () => {
    assert.equal((await save({ 'mailbox-maxWeight': '1000' })).statusCode, 303);
    const light = await cart(5);
    assert.equal(light.view.shippingOptions[0].method, 'mailbox');
    const heavy = await cart(6);
    assert.deepEqual(
      heavy.view.shippingOptions.map((o: { method: string; available: boolean }) => [o.method, o.available]),
      [
        ['parcel', true],
        ['mailbox', false],
      ],
    );
    assert.equal((await checkout(heavy.id, 'mailbox')).statusCode, 422);
  });

  it('refuses a bad form with the reason per field, in the visitor’s language, and saves none of it', async () => {
    const before = await loadShippingSettings(t.ctx);
    const bad = {
      'mailbox-price': '-1',
      'mailbox-cutoff': '25:00',
      'parcel-transit': '0',
      freeFrom: 'veel',
      holidayCountry: 'XX',
      closingDays: '2026-12-24 Kerstavond\n\n2026-12-24 nog eens',
      // a good change beside the bad ones must not be saved either
      'parcel-price': '9.95',
    };
    for (let d = 1; d <= 7; d++) (bad as Record<string, string | null>)[`mailbox-dispatch-${d}`] = null;
    const en = await save(bad);
    assert.equal(en.statusCode, 422);
    for (const reason of [
      'Not everything is filled in correctly; nothing has been saved.',
      'Mailbox parcel, Price (euros, incl. VAT): Enter an amount in euros from 0 to 1000, for example 3.95.',
      'Enter a time as HH:MM, for example 22:00.',
      'Mailbox parcel, Dispatch days: Choose at least one day.',
      'Parcel, Transit days (1–10): Enter a whole number of days from 1 to 10.',
      'Enter an amount in euros, for example 50, or leave it empty for no free shipping.',
      'Choose a country from the list.',
      'Line 3: 2026-12-24 is listed twice.',
    ])
      assert.ok(en.body.includes(reason), reason);
    assert.match(en.body, /value="25:00"/, 'the form keeps what was typed');
    const nl = await save({ 'mailbox-cutoff': '9.30', closingDays: '24-12-2026' }, 'nl');
    assert.equal(nl.statusCode, 422);
    assert.match(nl.body, /Vul een tijd in als UU:MM, bijvoorbeeld 22:00\./);
    assert.match(nl.body, /Regel 1: begin met een datum als JJJJ-MM-DD/);
    assert.deepEqual(await loadShippingSettings(t.ctx), before);
    assert.deepEqual(t.app.shipping.current, before);
  });

  it('keeps at least one method switched on', async () => {
    const res = await save({ 'mailbox-enabled': null, 'parcel-enabled': null });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Keep at least one shipping method switched on\./);
    assert.ok(t.app.shipping.current.methods.every((m) => m.enabled));
  });

  it('refuses days on which nothing would ever be dispatched', async () => {
    // the parcel leaves on Sundays only and arrives on Mondays
    const sundaysOnly: Record<string, string | null> = {
      'parcel-dispatch-7': 'on',
      'parcel-delivery-1': 'on',
    };
    for (let d = 1; d <= 6; d++) sundaysOnly[`parcel-dispatch-${d}`] = null;
    for (let d = 2; d <= 7; d++) sundaysOnly[`parcel-delivery-${d}`] = null;
    assert.equal((await save(sundaysOnly)).statusCode, 303, 'Sunday dispatch, Monday delivery is a calendar');
    const sundays: string[] = [];
    for (let day = Date.UTC(2026, 11, 6); day < Date.UTC(2027, 11, 31); day += 7 * 86_400_000)
      sundays.push(new Date(day).toISOString().slice(0, 10));
    const res = await save({ ...sundaysOnly, closingDays: sundays.join('\n') });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /nothing would be dispatched or delivered within a year/);
  });

  it('shows the owner what a customer ordering now is promised, in both languages', async () => {
    const saved = await save({ 'parcel-cutoff': '12:30' });
    assert.equal(saved.statusCode, 303);
    const en = await owner.get(saved.headers.location as string);
    assert.match(en.body, /Shipping settings saved\./);
    // 13:00 on Monday is past the new 12:30 cut-off: the parcel leaves on Tuesday
    assert.match(en.body, /Parcel: an order placed now is delivered on Wednesday 2 December\./);
    assert.match(en.body, /Mailbox parcel: an order placed now is delivered on Tuesday 1 December\./);
    assert.match(en.body, /value="12:30"/);
    const nl = await owner.get('/admin/shipping?lang=nl');
    assert.match(
      nl.body,
      /Pakket: een bestelling die nu geplaatst wordt, wordt bezorgd op woensdag 2 december\./,
    );
    assert.match(nl.body, /href="\/admin\/shipping">Verzending</, 'the admin menu links it');
  });

  it('is for the owner only, and refuses a post without the form’s token', async () => {
    const sam = await signedIn(t.app, 'sam@example.nl');
    assert.equal((await sam.get('/admin/shipping')).statusCode, 403);
    assert.doesNotMatch((await sam.get('/admin')).body, /href="\/admin\/shipping"/);
    assert.equal((await sam.post('/admin/shipping', { ...defaults, 'parcel-price': '0' })).statusCode, 403);
    const anonymous = await t.app.inject({ url: '/admin/shipping' });
    assert.equal(anonymous.statusCode, 303);
    await owner.get('/admin/shipping');
    const forged = await owner.post('/admin/shipping', { ...defaults, 'parcel-price': '0', _csrf: null });
    assert.equal(forged.statusCode, 403);
    assert.equal(t.app.shipping.current.methods[1]!.priceCents, 695);
  });

  it('answers carts and product pages from memory, without reading the settings tables', async () => {
    const { id } = await cart();
    const away = ['shipping_methods', 'shipping_settings', 'shop_closing_days'];
    for (const table of away)
      await sql`alter table ${sql.table(table)} rename to ${sql.table(`${table}_away`)}`.execute(t.db);
    try {
      assert.equal((await t.app.inject({ url: `/api/v1/carts/${id}` })).statusCode, 200);
      assert.equal((await t.app.inject({ url: `/p/${slug}?lang=nl` })).statusCode, 200);
      assert.equal((await checkout(id, 'mailbox')).statusCode, 201);
    } finally {
      for (const table of away)
        await sql`alter table ${sql.table(`${table}_away`)} rename to ${sql.table(table)}`.execute(t.db);
    }
  });
});

const onPostgres = (process.env.DATABASE_URL ?? '').startsWith('postgres');

describe('shipping settings in other processes', {
  skip: !onPostgres && 'PostgreSQL only (LISTEN/NOTIFY)',
}, () => {
  let t: TestApp;
  let other: ShippingSettingsService;
  let otherDb: ReturnType<typeof openDb>;
  before(async () => {
    t = await startTestApp();
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db);
    otherDb = openDb(t.config.databaseUrl, { schema: rows[0]!.schema, poolSize: 2 });
    other = new ShippingSettingsService();
    await other.load({ ...t.ctx, db: otherDb });
  });
  after(async () => {
    await other.close();
    await otherDb.destroy();
    await t.close();
  });

  it('re-reads them in a second process after NOTIFY', async () => {
    await createStaff(t.db, { email: 'olga@example.nl', role: 'owner' });
    const owner = await signedIn(t.app, 'olga@example.nl');
    const values = formValues(t.app.shipping.current, 'en');
    const res = await owner.submit('/admin/shipping', { ...values, 'parcel-price': '5.00' });
    assert.equal(res.statusCode, 303, res.body);
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && other.current.methods[1]!.priceCents !== 500)
      await new Promise((r) => setTimeout(r, 25));
    assert.equal(other.current.methods[1]!.priceCents, 500);
  });
});
