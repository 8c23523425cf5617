import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { addCategory, addProduct } from '../../test/helpers/catalog-fixtures.ts';
import { createStaff, signedIn } from '../../test/helpers/forms.ts';
import { orderThroughApi } from '../../test/helpers/order-fixtures.ts';
import { type SmtpSink, startSmtpSink } from '../../test/helpers/smtp-sink.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { defaultJobKinds } from '../jobs/default-kinds.ts';
import { runJobsUntilIdle } from '../jobs/run-jobs.ts';
import { isOrderToken } from '../orders/order-token.ts';
import { formatDay, formatPrice } from '../web/i18n/format.ts';
import { sendMessage } from './send-message.ts';

describe('order confirmation e-mail', () => {
  let t: TestApp;
  let smtp: SmtpSink | null = null;
  afterEach(async () => {
    await t.close();
    await smtp?.close();
    smtp = null;
  });

  async function shop(withSmtp: boolean) {
    if (withSmtp) smtp = await startSmtpSink();
    t = await startTestApp(smtp ? { smtpUrl: smtp.url } : {});
    await addCategory(t.ctx, 'bags');
    await addProduct(t.ctx, {
      sku: 'BAG-1',
      nameNl: 'Stofzak',
      nameEn: 'Dust bag',
      priceCents: 1295,
      stock: 10,
    });
  }

  /** Through the API, as a customer would; returns the checkout receipt. */
  async function order(lang: 'nl' | 'en') {
    return orderThroughApi(t, {
      sku: 'BAG-1',
      lang,
      body: { email: `ann-${lang}@example.nl`, shippingMethod: 'mailbox' },
    });
  }

  for (const lang of ['en', 'nl'] as const) {
    it(`sends the confirmation over SMTP in ${lang}, with order, amount, delivery date and a working link`, async () => {
      await shop(true);
      const receipt = await order(lang);
      const outcomes = await runJobsUntilIdle(t.ctx, defaultJobKinds);
      assert.deepEqual(outcomes.map((o) => `${o.kind}:${o.outcome}`).sort(), [
        'fulfilment:done',
        'order-confirmation:done',
      ]);
      assert.equal(smtp!.mails.length, 1);
      const mail = smtp!.mails[0]!;
      assert.match(mail.subject ?? '', new RegExp(receipt.orderNumber));
      assert.match(mail.subject ?? '', lang === 'nl' ? /bestelling/ : /order/);
      assert.equal((mail.to as { text: string }).text, `ann-${lang}@example.nl`);
      const amount = formatPrice(receipt.total, lang);
      const date = formatDay(receipt.deliveryDate, lang, 'full');
      for (const part of [mail.text ?? '', String(mail.html)]) {
        assert.ok(part.includes(receipt.orderNumber), 'order number');
        assert.ok(part.includes(amount), `amount ${amount}`);
        assert.ok(part.includes(date), `delivery date ${date}`);
        assert.ok(part.includes('NL91 ABNA 0417 1643 00'), 'bank transfer details');
      }
      const link = /(http\S+\/order\/[^?\s]+\?t=[\w-]+)/.exec(mail.text ?? '')?.[1];
      assert.ok(link, 'a link to the order page');
      const url = new URL(link);
      assert.equal(url.origin, t.config.publicUrl);
      assert.equal(url.pathname, `/order/${receipt.orderNumber}`);
      assert.ok(isOrderToken(t.config.sessionSecret, receipt.orderNumber, url.searchParams.get('t')));
      assert.ok(String(mail.html).includes(`href="${link}"`), 'the same link in the HTML');
      const page = await t.app.inject({ url: `${url.pathname}${url.search}` });
      assert.equal(page.statusCode, 200, 'the token opens the order page');
      const row = await t.db.selectFrom('outbox_messages').selectAll().executeTakeFirstOrThrow();
      assert.equal(row.status, 'sent');
      assert.ok(row.provider_message_id);
    });
  }

  it('retries with back-off when the SMTP server refuses once, and still sends one e-mail', async () => {
    await shop(true);
    smtp!.refuse(1);
    await order('en');
    const first = await runJobsUntilIdle(t.ctx, defaultJobKinds);
    assert.deepEqual(first.find((o) => o.kind === 'order-confirmation')?.outcome, 'retry');
    assert.equal(smtp!.mails.length, 0);
    const failed = await t.db.selectFrom('outbox_messages').selectAll().executeTakeFirstOrThrow();
    assert.equal(failed.status, 'failed');
    assert.match(failed.error ?? '', /451/);
    assert.deepEqual(await runJobsUntilIdle(t.ctx, defaultJobKinds), [], 'not before the back-off');
    t.clock.advance({ seconds: 30 });
    const second = await runJobsUntilIdle(t.ctx, defaultJobKinds);
    assert.deepEqual(
      second.map((o) => o.outcome),
      ['done'],
    );
    assert.equal(smtp!.mails.length, 1);
  });

  it('sends one e-mail for two requests with the same idempotency key', async () => {
    await shop(true);
    const receipt = await order('en');
    const data = {
      number: receipt.orderNumber,
      name: 'Ann',
      lines: [],
      shippingCents: 0,
      totalCents: 100,
      vatCents: {},
      currency: 'EUR',
      shippingMethod: 'parcel',
      paymentMethod: 'bank-transfer',
      deliveryDate: '2026-12-01',
      orderUrl: 'http://localhost/order/x',
    };
    const request = {
      to: 'bob@example.nl',
      locale: 'en' as const,
      template: 'order-confirmation' as const,
      data,
      idempotencyKey: 'same',
      topic: 'transactional' as const,
    };
    const [a, b] = await Promise.allSettled([sendMessage(t.ctx, request), sendMessage(t.ctx, request)]);
    const third = await sendMessage(t.ctx, request);
    assert.equal(third.duplicate, true);
    assert.equal(third.status, 'sent');
    assert.ok([a, b].some((r) => r.status === 'fulfilled'));
    assert.equal(smtp!.mails.filter((m) => (m.to as { text: string }).text === 'bob@example.nl').length, 1);
  });

  it('keeps messages in the development outbox without SMTP, readable by staff only', async () => {
    await shop(false);
    const receipt = await order('nl');
    await runJobsUntilIdle(t.ctx, defaultJobKinds);
    const row = await t.db.selectFrom('outbox_messages').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, 'outbox');
    const anonymous = await t.app.inject({ url: '/admin/outbox' });
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/admin\/login/);
    await createStaff(t.db, { email: 'owner@example.nl' });
    const browser = await signedIn(t.app, 'owner@example.nl');
    const list = await browser.get('/admin/outbox');
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(receipt.orderNumber));
    const view = await browser.get(`/admin/outbox/${row.id}`);
    assert.equal(view.statusCode, 200);
    assert.match(view.body, /<iframe sandbox srcdoc="&lt;!doctype html/);
    assert.ok(!view.body.includes('<a href="http'), 'the e-mail HTML is not part of the admin page itself');
    assert.ok(view.body.includes(receipt.orderNumber));
    assert.match(String(view.headers['content-security-policy']), /default-src 'self'/);
  });
});
