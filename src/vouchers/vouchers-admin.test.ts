import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { checkoutPayload } from '../../test/helpers/checkout-bodies.ts';
import { type Browser, createStaff, signedIn } from '../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { voucherInput } from '../../test/helpers/voucher-fixtures.ts';
import { addToCart } from '../orders/add-to-cart.ts';
import { cancelOrder } from '../orders/cancel-order.ts';
import { parseEuros } from './admin-forms.ts';
import { CODE_ALPHABET, formatCode, normaliseCode } from './codes.ts';
import { createGiftCard, createVoucher } from './create-code.ts';
import { allocateDiscount, giftCardAmount, usableProblem, voucherDiscount } from './rules.ts';
import type { VoucherTable } from './tables.ts';

describe('voucher rules', () => {
  it('reads codes case-insensitively, with or without dashes, spaces or the TB prefix', () => {
    assert.equal(normaliseCode('tb-abcd-2345'), 'TBABCD2345');
    assert.equal(normaliseCode(' TB ABCD 2345 '), 'TBABCD2345');
    assert.equal(normaliseCode('abcd-2345'), 'TBABCD2345');
    assert.equal(normaliseCode('TB-ABCD-0000'), null, '0 is not in the alphabet');
    assert.equal(normaliseCode('TB-ABCD-234'), null);
    assert.equal(formatCode('TBABCD2345'), 'TB-ABCD-2345');
    for (const ambiguous of 'O0I1') assert.ok(!CODE_ALPHABET.includes(ambiguous));
  });

  it('gives a fixed or a percentage discount on the items, never more than the items, only from the minimum', () => {
    assert.equal(voucherDiscount({ amount_cents: 500, percent: null, min_order_cents: 0 }, 300), 300);
    assert.equal(voucherDiscount({ amount_cents: 500, percent: null, min_order_cents: 0 }, 3000), 500);
    assert.equal(voucherDiscount({ amount_cents: null, percent: 15, min_order_cents: 0 }, 1999), 300);
    assert.equal(voucherDiscount({ amount_cents: 500, percent: null, min_order_cents: 2000 }, 1999), null);
    assert.equal(giftCardAmount(5000, 2000), 2000);
    assert.equal(giftCardAmount(1000, 2000), 1000);
    assert.equal(giftCardAmount(0, 2000), 0);
  });

  it('spreads a discount over the VAT rates in proportion, in cents that add up', () => {
    const shares = allocateDiscount(
      new Map([
        [21, 2000],
        [9, 1000],
      ]),
      301,
    );
    assert.equal(shares.get(21)! + shares.get(9)!, 301);
    assert.ok(Math.abs(shares.get(21)! - 200.67) < 1 && Math.abs(shares.get(9)! - 100.33) < 1);
    assert.equal(allocateDiscount(new Map([[21, 1000]]), 0).size, 0);
  });

  it('refuses disabled, early, expired, used-up and empty codes', () => {
    const base: VoucherTable = {
      id: 'x',
      code: 'TBABCD2345',
      kind: 'voucher',
      amount_cents: 500,
      percent: null,
      min_order_cents: 0,
      valid_from: '2026-11-01T00:00:00Z',
      valid_until: '2026-12-01T00:00:00Z',
      max_uses: 2,
      uses: 1,
      once_per_email: 0,
      initial_balance_cents: null,
      balance_cents: null,
      note: '',
      disabled: 0,
      created_by: null,
      created_at: '',
      updated_at: '',
    };
    const at = '2026-11-30T12:00:00.000Z';
    assert.equal(usableProblem(base, at), null);
    assert.equal(usableProblem({ ...base, disabled: 1 }, at), 'disabled');
    assert.equal(usableProblem(base, '2026-10-31T23:59:59Z'), 'not-yet-valid');
    assert.equal(usableProblem(base, '2026-12-01T00:00:00Z'), 'expired');
    assert.equal(usableProblem({ ...base, uses: 2 }, at), 'used-up');
    assert.equal(usableProblem({ ...base, kind: 'gift-card', balance_cents: 0 }, at), 'empty');
    assert.equal(parseEuros('12,50'), 1250);
    assert.equal(parseEuros('7'), 700);
    assert.equal(parseEuros('1.5'), 150);
    assert.equal(parseEuros('abc'), null);
  });
});

