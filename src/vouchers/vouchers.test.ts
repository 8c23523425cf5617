import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { checkoutPayload } from '../../test/helpers/checkout-bodies.ts';
import { checkInvariants } from '../../test/helpers/order-invariants.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { voucherInput } from '../../test/helpers/voucher-fixtures.ts';
import { orderConfirmation } from '../messaging/templates/order-confirmation.tsx';
import { addToCart } from '../orders/add-to-cart.ts';
import { cancelOrder } from '../orders/cancel-order.ts';
import { formatCode } from './codes.ts';
import { createGiftCard, createVoucher } from './create-code.ts';

const body = checkoutPayload;

const voucher = voucherInput;

describe('vouchers and gift cards at checkout', () => {
  let t: TestApp;
  let n = 0;
  const initial = new Map<string, number>();

  async function product(stock: number, priceCents: number, vatRate: 0 | 9 | 21 = 21): Promise<string> {
    const sku = `V-${++n}`;
    initial.set(sku, stock);
    await addProduct(t.ctx, { sku, nameNl: `Zak ${sku}`, nameEn: `Bag ${sku}`, priceCents, stock, vatRate });
    return sku;
  }
  async function cart(lines: [string, number][]): Promise<string> {
    let id: string | null = null;
    for (const [sku, quantity] of lines) {
      const added = await addToCart(t.ctx, id, sku, quantity);
      assert.ok(added.ok);
      id = added.cartId;
    }
    return id!;
  }
  const post = (cartId: string, payload: unknown, key = randomUUID(), lang = 'en') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/carts/${cartId}/checkout?lang=${lang}`,
      headers: { 'idempotency-key': key },
      payload: payload as Record<string, unknown>,
    });
  const codeRow = (code: string) =>
    t.db.selectFrom('vouchers').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const redemptionsOf = (code: string) =>
    t.db
      .selectFrom('voucher_redemptions')
      .innerJoin('vouchers', 'vouchers.id', 'voucher_redemptions.voucher_id')
      .select(['voucher_redemptions.order_id', 'voucher_redemptions.amount_cents'])
      .where('vouchers.code', '=', code)
      .execute();
  const orderOf = (number: string) =>
    t.db.selectFrom('orders').selectAll().where('number', '=', number).executeTakeFirstOrThrow();

  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
  });
  after(async () => {
    // I1–I3 with discounts: items + shipping − the vouchers' discount = total, for every order placed here
    await checkInvariants(t.ctx, initial);
    await t.close();
  });

  it('takes a voucher off the items: total, VAT per rate, payment amount, redemption row, receipt', async () => {
    const a = await product(10, 2000, 21);
    const b = await product(10, 1000, 9);
    const code = await createVoucher(t.ctx, voucher({ discount: { percent: 10 } }), null);
    const id = await cart([
      [a, 1],
      [b, 1],
    ]);
    // typed in lower case, with spaces instead of dashes
    const typed = formatCode(code).toLowerCase().replaceAll('-', ' ');
    const res = await post(id, body({ codes: [typed] }));
    assert.equal(res.statusCode, 201, res.body);
    const receipt = res.json();
    assert.equal(receipt.discount, 300);
    assert.equal(receipt.total, 3000 + 695 - 300);
    const order = await orderOf(receipt.orderNumber);
    assert.equal(order.items_cents, 3000);
    assert.equal(order.total_cents, 3000 + 695 - 300);
    // the discount is spread 2:1 over the rates; VAT is of the discounted amounts; shipping keeps its VAT
    assert.deepEqual(JSON.parse(order.vat_json), {
      21: Math.round((1800 * 21) / 121) + Math.round((695 * 21) / 121),
      9: Math.round((900 * 9) / 109),
    });
    const payment = await t.db
      .selectFrom('payments')
      .select(['amount_cents', 'status'])
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(payment, { amount_cents: 3395, status: 'open' });
    assert.deepEqual(await redemptionsOf(code), [{ order_id: order.id, amount_cents: 300 }]);
    assert.equal((await codeRow(code)).uses, 1);
    // the confirmation page shows the discount and asks for the discounted amount
    const page = await t.app.inject({
      url: `${new URL(receipt.confirmationUrl).pathname}${new URL(receipt.confirmationUrl).search}&lang=en`,
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Discount \(voucher\): − €3\.00/);
    assert.match(page.body, /€33\.95/);
  });

  it('the confirmation e-mail shows the discount, the gift card and what is left to transfer', () => {
    const mail = orderConfirmation(
      {
        number: 'TB-2026-000001',
        name: 'Ann',
        lines: [{ name: 'Bag', quantity: 1, unitPriceCents: 3000 }],
        shippingCents: 695,
        discountCents: 300,
        totalCents: 3395,
        giftCardCents: 1000,
        vatCents: { 21: 589 },
        currency: 'EUR',
        shippingMethod: 'parcel',
        paymentMethod: 'bank-transfer',
        deliveryDate: '2026-12-01',
        orderUrl: 'https://shop.example/order/x',
      },
      'en',
      t.config,
      { iban: 'NL00BANK0123456789', bic: 'BANKNL2A' },
    );
    assert.match(mail.text, /Discount \(voucher\): − €3\.00/);
    assert.match(mail.text, /Paid with gift card: − €10\.00/);
    assert.match(mail.text, /Left to pay: €23\.95/);
    assert.match(mail.html, /Paid with gift card/);
  });

  it('documents the codes in the OpenAPI schema of the checkout body and receipt', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/v1/carts/{id}/checkout'].post;
    const schema = op.requestBody.content['application/json'].schema;
    assert.equal(schema.properties.codes.type, 'array');
    assert.ok(schema.properties.voucherCode && schema.properties.giftCardCode);
    assert.ok(!schema.required.includes('codes'));
    assert.match(JSON.stringify(doc), /"giftCard":\{[^}]*"type":"integer"/);
  });

  it('refuses a used-up voucher with 422 naming the code, in the visitor’s language, and orders nothing', async () => {
    const sku = await product(5, 1500);
    const code = await createVoucher(t.ctx, voucher(), null);
    assert.equal((await post(await cart([[sku, 1]]), body({ voucherCode: code }))).statusCode, 201);
    const id = await cart([[sku, 1]]);
    const res = await post(id, body({ voucherCode: code }), randomUUID(), 'nl');
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.fields.codes, `De code ${formatCode(code)} is al gebruikt.`);
    // nothing half-written: stock back, cart kept, no second use, no order for that cart
    const stock = await t.db
      .selectFrom('products')
      .select('stock')
      .where('sku', '=', sku)
      .executeTakeFirstOrThrow();
    assert.equal(stock.stock, 4);
    assert.equal((await codeRow(code)).uses, 1);
    assert.equal((await t.app.inject({ url: `/api/v1/carts/${id}` })).json().lines.length, 1);
  });

  it('refuses unknown, malformed, expired, not-yet-valid, disabled and below-minimum codes with a reason', async () => {
    const sku = await product(20, 1500);
    const expired = await createVoucher(t.ctx, voucher({ validUntil: '2026-11-01T00:00:00Z' }), null);
    const future = await createVoucher(t.ctx, voucher({ validFrom: '2027-01-01T00:00:00Z' }), null);
    const minimum = await createVoucher(t.ctx, voucher({ minOrderCents: 5000 }), null);
    const disabled = await createVoucher(t.ctx, voucher(), null);
    await t.db.updateTable('vouchers').set({ disabled: 1 }).where('code', '=', disabled).execute();
    const cases: [unknown, string][] = [
      ['TB-ABCD-EFGH', 'We do not know the code TB-ABCD-EFGH. Please check the characters.'],
      ['TB-0000-1111', 'This is not a valid code.'],
      [expired, `The code ${formatCode(expired)} has expired.`],
      [future, `The code ${formatCode(future)} is not valid yet.`],
      [minimum, `The code ${formatCode(minimum)} applies from €50.00 of items.`],
      [disabled, `The code ${formatCode(disabled)} is no longer valid.`],
    ];
    for (const [code, text] of cases) {
      const res = await post(await cart([[sku, 1]]), body({ codes: [code] }));
      assert.equal(res.statusCode, 422, `${code}: ${res.body}`);
      assert.ok(res.json().error.fields.codes.startsWith(text), `${code}: ${res.json().error.fields.codes}`);
    }
    assert.equal(await countOrdersWith(sku), 0);
  });

  async function countOrdersWith(sku: string) {
    const rows = await t.db.selectFrom('order_lines').select('id').where('sku', '=', sku).execute();
    return rows.length;
  }

  it('lets each e-mail address use a once-per-address voucher once', async () => {
    const sku = await product(10, 1500);
    const code = await createVoucher(t.ctx, voucher({ maxUses: null, oncePerEmail: true }), null);
    assert.equal((await post(await cart([[sku, 1]]), body({ codes: [code] }))).statusCode, 201);
    const again = await post(await cart([[sku, 1]]), body({ codes: [code], email: 'ANN@example.nl' }));
    assert.equal(again.statusCode, 422);
    assert.match(again.json().error.fields.codes, /already used the code/);
    const other = await post(await cart([[sku, 1]]), body({ codes: [code], email: 'bob@example.nl' }));
    assert.equal(other.statusCode, 201, other.body);
  });

  it('redeems once for a retried checkout with the same Idempotency-Key', async () => {
    const sku = await product(10, 1500);
    const card = await createGiftCard(t.ctx, { amountCents: 10_000, validUntil: null, note: '' }, null);
    const id = await cart([[sku, 1]]);
    const key = randomUUID();
    const first = await post(id, body({ codes: [card] }), key);
    const second = await post(id, body({ codes: [card] }), key);
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(second.statusCode, 201);
    assert.equal(second.headers['idempotent-replayed'], 'true');
    assert.deepEqual(second.json(), first.json());
    assert.equal((await codeRow(card)).balance_cents, 10_000 - (1500 + 695));
    assert.equal((await redemptionsOf(card)).length, 1);
  });

  it('a gift card is a payment: VAT unchanged; covering everything leaves the order paid with nothing to pay', async () => {
    const sku = await product(10, 2000);
    const card = await createGiftCard(t.ctx, { amountCents: 5000, validUntil: null, note: '' }, null);
    const res = await post(await cart([[sku, 1]]), body({ giftCardCode: card }));
    assert.equal(res.statusCode, 201, res.body);
    const receipt = res.json();
    assert.equal(receipt.giftCard, 2695);
    assert.equal(receipt.total, 0);
    assert.equal(receipt.status, 'paid');
    const order = await orderOf(receipt.orderNumber);
    assert.equal(order.total_cents, 2695);
    assert.deepEqual(JSON.parse(order.vat_json), {
      21: Math.round((2000 * 21) / 121) + Math.round((695 * 21) / 121),
    });
    const payment = await t.db
      .selectFrom('payments')
      .select(['amount_cents', 'status'])
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(payment, { amount_cents: 0, status: 'paid' });
    // the rest of the balance pays part of the next order
    const next = await post(await cart([[sku, 1]]), body({ giftCardCode: card }));
    assert.equal(next.json().giftCard, 5000 - 2695);
    assert.equal(next.json().total, 2695 - (5000 - 2695));
    assert.equal((await codeRow(card)).balance_cents, 0);
    const empty = await post(await cart([[sku, 1]]), body({ giftCardCode: card }));
    assert.equal(empty.statusCode, 422);
    assert.match(empty.json().error.fields.codes, /no balance left/);
  });

  it('cancelling before shipping gives the gift-card amount and the voucher use back, once', async () => {
    const sku = await product(10, 2000);
    const code = await createVoucher(t.ctx, voucher({ maxUses: 1, oncePerEmail: true }), null);
    const card = await createGiftCard(t.ctx, { amountCents: 1000, validUntil: null, note: '' }, null);
    const res = await post(await cart([[sku, 1]]), body({ codes: [code, card] }));
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().total, 2000 + 695 - 500 - 1000);
    const order = await orderOf(res.json().orderNumber);
    assert.equal((await codeRow(card)).balance_cents, 0);
    for (let i = 0; i < 2; i++) {
      const cancelled = await cancelOrder(t.ctx, order.id, 'customer');
      assert.ok(cancelled.ok);
    }
    assert.equal((await codeRow(card)).balance_cents, 1000);
    assert.equal((await codeRow(code)).uses, 0);
    // the same address may use the voucher again
    const again = await post(await cart([[sku, 1]]), body({ codes: [code] }));
    assert.equal(again.statusCode, 201, again.body);
  });

  it('a cancelled order paid wholly by gift card refunds nothing: the card gets it all back', async () => {
    const sku = await product(10, 1000);
    const card = await createGiftCard(t.ctx, { amountCents: 5000, validUntil: null, note: '' }, null);
    const res = await post(await cart([[sku, 1]]), body({ codes: [card] }));
    assert.equal(res.json().status, 'paid');
    const order = await orderOf(res.json().orderNumber);
    assert.ok((await cancelOrder(t.ctx, order.id, 'customer')).ok);
    assert.equal((await codeRow(card)).balance_cents, 5000);
    const refunds = await t.db
      .selectFrom('jobs')
      .select('id')
      .where('idempotency_key', '=', `refund:${order.id}`)
      .execute();
    assert.equal(refunds.length, 0);
  });

  it('uses a single-use voucher exactly once under 100 concurrent checkouts; the rest get 422, none a 5xx', async () => {
    const sku = await product(200, 1500);
    const code = await createVoucher(t.ctx, voucher({ maxUses: 1 }), null);
    const carts = await Promise.all(Array.from({ length: 100 }, () => cart([[sku, 1]])));
    const responses = await Promise.all(carts.map((id) => post(id, body({ codes: [code] }))));
    const statuses = responses.map((r) => r.statusCode);
    assert.equal(statuses.filter((s) => s === 201).length, 1, JSON.stringify(statuses));
    assert.equal(statuses.filter((s) => s === 422).length, 99, JSON.stringify(statuses));
    for (const r of responses.filter((x) => x.statusCode === 422))
      assert.match(r.json().error.fields.codes, /has already been used/);
    assert.equal((await codeRow(code)).uses, 1);
    const redemptions = await redemptionsOf(code);
    assert.equal(redemptions.length, 1);
    assert.equal(redemptions[0]!.amount_cents, 500);
    assert.equal(await countOrdersWith(sku), 1);
    const stock = await t.db
      .selectFrom('products')
      .select('stock')
      .where('sku', '=', sku)
      .executeTakeFirstOrThrow();
    assert.equal(stock.stock, 199);
  });

  it('never takes a gift card below zero under 100 concurrent orders: two full uses and one partial', async () => {
    // 13.05 + 6.95 parcel = 20.00 per order; the card holds 50.00
    const sku = await product(200, 1305);
    const card = await createGiftCard(t.ctx, { amountCents: 5000, validUntil: null, note: '' }, null);
    const carts = await Promise.all(Array.from({ length: 100 }, () => cart([[sku, 1]])));
    const responses = await Promise.all(carts.map((id) => post(id, body({ codes: [card] }))));
    const statuses = responses.map((r) => r.statusCode);
    assert.ok(
      statuses.every((s) => s === 201 || s === 422),
      JSON.stringify(statuses),
    );
    const placed = responses.filter((r) => r.statusCode === 201).map((r) => r.json());
    assert.deepEqual(
      placed.map((p) => p.giftCard).sort((a, b) => b - a),
      [2000, 2000, 1000],
    );
    const row = await codeRow(card);
    assert.equal(row.balance_cents, 0);
    const redemptions = await redemptionsOf(card);
    assert.equal(
      redemptions.reduce((s, r) => s + r.amount_cents, 0),
      5000 - (row.balance_cents ?? 0),
    );
    assert.equal(redemptions.length, 3);
    for (const r of responses.filter((x) => x.statusCode === 422))
      assert.match(r.json().error.fields.codes, /no balance left/);
  });
});
