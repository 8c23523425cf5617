import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { Temporal } from 'temporal-polyfill';
import { addCategory, addProduct } from '../../../test/helpers/catalog-fixtures.ts';
import { type Browser, createStaff, signedIn } from '../../../test/helpers/forms.ts';
import { orderThroughApi } from '../../../test/helpers/order-fixtures.ts';
import { checkInvariants } from '../../../test/helpers/order-invariants.ts';
import { type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { defaultJobKinds } from '../../jobs/default-kinds.ts';
import { runJobsUntilIdle } from '../../jobs/run-jobs.ts';
import { formatDay } from '../../web/i18n/format.ts';
import { changeOrderStatus, recordOrderEvent } from '../order-events.ts';
import { withdrawalWindow } from '../withdraw-order.ts';

describe('orders admin', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let staff: Browser;
  const initial = new Map([
    ['BAG-1', 50],
    ['BOX-1', 50],
  ]);

  before(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ smtpUrl: smtp.url });
    await addCategory(t.ctx, 'bags');
    await addProduct(t.ctx, {
      sku: 'BAG-1',
      nameNl: 'Stofzak',
      nameEn: 'Dust bag',
      priceCents: 1295,
      stock: 50,
    });
    await addProduct(t.ctx, {
      sku: 'BOX-1',
      nameNl: 'Doos filters',
      nameEn: 'Box of filters',
      priceCents: 2495,
      stock: 50,
      mailboxFit: false,
    });
    await createStaff(t.db, { email: 'piet@example.nl', name: 'Piet Jansen' });
    staff = await signedIn(t.app, 'piet@example.nl');
  });
  beforeEach(() => {
    smtp.mails.length = 0;
  });
  after(async () => {
    await checkInvariants(t.ctx, initial);
    await t.close();
    await smtp.close();
  });

  /** An order placed through the API, as a customer would; returns its id and number. */
  async function order(
    opts: { lang?: 'nl' | 'en'; email?: string; sku?: string; quantity?: number; paid?: boolean } = {},
  ) {
    const sku = opts.sku ?? 'BAG-1';
    const { orderNumber: number } = await orderThroughApi(t, {
      sku,
      quantity: opts.quantity ?? 2,
      lang: opts.lang ?? 'en',
      body: {
        email: opts.email ?? `c-${randomUUID().slice(0, 8)}@example.nl`,
        shippingMethod: sku === 'BAG-1' ? 'mailbox' : 'parcel',
      },
    });
    const row = await t.db
      .selectFrom('orders')
      .select(['id', 'email'])
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    if (opts.paid !== false) {
      const paid = await changeOrderStatus(t.ctx, {
        orderId: row.id,
        from: 'awaiting_payment',
        to: 'paid',
        actor: 'system',
      });
      assert.ok(paid.ok);
    }
    return { id: row.id, number, email: row.email };
  }

  const statusOf = async (id: string) =>
    (await t.db.selectFrom('orders').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const eventsOf = (id: string) =>
    t.db.selectFrom('order_events').selectAll().where('order_id', '=', id).orderBy('id').execute();
  const mailsTo = (email: string) =>
    smtp.mails.filter(
      (m) =>
        (m.to as { text: string }).text === email &&
        !/(bestelling|order) .* (bij|at) /i.test(m.subject ?? ''),
    );

  it('sends anonymous visitors to the login page and refuses their posts', async () => {
    const o = await order();
    const list = await t.app.inject({ url: '/admin/orders' });
    assert.equal(list.statusCode, 303);
    assert.match(String(list.headers.location), /^\/admin\/login/);
    const detail = await t.app.inject({ url: `/admin/orders/${o.id}` });
    assert.equal(detail.statusCode, 303);
    const pdf = await t.app.inject({ url: '/admin/orders/pick-list.pdf' });
    assert.equal(pdf.statusCode, 303);
    const post = await t.app.inject({
      method: 'POST',
      url: `/admin/orders/${o.id}/cancel`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    assert.equal(post.statusCode, 401);
    assert.equal(await statusOf(o.id), 'paid');
  });

  it('shows each order under the right filter, newest first, with counts, and finds it by number or e-mail', async () => {
    const waiting = await order({ paid: false, email: 'waiting@example.nl' });
    t.clock.advance({ minutes: 1 });
    const toPack = await order({ email: 'topack@example.nl' });
    t.clock.advance({ minutes: 1 });
    const cancelled = await order({ email: 'gone@example.nl' });
    await staff.get(`/admin/orders/${cancelled.id}`);
    assert.equal((await staff.post(`/admin/orders/${cancelled.id}/cancel`, {})).statusCode, 303);
    t.clock.advance({ minutes: 1 });
    const newest = await order({ email: 'topack2@example.nl' });

    const page = async (query: string) =>
      (await staff.get(`/admin/orders?${query}${query.includes('lang=') ? '' : '&lang=en'}`)).body;
    const toPackPage = await page('filter=to-pack');
    assert.ok(toPackPage.includes(toPack.number) && toPackPage.includes(newest.number));
    assert.ok(!toPackPage.includes(waiting.number) && !toPackPage.includes(cancelled.number));
    assert.ok(toPackPage.indexOf(newest.number) < toPackPage.indexOf(toPack.number), 'newest first');
    const waitingPage = await page('filter=awaiting-payment');
    assert.ok(waitingPage.includes(waiting.number) && !waitingPage.includes(toPack.number));
    const cancelledPage = await page('filter=cancelled');
    assert.ok(cancelledPage.includes(cancelled.number) && !cancelledPage.includes(toPack.number));
    const all = await page('filter=all');
    for (const o of [waiting, toPack, cancelled, newest]) assert.ok(all.includes(o.number));

    const search = await page('filter=all&q=TOPACK@EXAMPLE');
    assert.ok(
      search.includes(toPack.number) && !search.includes(newest.number) && !search.includes(waiting.number),
    );
    assert.match(search, /To pack \(1\)/);
    assert.match(search, /Waiting for payment \(0\)/);
    const byNumber = await page(`filter=all&q=${waiting.number.toLowerCase()}`);
    assert.ok(byNumber.includes(waiting.number) && !byNumber.includes(toPack.number));
    const waitingDetail = (await staff.get(`/admin/orders/${waiting.id}?lang=en`)).body;
    assert.match(
      waitingDetail,
      /action="\/admin\/orders\/[^"]+\/mark-paid"/,
      'bank transfer: payment button',
    );
    assert.ok(!waitingDetail.includes('/ship"'), 'an unpaid order cannot be shipped');
    const nl = await page('filter=to-pack&lang=nl');
    assert.match(nl, /Inpakken \(\d+\)/);
  });

  for (const lang of ['en', 'nl'] as const) {
    it(`ships with a tracking code: status, event, and one shipped e-mail in ${lang} with the tracking link`, async () => {
      const o = await order({ lang });
      const detail = await staff.get(`/admin/orders/${o.id}`);
      assert.equal(detail.statusCode, 200);
      assert.match(detail.body, /Mark shipped|Markeer als verstuurd/);
      assert.ok(!detail.body.includes('/mark-paid'), 'no payment button on a paid order');
      const res = await staff.post(`/admin/orders/${o.id}/ship`, {
        carrier: 'postnl',
        trackingCode: '3s abcd 123456789',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(await statusOf(o.id), 'shipped');
      const events = await eventsOf(o.id);
      const shipped = events.find((e) => e.kind === 'shipped');
      assert.ok(shipped);
      assert.equal(shipped.actor, 'staff');
      assert.match(shipped.note ?? '', /^staff:\S+ postnl 3SABCD123456789$/);
      const timeline = (await staff.get(`/admin/orders/${o.id}?lang=${lang}`)).body;
      assert.match(timeline, / — PostNL 3SABCD123456789<\/li>/, 'the carrier by its name on the timeline');
      assert.ok(
        events.some((e) => e.kind === 'packed'),
        'packed on the way',
      );

      // a second click (or a second staff member) changes nothing and sends nothing more
      assert.equal(
        (await staff.post(`/admin/orders/${o.id}/ship`, { carrier: 'dhl', trackingCode: 'JVGL0123456789' }))
          .statusCode,
        303,
      );
      assert.equal((await eventsOf(o.id)).filter((e) => e.kind === 'shipped').length, 1);
      await runJobsUntilIdle(t.ctx, defaultJobKinds);
      await runJobsUntilIdle(t.ctx, defaultJobKinds);
      const mails = mailsTo(o.email).filter((m) => /onderweg|on its way/.test(m.subject ?? ''));
      assert.equal(mails.length, 1);
      const mail = mails[0]!;
      assert.match(mail.subject ?? '', lang === 'nl' ? /onderweg/ : /on its way/);
      const link = 'https://jouw.postnl.nl/track-and-trace/3SABCD123456789-NL-1234AB';
      assert.ok(mail.text?.includes(link), mail.text);
      assert.ok(String(mail.html).includes(`href="${link}"`));
      assert.match(mail.text ?? '', new RegExp(`/order/${o.number}\\?t=[\\w-]{22}`));
      const page = await staff.get(`/admin/orders/${o.id}`);
      assert.match(page.body, /Piet Jansen/);
      assert.match(page.body, /3SABCD123456789/);
    });
  }

  it('marks a shipped order delivered once: event by the staff member, withdrawal period from that day', async () => {
    const o = await order();
    assert.ok(!(await staff.get(`/admin/orders/${o.id}`)).body.includes('/deliver'), 'not before shipping');
    assert.equal(
      (await staff.post(`/admin/orders/${o.id}/deliver`, {})).headers.location,
      `/admin/orders/${o.id}?done=not-allowed`,
    );
    assert.equal(await statusOf(o.id), 'paid', 'a paid order cannot skip shipping');
    await staff.post(`/admin/orders/${o.id}/ship`, { carrier: 'postnl', trackingCode: '3SABCD123456789' });
    const shipped = await staff.get(`/admin/orders/${o.id}`);
    assert.match(shipped.body, /Mark delivered|Markeer als bezorgd/);
    const res = await staff.post(`/admin/orders/${o.id}/deliver`, {});
    assert.equal(res.headers.location, `/admin/orders/${o.id}?done=delivered`);
    assert.equal(
      (await staff.post(`/admin/orders/${o.id}/deliver`, {})).statusCode,
      303,
      'a second click is harmless',
    );
    assert.equal(await statusOf(o.id), 'delivered');
    const delivered = (await eventsOf(o.id)).filter((e) => e.kind === 'delivered');
    assert.equal(delivered.length, 1, 'one delivered event');
    assert.equal(delivered[0]!.actor, 'staff');
    const row = await t.db
      .selectFrom('orders')
      .select(['status', 'delivery_date'])
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    const window = withdrawalWindow(
      { status: row.status, deliveryDate: row.delivery_date },
      await eventsOf(o.id),
      t.clock.now(),
      t.ctx.config.shopTimezone,
    );
    const deliveredDay = Temporal.Instant.from(delivered[0]!.at)
      .toZonedDateTimeISO(t.ctx.config.shopTimezone)
      .toPlainDate();
    assert.deepEqual(window, { open: true, lastDay: deliveredDay.add({ days: 14 }).toString() });
    assert.match(
      (await staff.get(`/admin/orders/${o.id}?done=delivered`)).body,
      /Marked delivered|Gemarkeerd als bezorgd/,
    );
  });

  it('refuses an invalid tracking code with 422 and the field message, writing nothing', async () => {
    const o = await order();
    const before = await eventsOf(o.id);
    const jobs = await t.db.selectFrom('jobs').select('id').execute();
    await staff.get(`/admin/orders/${o.id}`);
    const res = await staff.post(`/admin/orders/${o.id}/ship?lang=en`, {
      carrier: 'dpd',
      trackingCode: 'ABC',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="trackingCode-error"[^>]*>This is not a tracking code of this carrier/);
    assert.match(res.body, /aria-invalid="true"/);
    assert.match(res.body, /value="ABC"/);
    assert.equal(await statusOf(o.id), 'paid');
    assert.deepEqual(await eventsOf(o.id), before);
    assert.equal((await t.db.selectFrom('jobs').select('id').execute()).length, jobs.length);
  });

  it('reports a delay: new date stored, event, and a delay notice with the date, the message and the staff name', async () => {
    const o = await order({ lang: 'nl' });
    await staff.get(`/admin/orders/${o.id}`);
    const past = await staff.post(`/admin/orders/${o.id}/delay`, { newDate: '2026-11-29', message: '' });
    assert.equal(past.statusCode, 422);
    const res = await staff.post(`/admin/orders/${o.id}/delay`, {
      newDate: '2026-12-08',
      message: 'Onze leverancier is te laat; we sturen het meteen door.',
    });
    assert.equal(res.statusCode, 303);
    await staff.post(`/admin/orders/${o.id}/delay`, { newDate: '2026-12-08', message: 'again' });
    const row = await t.db
      .selectFrom('orders')
      .select('delivery_date')
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.delivery_date, '2026-12-08');
    assert.equal((await eventsOf(o.id)).filter((e) => e.kind === 'delayed').length, 1);
    await runJobsUntilIdle(t.ctx, defaultJobKinds);
    const mails = mailsTo(o.email).filter((m) => /later/.test(m.subject ?? ''));
    assert.equal(mails.length, 1);
    const text = mails[0]!.text ?? '';
    assert.ok(text.includes(formatDay('2026-12-08', 'nl', 'full')), text);
    assert.ok(text.includes('Onze leverancier is te laat'));
    assert.match(text, /Piet Jansen/);
  });

  it('cancels from the admin: stock back once, even when posted twice', async () => {
    const stock = async () =>
      (await t.db.selectFrom('products').select('stock').where('sku', '=', 'BOX-1').executeTakeFirstOrThrow())
        .stock;
    const start = await stock();
    const o = await order({ sku: 'BOX-1', quantity: 3 });
    assert.equal(await stock(), start - 3);
    await staff.get(`/admin/orders/${o.id}`);
    const [a, b] = await Promise.all([
      staff.post(`/admin/orders/${o.id}/cancel`, {}),
      staff.post(`/admin/orders/${o.id}/cancel`, {}),
    ]);
    assert.equal(a.statusCode, 303);
    assert.equal(b.statusCode, 303);
    assert.equal(await statusOf(o.id), 'cancelled');
    assert.equal(await stock(), start);
    const cancelled = (await eventsOf(o.id)).filter((e) => e.kind === 'cancelled');
    assert.equal(cancelled.length, 1);
    assert.equal(cancelled[0]!.actor, 'staff');
    assert.match(cancelled[0]!.note ?? '', /^staff:/);
    await checkInvariants(t.ctx, initial);
  });

  it('names payment events on the timeline in words, in both languages, with their note', async () => {
    const o = await order({ paid: false });
    await recordOrderEvent(t.ctx, {
      orderId: o.id,
      kind: 'payment-amount-mismatch',
      actor: 'system',
      note: 'tr_test: 10.00 EUR',
    });
    await recordOrderEvent(t.ctx, { orderId: o.id, kind: 'payment-expired', actor: 'system' });
    const en = (await staff.get(`/admin/orders/${o.id}?lang=en`)).body;
    assert.match(en, /payment of another amount received: refunded, the order still waits for payment/);
    assert.match(en, /payment expired \(system\)/);
    assert.match(en, /tr_test: 10\.00 EUR/);
    assert.doesNotMatch(en, /payment-amount-mismatch|payment-expired/);
    const nl = (await staff.get(`/admin/orders/${o.id}?lang=nl`)).body;
    assert.match(nl, /betaling met een ander bedrag ontvangen/);
    assert.match(nl, /betaling verlopen/);
  });

  it('refuses a cross-site post with 403, writing nothing', async () => {
    const o = await order();
    await staff.get(`/admin/orders/${o.id}`);
    const res = await staff.post(
      `/admin/orders/${o.id}/ship`,
      { carrier: 'postnl', trackingCode: '3SABCD123456789' },
      { 'sec-fetch-site': 'cross-site' },
    );
    assert.equal(res.statusCode, 403);
    const noToken = await staff.post(`/admin/orders/${o.id}/cancel`, { _csrf: null });
    assert.equal(noToken.statusCode, 403);
    assert.equal(await statusOf(o.id), 'paid');
  });

  it('makes the pick list PDF: totals per SKU first, then a packing slip per order, mailbox parcels marked', async () => {
    // a new day with only these two paid orders to pack
    for (const o of await t.db.selectFrom('orders').select(['id', 'status']).execute())
      if (o.status === 'paid')
        await changeOrderStatus(t.ctx, { orderId: o.id, from: 'paid', to: 'cancelled', actor: 'system' });
    t.clock.set('2026-12-02T09:00:00Z');
    staff = await signedIn(t.app, 'piet@example.nl');
    const mailbox = await order({ sku: 'BAG-1', quantity: 2 });
    const parcel = await order({ sku: 'BOX-1', quantity: 1 });
    await order({ paid: false });
    const res = await staff.get('/admin/orders/pick-list.pdf?date=2026-12-02');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(
      String(res.headers['content-disposition']),
      /attachment; filename="pick-list-2026-12-02\.pdf"/,
    );
    assert.equal(res.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdfText(res.rawPayload);
    assert.ok(text.includes(mailbox.number) && text.includes(parcel.number), text);
    const pages = text.split('\f');
    assert.equal(pages.length, 3, 'a pick list and two packing slips');
    assert.match(pages[0]!, /2 ×\s+BAG-1/);
    assert.match(pages[0]!, /1 ×\s+BOX-1/);
    const mailboxSlip = pages.find((p) => p.includes(mailbox.number))!;
    const parcelSlip = pages.find((p) => p.includes(parcel.number))!;
    assert.match(mailboxSlip, /BRIEVENBUSPAKJE/);
    assert.doesNotMatch(parcelSlip, /BRIEVENBUSPAKJE/);
    assert.equal((await staff.get('/admin/orders/pick-list.pdf?date=2026-13-01')).statusCode, 400);
  });
});

/** The text shown on each page of a pdfkit PDF (pages separated by \f): inflates the streams, decodes hex strings. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const pages: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const bytes = Buffer.from(match[1]!, 'latin1');
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = match[1]!;
    }
    if (!/\bBT\b/.test(content)) continue;
    const lines = [...content.matchAll(/\[(.*?)\]\s*TJ/g)].map((tj) =>
      [...tj[1]!.matchAll(/<([0-9a-fA-F]+)>/g)]
        .map((h) => Buffer.from(h[1]!, 'hex').toString('latin1'))
        .join(''),
    );
    pages.push(lines.join('\n'));
  }
  return pages.join('\f');
}
