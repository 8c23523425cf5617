import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { Browser } from '../../test/helpers/forms.ts';
import { checkInvariants } from '../../test/helpers/order-invariants.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { addToCart } from './add-to-cart.ts';
import { checkout } from './checkout.ts';

/** A checkout body that passes validation; override what a case is about. */
function body(overrides: Record<string, unknown> = {}) {
  return {
    email: 'ann@example.nl',
    address: {
      name: 'Ann de Vries',
      street: 'Dorpsstraat',
      houseNumber: '12',
      addition: 'bis',
      postcode: '1234ab',
      city: 'Utrecht',
      country: 'NL',
    },
    shippingMethod: 'parcel',
    paymentMethod: 'bank-transfer',
    ...overrides,
  };
}

describe('checkout', () => {
  let t: TestApp;
  const initial = new Map<string, number>();
  let skuCounter = 0;

  /** A product with this much stock; returns its SKU. */
  async function product(stock: number, extra: Parameters<typeof addProduct>[1] = {}): Promise<string> {
    const sku = `SKU-${++skuCounter}`;
    await addProduct(t.ctx, {
      sku,
      nameNl: `Zak ${sku}`,
      nameEn: `Bag ${sku}`,
      priceCents: 1295,
      stock,
      ...extra,
    });
    initial.set(sku, stock);
    return sku;
  }

  /** A fresh cart holding these lines; returns its id. */
  async function cart(lines: [string, number][]): Promise<string> {
    let id: string | null = null;
    for (const [sku, quantity] of lines) {
      const added = await addToCart(t.ctx, id, sku, quantity);
      assert.ok(added.ok, `adding ${sku}`);
      id = added.cartId;
    }
    return id!;
  }

  const post = (cartId: string, payload: unknown, key: string | null = randomUUID()) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/carts/${cartId}/checkout?lang=en`,
      headers: key === null ? {} : { 'idempotency-key': key },
      payload: payload as Record<string, unknown>,
    });

  const stockOf = async (sku: string) =>
    (await t.db.selectFrom('products').select('stock').where('sku', '=', sku).executeTakeFirstOrThrow())
      .stock;
  const orderCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
  });
  after(async () => {
    await checkInvariants(t.ctx, initial);
    await t.close();
  });

  it('places an order: stock reserved, order number, cart emptied, jobs enqueued, delivery date promised', async () => {
    const sku = await product(7);
    const id = await cart([[sku, 2]]);
    const res = await post(id, body({ shippingMethod: 'mailbox' }));
    assert.equal(res.statusCode, 201, res.body);
    const receipt = res.json();
    assert.match(receipt.orderNumber, /^TB-2026-\d{6}$/);
    assert.equal(receipt.status, 'awaiting_payment');
    assert.equal(receipt.total, 2 * 1295 + 395);
    // Monday 30 November 2026, 13:00 in Amsterdam: dispatched today, in the mailbox on Tuesday
    assert.equal(receipt.deliveryDate, '2026-12-01');
    assert.match(receipt.confirmationUrl, /\/order\/TB-2026-\d{6}\/confirmation\?t=[\w-]{22}$/);
    assert.equal(await stockOf(sku), 5);
    const order = await t.db
      .selectFrom('orders')
      .selectAll()
      .where('number', '=', receipt.orderNumber)
      .executeTakeFirstOrThrow();
    assert.equal(order.postcode, '1234 AB');
    assert.deepEqual(JSON.parse(order.vat_json), {
      21: Math.round((2590 * 21) / 121) + Math.round((395 * 21) / 121),
    });
    const jobs = await t.db
      .selectFrom('jobs')
      .select('kind')
      .where('idempotency_key', 'like', `%:${order.id}`)
      .execute();
    assert.deepEqual(jobs.map((j) => j.kind).sort(), ['fulfilment', 'order-confirmation']);
    const after = await t.app.inject({ url: `/api/v1/carts/${id}` });
    assert.deepEqual(after.json().lines, []);
  });

  it('sells the last five units to exactly five of 200 concurrent buyers and refuses the rest with 409', async () => {
    const sku = await product(5);
    const carts = await Promise.all(Array.from({ length: 200 }, () => cart([[sku, 1]])));
    const responses = await Promise.all(carts.map((id) => post(id, body())));
    const codes = responses.map((r) => r.statusCode);
    assert.equal(codes.filter((c) => c === 201).length, 5);
    assert.equal(
      codes.filter((c) => c === 409).length,
      195,
      JSON.stringify(codes.filter((c) => c !== 201 && c !== 409)),
    );
    const refusal = responses.find((r) => r.statusCode === 409)!.json();
    assert.equal(refusal.error.id, 'out-of-stock');
    assert.deepEqual(refusal.error.skus, [sku]);
    assert.match(refusal.error.message, /not everything is in stock/);
    assert.equal(await stockOf(sku), 0);
    await checkInvariants(t.ctx, initial);
  });

  it('refuses a cart whose lines together want more than there is, and reserves nothing', async () => {
    const plenty = await product(5);
    const scarce = await product(2);
    const id = await cart([
      [plenty, 3],
      [scarce, 4],
    ]);
    const res = await post(id, body());
    assert.equal(res.statusCode, 409);
    assert.deepEqual(res.json().error.skus, [scarce]);
    assert.equal(await stockOf(plenty), 5);
    assert.equal(await stockOf(scarce), 2);
    assert.equal((await t.app.inject({ url: `/api/v1/carts/${id}` })).json().lines.length, 2);
  });

  it('creates one order for the same checkout sent 10 times at once and once more afterwards', async () => {
    const sku = await product(10);
    const id = await cart([[sku, 1]]);
    const key = randomUUID();
    const before = await orderCount();
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(id, body(), key)));
    const again = await post(id, body(), key);
    for (const r of [...responses, again]) {
      assert.equal(r.statusCode, 201, r.body);
      assert.deepEqual(r.json(), responses[0]!.json());
    }
    assert.equal(responses.filter((r) => r.headers['idempotent-replayed'] === 'true').length, 9);
    assert.equal(await orderCount(), before + 1);
    assert.equal(await stockOf(sku), 9);
  });

  it('gives 50 concurrent requests with one key one order and the same stored answer', async () => {
    const sku = await product(100);
    const id = await cart([[sku, 3]]);
    const key = randomUUID();
    const before = await orderCount();
    const responses = await Promise.all(Array.from({ length: 50 }, () => post(id, body(), key)));
    const first = responses[0]!.json();
    for (const r of responses) {
      assert.equal(r.statusCode, 201);
      assert.deepEqual(r.json(), first);
    }
    assert.equal(await orderCount(), before + 1);
    assert.equal(await stockOf(sku), 97);
  });

  it('refuses the same key with a different body with 422, and treats a key older than 24 h as new', async () => {
    const sku = await product(10);
    const id = await cart([[sku, 1]]);
    const key = randomUUID();
    assert.equal((await post(id, body(), key)).statusCode, 201);
    const other = await post(id, body({ email: 'bob@example.nl' }), key);
    assert.equal(other.statusCode, 422);
    assert.equal(other.json().error.id, 'idempotency-mismatch');
    await addToCart(t.ctx, id, sku, 2);
    t.clock.advance({ hours: 23 });
    assert.equal((await post(id, body(), key)).headers['idempotent-replayed'], 'true');
    t.clock.advance({ hours: 2 });
    const fresh = await post(id, body(), key);
    assert.equal(fresh.statusCode, 201);
    assert.equal(fresh.headers['idempotent-replayed'], undefined);
    assert.equal(await stockOf(sku), 7);
    t.clock.set('2026-11-30T12:00:00Z');
  });

  it('replays a stored out-of-stock refusal for the same key', async () => {
    const sku = await product(1);
    const id = await cart([[sku, 2]]);
    const key = randomUUID();
    assert.equal((await post(id, body(), key)).statusCode, 409);
    await t.db.updateTable('products').set({ stock: 5 }).where('sku', '=', sku).execute();
    initial.set(sku, 5);
    const again = await post(id, body(), key);
    assert.equal(again.statusCode, 409);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal((await post(id, body())).statusCode, 201);
  });

  it('answers 400 without an Idempotency-Key and 404 for an unknown cart', async () => {
    const id = await cart([[await product(3), 1]]);
    const missing = await post(id, body(), null);
    assert.equal(missing.statusCode, 400);
    assert.match(missing.json().error.message, /Idempotency-Key/);
    assert.equal((await post('AAAAAAAAAAAAAAAAAAAAAA', body())).statusCode, 404);
  });

  it('names every invalid field with a reason (422) and places nothing', async () => {
    const sku = await product(3);
    const id = await cart([[sku, 1]]);
    const res = await post(id, {
      email: 'not-an-address',
      address: {
        name: '',
        street: 'Dorpsstraat',
        houseNumber: 'twelve',
        postcode: '123',
        city: 'Utrecht',
        country: 'NL',
      },
      shippingMethod: 'drone',
    });
    assert.equal(res.statusCode, 422);
    const { error } = res.json();
    assert.equal(error.id, 'validation-failed');
    assert.deepEqual(Object.keys(error.fields).sort(), [
      'address.houseNumber',
      'address.name',
      'address.postcode',
      'email',
      'paymentMethod',
      'shippingMethod',
    ]);
    assert.equal(error.fields['address.postcode'], 'Enter a postcode like 1234 AB.');
    const german = await post(
      id,
      body({ address: { ...body().address, postcode: '1234 AB', country: 'DE' } }),
    );
    assert.equal(german.json().error.fields['address.postcode'], 'Enter a postcode like 10115.');
    const elsewhere = await post(id, body({ address: { ...body().address, country: 'US' } }));
    assert.ok(elsewhere.json().error.fields['address.country']);
    assert.equal(await stockOf(sku), 3);
  });

  it('refuses the mailbox method for a cart that does not fit, or weighs over 2 kg', async () => {
    const bulky = await product(5, { mailboxFit: false });
    const heavy = await product(50, { weightGrams: 700 });
    for (const lines of [[[bulky, 1]], [[heavy, 3]]] as [string, number][][]) {
      const res = await post(await cart(lines), body({ shippingMethod: 'mailbox' }));
      assert.equal(res.statusCode, 422);
      assert.match(res.json().error.fields.shippingMethod, /choose Parcel/);
    }
    assert.equal(await stockOf(bulky), 5);
  });

  it('lists shipping options with price and delivery date in the cart API, free from € 50', async () => {
    const sku = await product(20, { priceCents: 1000 });
    const id = await cart([[sku, 2]]);
    const small = (await t.app.inject({ url: `/api/v1/carts/${id}?lang=en` })).json();
    assert.equal(small.freeShippingFromCents, 5000);
    assert.deepEqual(
      small.shippingOptions.map((o: { method: string; priceCents: number; deliveryDate: string }) => [
        o.method,
        o.priceCents,
        o.deliveryDate,
      ]),
      [
        ['mailbox', 395, '2026-12-01'],
        ['parcel', 695, '2026-12-01'],
      ],
    );
    assert.match(small.shippingOptions[0].deliveryText, /in your mailbox tomorrow/);
    await addToCart(t.ctx, id, sku, 3);
    const big = (await t.app.inject({ url: `/api/v1/carts/${id}` })).json();
    assert.deepEqual(
      big.shippingOptions.map((o: { priceCents: number }) => o.priceCents),
      [0, 0],
    );
    const res = await post(id, body());
    assert.equal(res.json().total, 5000);
  });

  it('retries a transaction refused with a serialization failure or a busy database, once, invisibly', async () => {
    for (const code of ['40001', 'SQLITE_BUSY', '40P01']) {
      const sku = await product(4);
      const id = await cart([[sku, 1]]);
      let failures = 0;
      const flaky: KyselyPlugin = {
        transformQuery(args) {
          const node = args.node as { kind: string; into?: { table: { identifier: { name: string } } } };
          if (
            failures === 0 &&
            node.kind === 'InsertQueryNode' &&
            node.into?.table.identifier.name === 'order_lines'
          ) {
            failures++;
            throw Object.assign(new Error('injected'), { code });
          }
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const before = await orderCount();
      const result = await checkout(
        { ...t.ctx, db: t.db.withPlugin(flaky) },
        { cartId: id, idempotencyKey: randomUUID(), body: body(), shipping: t.app.shipping.current },
      );
      assert.equal(failures, 1);
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(await orderCount(), before + 1);
      assert.equal(await stockOf(sku), 3);
    }
    await checkInvariants(t.ctx, initial);
  });

  it('answers "try again" when the database stays busy, and leaves nothing half-written', async () => {
    const sku = await product(4);
    const id = await cart([[sku, 1]]);
    const busy: KyselyPlugin = {
      transformQuery(args) {
        if ((args.node as { kind: string }).kind === 'InsertQueryNode')
          throw Object.assign(new Error('busy'), { code: '40001' });
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const before = await orderCount();
    const result = await checkout(
      { ...t.ctx, db: t.db.withPlugin(busy) },
      { cartId: id, idempotencyKey: randomUUID(), body: body(), shipping: t.app.shipping.current },
    );
    assert.deepEqual(result, { ok: false, reason: 'try-again' });
    assert.equal(await orderCount(), before);
    assert.equal(await stockOf(sku), 4);
  });

  for (const lang of ['en', 'nl'] as const) {
    it(`takes a shopper from the cart through the checkout page to the confirmation (${lang})`, async () => {
      const sku = await product(5, { mailboxFit: true });
      const browser = new Browser(t.app);
      const slug = (
        await t.db.selectFrom('products').select('slug').where('sku', '=', sku).executeTakeFirstOrThrow()
      ).slug;
      await browser.get(`/p/${slug}?lang=${lang}`);
      assert.equal((await browser.post('/cart/lines', { sku, quantity: '2' })).statusCode, 303);
      const cartPage = await browser.get('/cart');
      const en = lang === 'en';
      assert.match(
        cartPage.body,
        en
          ? /Mailbox parcel<\/strong>: €3\.95\. Order before 23:59, in your mailbox tomorrow/
          : /Brievenbuspakje<\/strong>: €\s3,95\. Vóór 23:59 besteld, morgen in je brievenbus/,
      );
      assert.match(
        cartPage.body,
        en
          ? /Free shipping from €50\.00\. €24\.10 more for free shipping\./
          : /Gratis verzending vanaf €\s50,00\. Nog €\s24,10 tot gratis verzending\./,
      );
      assert.match(
        cartPage.body,
        en ? /href="\/checkout"[^>]*>Checkout</ : /href="\/checkout"[^>]*>Afrekenen</,
      );

      const page = await browser.get('/checkout');
      assert.equal(page.statusCode, 200);
      const key = /name="idempotency_key" value="([^"]+)"/.exec(page.body)?.[1];
      assert.ok(key);
      assert.doesNotMatch(page.body, /type="checkbox"/);
      assert.match(
        page.body,
        en ? /Place order with obligation to pay/ : /Bestelling plaatsen met betaalverplichting/,
      );
      const form = {
        idempotency_key: key,
        email: 'ann@example.nl',
        name: 'Ann de Vries',
        street: 'Dorpsstraat',
        houseNumber: '12',
        addition: '',
        postcode: '1234 ab',
        city: 'Utrecht',
        country: 'NL',
        shippingMethod: 'mailbox',
        paymentMethod: 'bank-transfer',
      };
      const wrong = await browser.post('/checkout', { ...form, postcode: '12', email: '' });
      assert.equal(wrong.statusCode, 422);
      assert.match(
        wrong.body,
        en ? /Enter a postcode like 1234 AB\./ : /Vul een postcode in zoals 1234 AB\./,
      );
      assert.match(
        wrong.body,
        en ? /id="email-error">Please fill this in\./ : /id="email-error">Vul dit in\./,
      );
      assert.match(wrong.body, /value="Dorpsstraat"/);

      const done = await browser.post('/checkout', form);
      assert.equal(done.statusCode, 303, done.body);
      const twice = await browser.post('/checkout', form);
      assert.equal(twice.headers.location, done.headers.location);
      const confirmation = await browser.get(String(done.headers.location));
      assert.equal(confirmation.statusCode, 200);
      assert.match(confirmation.body, en ? /Thank you for your order/ : /Bedankt voor je bestelling/);
      assert.match(confirmation.body, /NL91 ABNA 0417 1643 00/);
      assert.match(confirmation.body, en ? /€29\.85/ : /€\s29,85/);
      assert.match(confirmation.body, en ? /Tuesday 1 December/ : /dinsdag 1 december/);
      const number = /(TB-2026-\d{6})/.exec(confirmation.body)![1]!;
      assert.equal(await stockOf(sku), 3);
      const forged = await browser.get(`/order/${number}/confirmation?t=AAAAAAAAAAAAAAAAAAAAAA`);
      assert.equal(forged.statusCode, 404);
    });
  }
});
