import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../../test/helpers/catalog-fixtures.ts';
import { Browser } from '../../../test/helpers/forms.ts';
import { moveOrder, placeGuestOrder } from '../../../test/helpers/order-fixtures.ts';
import { checkInvariants } from '../../../test/helpers/order-invariants.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { orderEvents } from '../order-events.ts';
import { orderToken } from '../order-token.ts';

describe('the order page and the withdrawal button', () => {
  let t: TestApp;
  const initial = new Map<string, number>();
  let n = 0;

  async function placed(email = 'ann@example.nl'): Promise<{ id: string; number: string; sku: string }> {
    const sku = `OP-${++n}`;
    await addProduct(t.ctx, { sku, nameNl: `Zak ${sku}`, nameEn: `Bag ${sku}`, priceCents: 1000, stock: 5 });
    initial.set(sku, 5);
    return { ...(await placeGuestOrder(t, sku, 2, { email })), sku };
  }

  const link = (number: string, lang = 'en') =>
    `/order/${number}?t=${orderToken(t.config.sessionSecret, number)}&lang=${lang}`;

  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
  });
  after(async () => {
    await checkInvariants(t.ctx, initial);
    await t.close();
  });

  it('shows the order behind a valid signed link, with its timeline, totals and transfer details, in both languages', async () => {
    const order = await placed();
    const browser = new Browser(t.app);
    const en = await browser.get(link(order.number));
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<meta name="robots" content="noindex"/);
    assert.equal(en.headers['cache-control'], 'no-store');
    assert.match(en.body, new RegExp(`Order ${order.number}`));
    assert.match(en.body, /Order placed/);
    assert.match(en.body, /Awaiting payment/);
    assert.match(en.body, /Total \(incl\. VAT\)/);
    assert.match(en.body, /Of which VAT 21%/);
    assert.match(en.body, /NL91 ABNA 0417 1643 00/);
    assert.match(en.body, /Cancel order/);
    assert.match(en.body, /Withdraw from contract/);
    // 30 November 2026 13:00 in Amsterdam
    assert.match(en.body, /30 November 2026(,| at) 13:00/);
    const nl = await browser.get(link(order.number, 'nl'));
    assert.match(nl.body, /Bestelling geplaatst/);
    assert.match(nl.body, /Overeenkomst herroepen/);
    assert.match(nl.body, /Bestelling annuleren/);
  });

  it('names the payment method in words, an online one too', async () => {
    const order = await placed();
    const browser = new Browser(t.app);
    assert.match((await browser.get(link(order.number))).body, /<p>Bank transfer<\/p>/);
    assert.match((await browser.get(link(order.number, 'nl'))).body, /<p>Bankoverschrijving<\/p>/);
    // as an order paid through Mollie records it (the checkout offers creditcard only with MOLLIE_API_KEY set)
    await t.db
      .updateTable('orders')
      .set({ payment_method: 'creditcard' })
      .where('id', '=', order.id)
      .execute();
    assert.match((await browser.get(link(order.number))).body, /<p>Credit card<\/p>/);
    assert.match((await browser.get(link(order.number, 'nl'))).body, /<p>Creditcard<\/p>/);
  });

  it('answers 404 to a forged or missing token, and for an unknown number', async () => {
    const order = await placed();
    const browser = new Browser(t.app);
    assert.equal((await browser.get(`/order/${order.number}`)).statusCode, 404);
    assert.equal((await browser.get(`/order/${order.number}?t=${'A'.repeat(22)}`)).statusCode, 404);
    const other = 'TB-2026-999999';
    assert.equal(
      (await browser.get(`/order/${order.number}?t=${orderToken(t.config.sessionSecret, other)}`)).statusCode,
      404,
    );
    assert.equal((await browser.get(link(other))).statusCode, 404);
  });

  it('cancels in two steps, returns the stock, and refuses cross-site posts', async () => {
    const order = await placed();
    const browser = new Browser(t.app);
    const confirm = await browser.get(
      `/order/${order.number}/cancel?t=${orderToken(t.config.sessionSecret, order.number)}&lang=en`,
    );
    assert.match(confirm.body, /Yes, cancel my order/);
    const token = orderToken(t.config.sessionSecret, order.number);
    const cross = await browser.post(
      `/order/${order.number}/cancel`,
      { t: token },
      { 'sec-fetch-site': 'cross-site' },
    );
    assert.equal(cross.statusCode, 403);
    const done = await browser.post(`/order/${order.number}/cancel`, { t: token });
    assert.equal(done.statusCode, 303);
    const page = await browser.get(done.headers.location as string);
    assert.match(page.body, /Your order has been cancelled/);
    assert.match(page.body, /Status changed: Cancelled/);
    assert.doesNotMatch(page.body, /Withdraw from contract/);
  });

  it('takes a guest through two steps to an acknowledgement with date and time, and writes the event and the job', async () => {
    const order = await placed('Bob@Example.nl');
    await moveOrder(t, order.id, ['paid', 'packed', 'shipped', 'delivered']);
    t.clock.advance({ hours: 24 * 10 });
    const browser = new Browser(t.app);
    const start = await browser.get('/withdraw?lang=en');
    assert.match(start.body, /Withdraw from contract/);
    const step2 = await browser.post('/withdraw', {
      number: order.number.toLowerCase(),
      email: ' bob@example.nl ',
    });
    assert.equal(step2.statusCode, 200, step2.body);
    assert.match(step2.body, new RegExp(`order ${order.number}, with these items`));
    assert.match(step2.body, /2 × Bag OP-/);
    const ack = await browser.post('/withdraw/confirm', { number: order.number, email: 'bob@example.nl' });
    assert.equal(ack.statusCode, 200);
    assert.match(ack.body, /Withdrawal received/);
    assert.match(ack.body, /on 10 December 2026(,| at) 13:00/);
    const events = await orderEvents(t.ctx, order.id);
    assert.equal(events.at(-1)?.kind, 'withdrawn');
    const job = await t.db
      .selectFrom('jobs')
      .select('payload_json')
      .where('idempotency_key', '=', `withdrawal-acknowledgement:${order.id}`)
      .executeTakeFirstOrThrow();
    assert.equal(JSON.parse(job.payload_json).number, order.number);
    // a second confirm answers the same acknowledgement, with the first time
    t.clock.advance({ hours: 1 });
    const again = await browser.post('/withdraw/confirm', { number: order.number, email: 'bob@example.nl' });
    assert.match(again.body, /on 10 December 2026(,| at) 13:00/);
    t.clock.set('2026-11-30T12:00:00Z');
  });

  it('gives the same neutral answer for a wrong e-mail address and an unknown order number', async () => {
    const order = await placed();
    const browser = new Browser(t.app);
    await browser.get('/withdraw?lang=en');
    const wrongEmail = await browser.post('/withdraw', { number: order.number, email: 'eve@example.nl' });
    const unknown = await browser.post('/withdraw', { number: 'TB-2026-999999', email: 'eve@example.nl' });
    assert.equal(wrongEmail.statusCode, 422);
    assert.equal(unknown.statusCode, 422);
    const notice = (body: string) => /<div class="notice error"[^>]*>(.*?)<\/div>/s.exec(body)?.[1];
    assert.match(notice(wrongEmail.body) ?? '', /cannot find an order/);
    assert.equal(notice(wrongEmail.body), notice(unknown.body));
    const confirm = await browser.post('/withdraw/confirm', {
      number: order.number,
      email: 'eve@example.nl',
    });
    assert.equal(confirm.statusCode, 422);
    assert.equal(
      (await t.db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow())
        .status,
      'awaiting_payment',
    );
    const cross = await browser.post(
      '/withdraw',
      { number: order.number, email: 'ann@example.nl' },
      { origin: 'https://evil.example' },
    );
    assert.equal(cross.statusCode, 403);
  });

  it('refuses kindly after 14 days from delivery, in both languages', async () => {
    const order = await placed();
    await moveOrder(t, order.id, ['paid', 'packed', 'shipped', 'delivered']);
    t.clock.advance({ hours: 24 * 15 });
    try {
      const browser = new Browser(t.app);
      const page = await browser.get(link(order.number));
      assert.doesNotMatch(page.body, /href="[^"]*\/withdraw/);
      assert.match(page.body, /ran until 14 December 2026 inclusive/);
      await browser.get('/withdraw?lang=nl');
      const refused = await browser.post('/withdraw', { number: order.number, email: 'ann@example.nl' });
      assert.match(refused.body, /Herroepen kan niet meer/);
      assert.match(refused.body, /Antwoord dan op je orderbevestiging/);
      const forced = await browser.post('/withdraw/confirm', {
        number: order.number,
        email: 'ann@example.nl',
      });
      assert.equal(forced.statusCode, 409);
      assert.equal(
        (
          await t.db
            .selectFrom('orders')
            .select('status')
            .where('id', '=', order.id)
            .executeTakeFirstOrThrow()
        ).status,
        'delivered',
      );
    } finally {
      t.clock.set('2026-11-30T12:00:00Z');
    }
  });

  it('withdraws from the order page through the signed link before shipping, with the stock back', async () => {
    const order = await placed();
    const browser = new Browser(t.app);
    const step = await browser.get(
      `/order/${order.number}/withdraw?t=${orderToken(t.config.sessionSecret, order.number)}&lang=en`,
    );
    assert.match(step.body, /Confirm withdrawal/);
    const ack = await browser.post('/withdraw/confirm', {
      number: order.number,
      t: orderToken(t.config.sessionSecret, order.number),
    });
    assert.match(ack.body, /Withdrawal received/);
    const { stock } = await t.db
      .selectFrom('products')
      .select('stock')
      .where('sku', '=', order.sku)
      .executeTakeFirstOrThrow();
    assert.equal(stock, 5);
  });
});