describe('vouchers in the admin', () => {
  let t: TestApp;
  let staff: Browser;

  before(async () => {
    t = await startTestApp();
    await createStaff(t.db, { email: 'piet@example.nl', name: 'Piet Jansen' });
    staff = await signedIn(t.app, 'piet@example.nl');
  });
  after(async () => {
    await t.close();
  });

  it('needs a signed-in staff member', async () => {
    const res = await t.app.inject({ url: '/admin/vouchers' });
    assert.notEqual(res.statusCode, 200);
  });

  it('creates a voucher and a gift card, lists what is left, and disables a code (nl)', async () => {
    const created = await staff.submit(
      '/admin/vouchers?lang=nl',
      {
        discountType: 'percent',
        discountValue: '10',
        minOrder: '25',
        validFrom: '',
        validUntil: '2026-12-31',
        maxUses: '100',
        oncePerEmail: '1',
        note: 'Nieuwsbrief december',
      },
      '/admin/vouchers/voucher',
    );
    assert.equal(created.statusCode, 303, created.body);
    const voucher = await t.db.selectFrom('vouchers').selectAll().executeTakeFirstOrThrow();
    assert.equal(voucher.kind, 'voucher');
    assert.equal(voucher.percent, 10);
    assert.equal(voucher.min_order_cents, 2500);
    assert.equal(voucher.max_uses, 100);
    assert.equal(voucher.once_per_email, 1);
    // up to and including 31 December in Amsterdam: until the start of 1 January there
    assert.equal(voucher.valid_until, '2026-12-31T23:00:00Z');
    const list = await staff.get(created.headers.location as string);
    assert.match(list.body, new RegExp(`Aangemaakt: ${formatCode(voucher.code)}`));
    assert.match(list.body, /100 van 100 keer/);

    const card = await staff.submit(
      '/admin/vouchers',
      { amount: '50,00', validUntil: '', note: '' },
      '/admin/vouchers/gift-card',
    );
    assert.equal(card.statusCode, 303);
    const gift = await t.db
      .selectFrom('vouchers')
      .selectAll()
      .where('kind', '=', 'gift-card')
      .executeTakeFirstOrThrow();
    assert.equal(gift.balance_cents, 5000);
    assert.equal(gift.initial_balance_cents, 5000);

    const disabled = await staff.submit('/admin/vouchers', {}, `/admin/vouchers/${voucher.id}/disable`);
    assert.equal(disabled.statusCode, 303);
    const row = await t.db
      .selectFrom('vouchers')
      .select('disabled')
      .where('id', '=', voucher.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.disabled, 1);
  });

  /** An order of one 40.00 product (parcel) through the checkout API with these codes; answers its id. */
  async function orderWith(codes: string[]): Promise<string> {
    const added = await addToCart(t.ctx, null, 'ADM-1', 1);
    assert.ok(added.ok);
    const placed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/carts/${added.cartId}/checkout`,
      headers: { 'idempotency-key': `admin-codes-${added.cartId}` },
      payload: checkoutPayload({ codes }),
    });
    assert.equal(placed.statusCode, 201, placed.body);
    const order = await t.db
      .selectFrom('orders')
      .select('id')
      .where('number', '=', placed.json().orderNumber)
      .executeTakeFirstOrThrow();
    return order.id;
  }

  it('lists the codes an order used with their amounts on the order page, and when a cancel gave them back', async () => {
    await addCategory(t.ctx, 'bags');
    await addProduct(t.ctx, { sku: 'ADM-1', priceCents: 4000, stock: 5, mailboxFit: false });
    const code = await createVoucher(t.ctx, voucherInput({ discount: { percent: 10 }, maxUses: 5 }), null);
    const card = await createGiftCard(t.ctx, { amountCents: 1500, validUntil: null, note: '' }, null);
    const order = await orderWith([code, card]);

    const en = await staff.get(`/admin/orders/${order}?lang=en`);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<h2 id="order-codes">Codes used<\/h2>/);
    assert.match(
      en.body,
      new RegExp(
        `<code>${formatCode(code)}</code></td><td>Voucher</td><td>€4\\.00 \\(Discount on the items\\)</td><td>Used</td>`,
      ),
    );
    assert.match(
      en.body,
      new RegExp(
        `<code>${formatCode(card)}</code></td><td>Gift card</td><td>€15\\.00 \\(Paid with the gift card\\)</td><td>Used</td>`,
      ),
    );
    // 40.00 + 6.95 − 4.00 = 42.95, less 15.00 from the card
    assert.match(en.body, /Discount \(voucher\)<\/td><td>− €4\.00/);
    assert.match(en.body, /Left to pay<\/th><td>€27\.95/);

    assert.ok((await cancelOrder(t.ctx, order, 'customer')).ok);
    const nl = await staff.get(`/admin/orders/${order}?lang=nl`);
    assert.match(nl.body, /Gebruikte codes/);
    assert.equal([...nl.body.matchAll(/Teruggegeven op 30 november 2026 om 13:00/g)].length, 2, nl.body);
  });

  it('shows no codes section for an order without codes', async () => {
    const page = await staff.get(`/admin/orders/${await orderWith([])}?lang=en`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Codes used|Left to pay/);
  });

  it('refuses a bad form with a reason per field, in English too, and creates nothing', async () => {
    const before = (await t.db.selectFrom('vouchers').select('id').execute()).length;
    const res = await staff.submit(
      '/admin/vouchers?lang=en',
      { discountType: 'percent', discountValue: '150', validUntil: '31-12-2026', maxUses: '0' },
      '/admin/vouchers/voucher?lang=en',
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Enter a percentage from 1 to 100/);
    assert.match(res.body, /Enter a date as YYYY-MM-DD/);
    assert.match(res.body, /Enter a whole number of 1 or more/);
    assert.equal((await t.db.selectFrom('vouchers').select('id').execute()).length, before);
  });
});
