import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { createStaff, signedIn } from '../../../test/helpers/forms.ts';
import { startMessageBirdStandIn } from '../../../test/helpers/messagebird-stand-in.ts';
import { addCustomer, changeCustomerPreferences } from '../../../test/helpers/preference-fixtures.ts';
import { type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { Ctx } from '../../context.ts';
import { createCustomerSession } from '../../customers/sessions.ts';
import { suppressionOf } from '../../customers/suppression.ts';
import { defaultJobKinds } from '../../jobs/default-kinds.ts';
import { runJobsUntilIdle } from '../../jobs/run-jobs.ts';
import { loadLedger } from '../../preferences/consent-ledger.ts';
import { loadPreferences, unsubscribeTopic } from '../../preferences/preference-store.ts';
import type { Preferences, Topic } from '../../preferences/preferences.ts';
import type { Urgency } from './contract.ts';
import { requestMessage } from './request-message.ts';

const SHIPPED = {
  number: 'TB-1001',
  name: 'Anne',
  carrier: 'PostNL',
  trackingCode: '3SABCD123',
  trackingUrl: null,
  deliveryDate: '2026-12-02',
  orderUrl: 'http://localhost/order/TB-1001',
};

describe('the message gateway, end to end on the database', () => {
  let t: TestApp;
  let sink: SmtpSink;
  afterEach(async () => {
    await t.close();
    await sink.close();
  });

  /** 2026-11-27 is a Friday; 11:00 UTC is noon in Amsterdam. */
  async function shop(now = '2026-11-27T11:00:00Z') {
    sink = await startSmtpSink({ refuseGone: true });
    t = await startTestApp({ smtpUrl: sink.url }, now);
  }

  async function customer(email: string, change: (p: Preferences) => void, locale: 'nl' | 'en' = 'en') {
    const id = await addCustomer(t.ctx, { email, locale });
    await changeCustomerPreferences(t.ctx, id, (p) => {
      p.timeZone = 'Europe/Amsterdam';
      p.locale = locale;
      change(p);
    });
    return id;
  }

  let n = 0;
  function ask(ctx: Ctx, customerId: string | null, to: string, topic: Topic, urgency: Urgency = 'normal') {
    n++;
    return requestMessage(ctx, {
      customerId,
      to,
      topic,
      urgency,
      template: 'order-shipped',
      data: { ...SHIPPED, number: `TB-${1000 + n}` },
      idempotencyKey: `test:${n}`,
    });
  }

  const run = () => runJobsUntilIdle(t.ctx, defaultJobKinds);
  const to = (m: ParsedMail) => (m.to as { text: string }).text;
  const header = (m: ParsedMail, key: string) =>
    m.headerLines.filter((h) => h.key === key).map((h) => h.line);

  it('sends a non-transactional e-mail with both RFC 8058 headers, each on one line, and the footer links', async () => {
    await shop();
    const id = await customer('ann@example.nl', (p) => {
      p.topics.offers = 'on';
    });
    const asked = await ask(t.ctx, id, 'ann@example.nl', 'offers');
    assert.deepEqual(asked.decision, { action: 'send', channel: 'email', reason: 'consent' });
    await ask(t.ctx, id, 'ann@example.nl', 'transactional', 'now');
    await run();
    assert.equal(sink.mails.length, 2, 'both e-mails arrive over SMTP');
    const offer = sink.mails.find((m) => header(m, 'list-unsubscribe').length > 0);
    const update = sink.mails.find((m) => m !== offer);
    const lines = header(offer!, 'list-unsubscribe');
    assert.equal(lines.length, 1, 'one List-Unsubscribe header');
    assert.match(
      lines[0]!,
      /^List-Unsubscribe: <http:\/\/localhost:\d+\/u\/[A-Za-z0-9_-]{43}>$/,
      `unfolded, one line: ${JSON.stringify(lines[0])}`,
    );
    assert.deepEqual(header(offer!, 'list-unsubscribe-post'), [
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    ]);
    const url = /<(.+)>/.exec(lines[0]!)![1]!;
    assert.ok(offer!.text?.includes(url), 'the footer carries the same unsubscribe link');
    assert.ok(offer!.text?.includes('/account/preferences'), 'the footer links to the preference centre');
    assert.deepEqual(
      header(update!, 'list-unsubscribe'),
      [],
      'no unsubscribe header on a transactional e-mail',
    );
    assert.ok(
      update!.text?.includes('/account/preferences'),
      'a transactional e-mail links to the preferences too',
    );
    assert.ok(String(update!.html).includes('href="http://localhost'), 'and so does its HTML');
    const token = new URL(url).pathname;

    // a link scanner's GET changes nothing
    const page = await t.app.inject({ url: token });
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /name="List-Unsubscribe" value="One-Click"/);
    assert.equal((await loadPreferences(t.ctx, id)).prefs.topics.offers, 'on', 'GET must not unsubscribe');

    // the mail client's one-click POST: no cookie, no CSRF token, unsubscribes at once
    const post = await t.app.inject({
      method: 'POST',
      url: token,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assert.equal(post.statusCode, 200, post.body);
    assert.equal((await loadPreferences(t.ctx, id)).prefs.topics.offers, 'off', 'POST unsubscribes');
    const last = (await loadLedger(t.ctx, id)).at(-1)!;
    assert.equal(last.subject, 'topics.offers');
    assert.equal(last.source, 'unsubscribe-link');
    assert.equal(last.wording_version, 'unsubscribe-v1');
    const again = await t.app.inject({
      method: 'POST',
      url: token,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assert.equal(again.statusCode, 200, 'a repeat is harmless');
    assert.equal((await loadLedger(t.ctx, id)).length, (await loadLedger(t.ctx, id)).length);
  });

  it('takes a multipart one-click POST, refuses a POST without the one-click body and unknown tokens', async () => {
    await shop();
    const id = await customer('bob@example.nl', (p) => {
      p.topics.stories = 'on';
    });
    await ask(t.ctx, id, 'bob@example.nl', 'stories');
    await run();
    const url = /<(.+)>/.exec(header(sink.mails[0]!, 'list-unsubscribe')[0]!)![1]!;
    const path = new URL(url).pathname;
    const bad = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'something=else',
    });
    assert.equal(bad.statusCode, 400, 'a POST without List-Unsubscribe=One-Click changes nothing');
    assert.match(bad.body, /List-Unsubscribe=One-Click/);
    assert.equal((await loadPreferences(t.ctx, id)).prefs.topics.stories, 'on');
    const boundary = 'XyZ';
    const multipart = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    assert.equal(multipart.statusCode, 200, multipart.body);
    assert.equal((await loadPreferences(t.ctx, id)).prefs.topics.stories, 'off');
    for (const wrong of ['/u/nonsense', `/u/${'A'.repeat(43)}`]) {
      const res = await t.app.inject({
        method: 'POST',
        url: wrong,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(res.statusCode, 404, wrong);
      assert.equal((await t.app.inject({ url: wrong })).statusCode, 404, `GET ${wrong}`);
    }
    const stored = await t.db.selectFrom('unsubscribe_tokens').select('token_hash').execute();
    assert.ok(
      stored.every((s) => !url.includes(s.token_hash)),
      'only a hash of the token is stored',
    );
  });

  it('decides again at send time: holds through quiet hours, sends after; drops what was turned off meanwhile', async () => {
    await shop('2026-11-26T22:00:00Z'); // Thursday 23:00 in Amsterdam
    const id = await customer('cas@example.nl', (p) => {
      p.topics.offers = 'on';
      p.topics.replenishment = 'on';
      p.quiet.hours = { from: '21:00', to: '08:00' };
    });
    const held = await ask(t.ctx, id, 'cas@example.nl', 'offers');
    assert.deepEqual(held.decision, {
      action: 'hold',
      until: '2026-11-27T07:00:00.000Z',
      reason: 'quiet-hours',
    });
    const reminder = await ask(t.ctx, id, 'cas@example.nl', 'replenishment');
    const update = await ask(t.ctx, id, 'cas@example.nl', 'transactional', 'now');
    assert.equal(update.decision.action, 'send', 'an order update goes through quiet hours');
    await run();
    assert.deepEqual(sink.mails.map(to), ['cas@example.nl'], 'only the order update during quiet hours');

    // the customer turns replenishment reminders off before the quiet hours end
    await unsubscribeTopic(t.ctx, id, 'replenishment');
    t.clock.set('2026-11-27T06:59:00Z');
    assert.deepEqual(await run(), [], 'nothing is due before the hold ends');
    t.clock.set('2026-11-27T07:00:00Z');
    await run();
    assert.equal(sink.mails.length, 2, 'the offer arrives when the quiet hours end; the reminder does not');
    const decisions = await t.db
      .selectFrom('message_decisions')
      .select(['message_id', 'phase', 'action', 'reason'])
      .orderBy('decided_at')
      .orderBy('id')
      .execute();
    const of = (messageId: string) =>
      decisions.filter((d) => d.message_id === messageId).map((d) => `${d.phase}:${d.action}:${d.reason}`);
    assert.deepEqual(of(held.id), ['queued:hold:quiet-hours', 'send-time:send:consent']);
    assert.deepEqual(of(reminder.id), ['queued:hold:quiet-hours', 'send-time:drop:no-consent']);
    assert.deepEqual(of(update.id), ['queued:send:transactional', 'send-time:send:transactional']);
    const row = await t.db
      .selectFrom('gateway_messages')
      .select(['status', 'reason'])
      .where('id', '=', reminder.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'dropped', reason: 'no-consent' });
  });

  it('keeps to the frequency limit, and a repeat request is the same message', async () => {
    await shop();
    const id = await customer('dee@example.nl', (p) => {
      p.topics.offers = 'on';
      p.frequency = { max: 1, per: 'week' };
    });
    await ask(t.ctx, id, 'dee@example.nl', 'offers');
    await run();
    const second = await ask(t.ctx, id, 'dee@example.nl', 'offers');
    assert.deepEqual(second.decision, {
      action: 'hold',
      until: '2026-12-04T11:00:00.000Z',
      reason: 'frequency-cap',
    });
    const repeat = await requestMessage(t.ctx, {
      customerId: id,
      to: 'dee@example.nl',
      topic: 'offers',
      urgency: 'normal',
      template: 'order-shipped',
      data: SHIPPED,
      idempotencyKey: `test:${n}`,
    });
    assert.equal(repeat.duplicate, true);
    assert.equal(repeat.id, second.id);
    await run();
    assert.equal(sink.mails.length, 1);
    t.clock.set('2026-12-04T11:00:00Z');
    await run();
    assert.equal(sink.mails.length, 2, 'sent when the first leaves the rolling week');
  });

  it('suppresses a hard-bounced address, records it, and drops later e-mail to it', async () => {
    await shop();
    const first = await ask(t.ctx, null, 'gone@example.nl', 'transactional', 'now');
    const outcomes = await run();
    assert.deepEqual(
      outcomes.map((o) => o.outcome),
      ['done'],
      'a permanent refusal is not retried',
    );
    assert.equal(await suppressionOf(t.ctx, 'gone@example.nl'), 'hard-bounce');
    const bounce = await t.db
      .selectFrom('message_decisions')
      .select(['phase', 'action', 'reason'])
      .where('message_id', '=', first.id)
      .where('phase', '=', 'delivery')
      .executeTakeFirstOrThrow();
    assert.deepEqual(bounce, { phase: 'delivery', action: 'bounced', reason: 'suppressed' });
    const later = await ask(t.ctx, null, 'Gone@Example.nl', 'transactional', 'now');
    assert.deepEqual(later.decision, { action: 'drop', reason: 'suppressed' });
  });

  it('shows the customer, in English and Dutch, and staff what was sent and why', async () => {
    await shop('2026-11-26T22:00:00Z');
    const id = await customer('eva@example.nl', (p) => {
      p.topics.offers = 'on';
      p.quiet.hours = { from: '21:00', to: '08:00' };
    });
    await ask(t.ctx, id, 'eva@example.nl', 'offers');
    await ask(t.ctx, id, 'eva@example.nl', 'surveys');
    await ask(t.ctx, id, 'eva@example.nl', 'transactional', 'now');
    await run();
    const anonymous = await t.app.inject({ url: '/account/messages' });
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/account\/sign-in/);
    const token = await createCustomerSession(t.ctx, id, 'magic-link', 'test');
    const cookie = `tb_customer=${token}`;
    const en = await t.app.inject({ url: '/account/messages?lang=en', headers: { cookie } });
    assert.equal(en.statusCode, 200, en.body);
    assert.match(en.body, /Messages we sent you, and why/);
    assert.match(en.body, /Waiting until/);
    assert.match(en.body, /quiet hours/);
    assert.match(en.body, /You have not turned this topic on/);
    assert.match(en.body, /always reach you/);
    const nl = await t.app.inject({ url: '/account/messages?lang=nl', headers: { cookie } });
    assert.match(nl.body, /Berichten die we je stuurden, en waarom/);
    assert.match(nl.body, /stille uren/);

    assert.equal((await t.app.inject({ url: `/admin/customers/${id}/messages` })).statusCode, 303);
    await createStaff(t.db, { email: 'owner@example.nl' });
    const staff = await signedIn(t.app, 'owner@example.nl');
    const view = await staff.get(`/admin/customers/${id}/messages?lang=en`);
    assert.equal(view.statusCode, 200, view.body);
    assert.match(view.body, /eva@example\.nl/);
    assert.match(view.body, /You have not turned this topic on/);
    assert.equal((await staff.get('/admin/customers/nobody/messages')).statusCode, 404);
  });

  it('sends by SMS when the customer puts it first and has a number, by e-mail when the number is gone', async () => {
    const bird = await startMessageBirdStandIn();
    try {
      sink = await startSmtpSink({ refuseGone: true });
      t = await startTestApp(
        {
          smtpUrl: sink.url,
          sms: { provider: 'messagebird', apiKey: bird.accessKey, apiUrl: bird.apiUrl, sender: 'Toonbank' },
        },
        '2026-11-27T11:00:00Z',
      );
      const id = await customer('fay@example.nl', (p) => {
        p.channels.order = ['sms', 'email', 'push', 'post'];
        p.channels.enabled = { email: true, push: false, sms: true, post: false };
      });
      await t.db.updateTable('customers').set({ phone: '+31612345678' }).where('id', '=', id).execute();
      const bySms = await ask(t.ctx, id, 'fay@example.nl', 'transactional', 'now');
      assert.deepEqual(bySms.decision, { action: 'send', channel: 'sms', reason: 'transactional' });
      await run();
      assert.equal(bird.messages.length, 1, 'one SMS');
      assert.ok(bird.messages[0]!.recipients[0]?.endsWith('612345678'), 'to the customer’s number');
      assert.match(bird.messages[0]!.body, /\/account\/messages#m-/);
      assert.equal(sink.mails.length, 0, 'and no e-mail');
      await t.db.updateTable('customers').set({ phone: null }).where('id', '=', id).execute();
      const byMail = await ask(t.ctx, id, 'fay@example.nl', 'transactional', 'now');
      assert.deepEqual(byMail.decision, { action: 'send', channel: 'email', reason: 'transactional' });
      await run();
      assert.equal(sink.mails.length, 1);
    } finally {
      await bird.close();
    }
  });
});
