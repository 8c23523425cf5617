import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { Browser, createStaff, signedIn } from '../../test/helpers/forms.ts';
import { checkInvariants } from '../../test/helpers/order-invariants.ts';
import { type PaymentShop, startPaymentShop } from '../../test/helpers/payment-fixtures.ts';
import { startTestApp } from '../../test/helpers/test-app.ts';
import { runJobsUntilIdle } from '../jobs/run-jobs.ts';
import { addToCart } from '../orders/add-to-cart.ts';
import { cancelOrder } from '../orders/cancel-order.ts';
import { orderEvents } from '../orders/order-events.ts';
import { orderToken } from '../orders/order-token.ts';
import { amountValue } from './mollie-provider.ts';
import { refundJob } from './refund-job.ts';
import { WEBHOOK_LIMIT_PER_MINUTE } from './routes.ts';

describe('payments', () => {
  let shop: PaymentShop;
  const jobs = { refund: refundJob };

  before(async () => {
    shop = await startPaymentShop();
  });
  after(async () => {
    await checkInvariants(shop.t.ctx, shop.initial);
    await shop.close();
  });

  const eventKinds = async (orderId: string) => (await orderEvents(shop.t.ctx, orderId)).map((e) => e.kind);

  /** A Mollie order whose payment the stand-in holds; returns the order and the stand-in's payment id. */
  async function mollieOrder(method = 'ideal') {
    const res = await shop.buy(method);
    assert.equal(res.statusCode, 201, JSON.stringify(res.json));
    const order = await shop.orderByNumber(res.json.orderNumber as string);
    const [payment] = await shop.paymentsOf(order.id);
    assert.ok(payment?.provider_payment_id);
    return { res, order, trId: payment.provider_payment_id };
  }

  describe('bank transfer', () => {
    it('writes an open payment record with the order, and staff marking it paid twice pays the order once', async () => {
      const res = await shop.buy('bank-transfer');
      assert.equal(res.statusCode, 201);
      assert.equal(res.json.paymentUrl, undefined);
      const order = await shop.orderByNumber(res.json.orderNumber as string);
      let [payment] = await shop.paymentsOf(order.id);
      assert.equal(payment?.provider, 'bank-transfer');
      assert.equal(payment?.status, 'open');
      assert.equal(payment?.provider_payment_id, `bt-${res.json.orderNumber}`);
      assert.equal(payment?.amount_cents, order.total_cents);

      await createStaff(shop.t.db, { email: 'kim@shop.test', role: 'staff' });
      const staff = await signedIn(shop.t.app, 'kim@shop.test');
      for (let i = 0; i < 2; i++) {
        const marked = await staff.post(`/admin/orders/${order.id}/mark-paid`, {});
        assert.equal(marked.statusCode, 303, marked.body);
        assert.equal(marked.headers.location, `/admin/orders/${order.id}`);
      }
      assert.equal((await shop.orderByNumber(res.json.orderNumber as string)).status, 'paid');
      [payment] = await shop.paymentsOf(order.id);
      assert.equal(payment?.status, 'paid');
      const events = await orderEvents(shop.t.ctx, order.id);
      const paid = events.filter((e) => e.kind === 'paid');
      assert.equal(paid.length, 1);
      assert.equal(paid[0]?.actor, 'staff');
      assert.equal(paid[0]?.fromStatus, 'awaiting_payment');
      // staff read who marked it, the payment method and the delivery date in words, not ids
      const detail = (await staff.get(`/admin/orders/${order.id}?lang=nl`)).body;
      const kim = (
        await shop.t.db
          .selectFrom('staff')
          .select('name')
          .where('email', '=', 'kim@shop.test')
          .executeTakeFirstOrThrow()
      ).name;
      assert.match(detail, new RegExp(`betaald \\(door ${kim}\\)</li>`));
      assert.match(detail, /Betaling: Bankoverschrijving/);
      assert.doesNotMatch(detail, /Bezorgdatum: \d{4}-\d\d-\d\d/);
      assert.match(detail, /Bezorgdatum: [a-z]{2}\.? \d{1,2} [a-z]{3}\.? \d{4}/);
    });

    it('refuses marking paid without a CSRF token or without a staff login', async () => {
      const res = await shop.buy('bank-transfer');
      const order = await shop.orderByNumber(res.json.orderNumber as string);
      const staff = await signedIn(shop.t.app, 'kim@shop.test');
      assert.equal(
        (await staff.post(`/admin/orders/${order.id}/mark-paid`, { _csrf: null })).statusCode,
        403,
      );
      const anonymous = new Browser(shop.t.app);
      await anonymous.get('/cart');
      assert.equal((await anonymous.post(`/admin/orders/${order.id}/mark-paid`, {})).statusCode, 401);
      assert.equal((await shop.orderByNumber(res.json.orderNumber as string)).status, 'awaiting_payment');
    });

    it('leaves the refund of a paid, then cancelled, bank-transfer order to staff: refund_pending and an event', async () => {
      const res = await shop.buy('bank-transfer');
      const order = await shop.orderByNumber(res.json.orderNumber as string);
      const staff = await signedIn(shop.t.app, 'kim@shop.test');
      await staff.post(`/admin/orders/${order.id}/mark-paid`, {});
      assert.equal((await cancelOrder(shop.t.ctx, order.id, 'staff')).ok, true);
      await runJobsUntilIdle(shop.t.ctx, jobs);
      const [payment] = await shop.paymentsOf(order.id);
      assert.equal(payment?.status, 'refund_pending');
      assert.ok((await eventKinds(order.id)).includes('refund-pending'));

      // staff transfer the money back by hand and record it, once
      const detail = await staff.get(`/admin/orders/${order.id}`);
      assert.match(detail.body, /Refund transferred|Terugbetaling overgemaakt/);
      const marked = await staff.post(`/admin/orders/${order.id}/mark-refunded`, {});
      assert.equal(marked.headers.location, `/admin/orders/${order.id}?done=refunded`);
      assert.equal((await staff.post(`/admin/orders/${order.id}/mark-refunded`, {})).statusCode, 303);
      const [after] = await shop.paymentsOf(order.id);
      assert.equal(after?.status, 'refunded');
      assert.equal(
        (await eventKinds(order.id)).filter((k) => k === 'refunded').length,
        1,
        'one refunded event',
      );
      assert.equal((await shop.orderByNumber(res.json.orderNumber as string)).status, 'cancelled');
      assert.ok(
        !(await staff.get(`/admin/orders/${order.id}`)).body.includes('/mark-refunded'),
        'nothing left to do',
      );
    });

    it('has no refund to record for an order that was never paid', async () => {
      const res = await shop.buy('bank-transfer');
      const order = await shop.orderByNumber(res.json.orderNumber as string);
      const staff = await signedIn(shop.t.app, 'kim@shop.test');
      const marked = await staff.post(`/admin/orders/${order.id}/mark-refunded`, {});
      assert.equal(marked.headers.location, `/admin/orders/${order.id}?done=not-allowed`);
      const [payment] = await shop.paymentsOf(order.id);
      assert.equal(payment?.status, 'open');
    });
  });

  describe('Mollie', () => {
    it('answers 201 with the hosted payment page and creates the payment at Mollie with the documented fields', async () => {
      const key = randomUUID();
      const res = await shop.buy('ideal', key);
      assert.equal(res.statusCode, 201, JSON.stringify(res.json));
      const order = await shop.orderByNumber(res.json.orderNumber as string);
      const [payment] = await shop.paymentsOf(order.id);
      assert.equal(
        res.json.paymentUrl,
        `${shop.mollie.apiUrl.replace('/v2/', '')}/checkout/${payment?.provider_payment_id}`,
      );
      const sent = shop.mollie.requests.find(
        (r) =>
          r.method === 'POST' && r.path === '/v2/payments' && r.headers['idempotency-key'] === payment?.id,
      );
      assert.ok(sent, 'created with our payment id as Idempotency-Key');
      const body = JSON.parse(sent.body);
      assert.deepEqual(body.amount, { currency: 'EUR', value: amountValue(order.total_cents) });
      assert.match(body.description, new RegExp(res.json.orderNumber as string));
      assert.equal(body.redirectUrl, res.json.confirmationUrl);
      assert.equal(body.webhookUrl, `${shop.t.config.publicUrl}/webhooks/mollie`);
      assert.deepEqual(body.metadata, { orderNumber: res.json.orderNumber });
      assert.equal(body.method, 'ideal');
      assert.equal(res.json.status, 'awaiting_payment');
    });

    it('pays the order once when the webhook is delivered three times', async () => {
      const { order, trId } = await mollieOrder();
      shop.mollie.setStatus(trId, 'paid');
      const codes = await Promise.all([1, 2, 3].map(() => shop.mollie.fireWebhook(trId)));
      assert.deepEqual(codes, [200, 200, 200]);
      assert.equal((await shop.orderByNumber((await orderNumberOf(order.id)) ?? '')).status, 'paid');
      assert.equal((await eventKinds(order.id)).filter((k) => k === 'paid').length, 1);
      const payments = await shop.paymentsOf(order.id);
      assert.equal(payments.length, 1);
      assert.equal(payments[0]?.status, 'paid');
    });

    it('stays paid when an older "open" status arrives after "paid"', async () => {
      const { order, trId } = await mollieOrder('creditcard');
      shop.mollie.setStatus(trId, 'paid');
      assert.equal(await shop.mollie.fireWebhook(trId), 200);
      shop.mollie.setStatus(trId, 'open'); // a stale read: the provider answers an older state
      assert.equal(await shop.mollie.fireWebhook(trId), 200);
      assert.equal((await shop.paymentsOf(order.id))[0]?.status, 'paid');
      assert.equal(
        (
          await shop.t.db
            .selectFrom('orders')
            .select('status')
            .where('id', '=', order.id)
            .executeTakeFirstOrThrow()
        ).status,
        'paid',
      );
    });

    it('refunds a payment that arrives for a cancelled order through Mollie, never keeping the money', async () => {
      const { order, trId } = await mollieOrder('bancontact');
      assert.equal((await cancelOrder(shop.t.ctx, order.id, 'customer')).ok, true);
      shop.mollie.setStatus(trId, 'paid');
      assert.equal(await shop.mollie.fireWebhook(trId), 200);
      const row = await shop.t.db
        .selectFrom('orders')
        .select('status')
        .where('id', '=', order.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'cancelled');
      const outcomes = await runJobsUntilIdle(shop.t.ctx, jobs);
      assert.deepEqual(
        outcomes.map((o) => [o.kind, o.outcome]),
        [['refund', 'done']],
      );
      const refunds = shop.mollie.refunds.filter((r) => r.paymentId === trId);
      assert.equal(refunds.length, 1);
      assert.deepEqual(refunds[0]?.amount, { currency: 'EUR', value: amountValue(order.total_cents) });
      const [payment] = await shop.paymentsOf(order.id);
      assert.equal(payment?.status, 'refunded');
      assert.equal(payment?.refund_id, refunds[0]?.id);
      const kinds = await eventKinds(order.id);
      assert.ok(kinds.includes('payment-refund-due') && kinds.includes('refunded'), kinds.join());
      // the webhook again, after the refund: nothing moves back
      assert.equal(await shop.mollie.fireWebhook(trId), 200);
      assert.equal((await shop.paymentsOf(order.id))[0]?.status, 'refunded');
    });

    it('refunds a payment that Mollie holds with another amount than the order asked, and the order keeps waiting', async () => {
      const { order, trId } = await mollieOrder();
      const atMollie = shop.mollie.payments.get(trId)!;
      atMollie.amount = { currency: 'EUR', value: '0.01' }; // a payment made for another amount
      shop.mollie.setStatus(trId, 'paid');
      assert.equal(await shop.mollie.fireWebhook(trId), 200);
      const row = await shop.t.db
        .selectFrom('orders')
        .select('status')
        .where('id', '=', order.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'awaiting_payment', 'one cent does not pay the order');
      const outcomes = await runJobsUntilIdle(shop.t.ctx, jobs);
      assert.deepEqual(
        outcomes.map((o) => [o.kind, o.outcome]),
        [['refund', 'done']],
      );
      const refunds = shop.mollie.refunds.filter((r) => r.paymentId === trId);
      assert.deepEqual(
        refunds.map((r) => r.amount),
        [{ currency: 'EUR', value: '0.01' }],
        'what Mollie holds goes back, no more',
      );
      const kinds = await eventKinds(order.id);
      assert.ok(kinds.includes('payment-amount-mismatch') && kinds.includes('refunded'), kinds.join());
      assert.ok(!kinds.includes('paid'), kinds.join());
    });

    it('keeps the order awaiting payment when Mollie is down at checkout, and "try paying again" creates the payment', async () => {
      shop.mollie.down = true;
      const res = await shop.buy('ideal');
      assert.equal(res.statusCode, 201);
      assert.equal(res.json.paymentUrl, undefined);
      const order = await shop.orderByNumber(res.json.orderNumber as string);
      assert.equal(order.status, 'awaiting_payment');
      assert.equal((await shop.paymentsOf(order.id))[0]?.provider_payment_id, null);

      const browser = new Browser(shop.t.app);
      const confirmation = new URL(res.json.confirmationUrl as string);
      const page = await browser.get(`${confirmation.pathname}${confirmation.search}&lang=en`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Try paying again/);
      const payPath = /<form method="post" action="([^"]+\/pay\?t=[^"]+)"/
        .exec(page.body)?.[1]
        ?.replaceAll('&amp;', '&');
      assert.ok(payPath);
      const stillDown = await browser.post(payPath, {});
      assert.equal(stillDown.statusCode, 303);
      assert.match(stillDown.headers.location as string, /payment=unavailable/);

      shop.mollie.down = false;
      const retried = await browser.post(payPath, {});
      assert.equal(retried.statusCode, 200);
      const payments = await shop.paymentsOf(order.id);
      assert.equal(payments.length, 1);
      assert.ok(payments[0]?.provider_payment_id);
      assert.equal(paymentPageTarget(retried.body), payments[0]?.checkout_url);
    });

    it('records a failed payment, keeps the order waiting, and a retry makes a new payment that can pay it', async () => {
      const { order, trId } = await mollieOrder();
      shop.mollie.setStatus(trId, 'failed');
      assert.equal(await shop.mollie.fireWebhook(trId), 200);
      assert.equal((await shop.paymentsOf(order.id))[0]?.status, 'failed');
      assert.ok((await eventKinds(order.id)).includes('payment-failed'));
      const number = (await orderNumberOf(order.id))!;
      const browser = new Browser(shop.t.app);
      const page = await browser.get(payPathOf(number).replace('/pay?', '/confirmation?'));
      assert.match(page.body, /name="_csrf"/);
      const pay = await browser.post(payPathOf(number), {});
      assert.equal(pay.statusCode, 200);
      assert.match(paymentPageTarget(pay.body) ?? '', /\/checkout\/tr_\w+$/);
      const payments = await shop.paymentsOf(order.id);
      assert.equal(payments.length, 2);
      const second = payments.find((p) => p.provider_payment_id !== trId)!;
      assert.equal(second.status, 'open');
      shop.mollie.setStatus(second.provider_payment_id!, 'paid');
      assert.equal(await shop.mollie.fireWebhook(second.provider_payment_id!), 200);
      assert.equal((await shop.orderByNumber(number)).status, 'paid');
    });

    it('answers 200 and changes nothing for an unknown or malformed payment id', async () => {
      for (const payload of ['id=tr_doesnotexist', 'id=', 'nothing=1', 'id=%3Cscript%3E']) {
        const res = await shop.t.app.inject({
          method: 'POST',
          url: '/webhooks/mollie',
          payload,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        assert.equal(res.statusCode, 200, payload);
        assert.equal(res.body, '');
      }
      assert.ok(
        !shop.mollie.requests.some((r) => r.path.includes('doesnotexist')),
        'unknown ids are not looked up',
      );
    });

    it('answers 429 to a flood of webhook calls from one address, and still serves Mollie from another', async () => {
      const call = (remoteAddress: string) =>
        shop.t.app.inject({
          method: 'POST',
          url: '/webhooks/mollie',
          payload: 'id=tr_flood',
          remoteAddress,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
      for (let i = 0; i < WEBHOOK_LIMIT_PER_MINUTE; i++)
        assert.equal((await call('203.0.113.9')).statusCode, 200);
      assert.equal((await call('203.0.113.9')).statusCode, 429, 'over the limit: Mollie would retry later');
      assert.equal((await call('198.51.100.7')).statusCode, 200, 'another address is not held back');
    });

    it('sends the checkout form to Mollie’s page when an online method is chosen', async () => {
      const cartId = await shop.cartWith();
      const browser = new Browser(shop.t.app);
      browser.cookies.set('tb_cart', cartId);
      const page = await browser.get('/checkout?lang=en');
      assert.equal(page.statusCode, 200);
      for (const m of ['bank-transfer', 'ideal', 'creditcard', 'bancontact'])
        assert.match(page.body, new RegExp(`name="paymentMethod" value="${m}"`));
      const key = /name="idempotency_key" value="([^"]+)"/.exec(page.body)?.[1];
      assert.ok(key);
      const res = await browser.post('/checkout?lang=en', {
        idempotency_key: key,
        email: 'bo@example.nl',
        name: 'Bo',
        street: 'Kerkstraat',
        houseNumber: '3',
        postcode: '1234ab',
        city: 'Utrecht',
        country: 'NL',
        shippingMethod: 'parcel',
        paymentMethod: 'ideal',
      });
      // not a 303: the CSP's form-action 'self' would block a redirect after a form post to another site
      assert.equal(res.statusCode, 200, res.body);
      assert.match(paymentPageTarget(res.body) ?? '', /\/checkout\/tr_\w+$/);
      assert.match(res.body, /<a class="button" href="[^"]+\/checkout\/tr_\w+">(Nu betalen|Pay now)<\/a>/);
    });
  });

  it('offers only bank transfer without MOLLIE_API_KEY and refuses an online method with 422', async () => {
    const plain = await startTestApp();
    try {
      await addCategory(plain.ctx, 'bags');
      await addProduct(plain.ctx, { sku: 'ONLY-1', stock: 3 });
      const added = await addToCart(plain.ctx, null, 'ONLY-1', 1);
      assert.ok(added.ok);
      const res = await plain.app.inject({
        method: 'POST',
        url: `/api/v1/carts/${added.cartId}/checkout?lang=en`,
        headers: { 'idempotency-key': randomUUID() },
        payload: {
          email: 'ann@example.nl',
          address: {
            name: 'Ann',
            street: 'Dorpsstraat',
            houseNumber: '1',
            postcode: '1234ab',
            city: 'Utrecht',
            country: 'NL',
          },
          shippingMethod: 'parcel',
          paymentMethod: 'ideal',
        },
      });
      assert.equal(res.statusCode, 422, res.body);
      assert.ok(res.json().error.fields.paymentMethod);
    } finally {
      await plain.close();
    }
  });

  async function orderNumberOf(orderId: string): Promise<string | undefined> {
    return (
      await shop.t.db.selectFrom('orders').select('number').where('id', '=', orderId).executeTakeFirst()
    )?.number;
  }

  function payPathOf(number: string): string {
    return `/order/${number}/pay?t=${orderToken(shop.t.config.sessionSecret, number)}`;
  }
});

/** Where the "to the payment page" page sends the customer (its meta refresh, which its link repeats). */
function paymentPageTarget(html: string): string | undefined {
  return /<meta http-equiv="refresh" content="0;url=([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
}
