import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { createStaff, signedIn } from '../../../test/helpers/forms.ts';
import { addCustomer, changeCustomerPreferences } from '../../../test/helpers/preference-fixtures.ts';
import { type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { createCustomerSession } from '../../customers/sessions.ts';
import { suppressionOf } from '../../customers/suppression.ts';
import { defaultJobKinds } from '../../jobs/default-kinds.ts';
import { runJobsUntilIdle } from '../../jobs/run-jobs.ts';
import { loadPreferences } from '../../preferences/preference-store.ts';
import type { Preferences, Topic } from '../../preferences/preferences.ts';
import type { Urgency } from './contract.ts';
import { requestMessage } from './request-message.ts';
import { DIGEST_JOB, sendDigest } from './send-digest.ts';

const SHIPPED = {
  name: 'Anne',
  carrier: 'PostNL',
  trackingCode: '3SABCD123',
  trackingUrl: null,
  deliveryDate: '2026-12-02',
  orderUrl: 'http://localhost/order/TB-1001',
};

describe('the digest e-mail', () => {
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

  /** A customer with offers and surveys on and at most one such message a week. */
  async function customer(email: string, locale: 'nl' | 'en', change: (p: Preferences) => void = () => {}) {
    const id = await addCustomer(t.ctx, { email, locale });
    await changeCustomerPreferences(t.ctx, id, (p) => {
      p.timeZone = 'Europe/Amsterdam';
      p.locale = locale;
      p.topics.offers = 'on';
      p.topics.surveys = 'on';
      p.frequency = { max: 1, per: 'week' };
      change(p);
    });
    return id;
  }

  const setPrefs = (id: string, change: (p: Preferences) => void) =>
    changeCustomerPreferences(t.ctx, id, change);

  let n = 0;
  function ask(customerId: string, to: string, topic: Topic, urgency: Urgency) {
    n++;
    return requestMessage(t.ctx, {
      customerId,
      to,
      topic,
      urgency,
      template: 'order-shipped',
      data: { ...SHIPPED, number: `TB-${1000 + n}` },
      idempotencyKey: `digest-test:${n}`,
    });
  }

  const run = () => runJobsUntilIdle(t.ctx, defaultJobKinds);
  const header = (m: ParsedMail, key: string) =>
    m.headerLines.filter((h) => h.key === key).map((h) => h.line);
  const row = (id: string) =>
    t.db.selectFrom('gateway_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('gathers the kept messages into one e-mail when the limit allows one more, dropping a topic withdrawn meanwhile', async () => {
    await shop();
    const id = await customer('ann@example.nl', 'en');
    await ask(id, 'ann@example.nl', 'offers', 'normal');
    await run();
    assert.equal(sink.mails.length, 1, 'the week’s one message');

    const offer = await ask(id, 'ann@example.nl', 'offers', 'low');
    const survey = await ask(id, 'ann@example.nl', 'surveys', 'low');
    assert.equal(offer.decision.action, 'digest');
    assert.equal(survey.decision.action, 'digest');
    await run();
    assert.equal(sink.mails.length, 1, 'the digest waits for the limit');
    const waiting = await t.db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', DIGEST_JOB)
      .where('status', '=', 'pending')
      .execute();
    assert.deepEqual(
      waiting.map((j) => j.run_at),
      ['2026-12-04T11:00:00.000Z'],
      'one job, when the week since the last message is over',
    );

    t.clock.set('2026-11-30T09:00:00Z');
    await setPrefs(id, (p) => {
      p.topics.surveys = 'off';
    });
    t.clock.set('2026-12-04T11:00:00Z');
    await run();
    assert.equal(sink.mails.length, 2, 'one digest e-mail');
    const mail = sink.mails[1]!;
    assert.equal(mail.subject, `${t.config.shopName}: a message we kept for you`);
    assert.match(mail.text ?? '', /Offers/);
    assert.match(mail.text ?? '', /Your order TB-1002/);
    assert.doesNotMatch(mail.text ?? '', /TB-1003/, 'the withdrawn topic’s message is not in it');
    assert.match(String(mail.html), /<html lang="en">/);
    assert.match(String(mail.html), new RegExp(`/account/messages#m-${offer.id}`));
    assert.ok(mail.text?.includes('/account/preferences'), 'the preference centre link');
    const lines = header(mail, 'list-unsubscribe');
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^List-Unsubscribe: <http:\/\/localhost:\d+\/u\/[A-Za-z0-9_-]{43}>$/);
    assert.deepEqual(header(mail, 'list-unsubscribe-post'), [
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    ]);

    const kept = await row(offer.id);
    assert.equal(kept.status, 'digest-sent');
    assert.equal(kept.reason, 'in-digest');
    const digest = await row(kept.digest_id!);
    assert.equal(digest.status, 'sent');
    assert.equal(digest.topic, 'digest');
    const dropped = await row(survey.id);
    assert.equal(dropped.status, 'dropped');
    assert.equal(dropped.reason, 'no-consent');

    // a retry, or a second process, finds nothing left to send
    assert.equal((await sendDigest(t.ctx, id)).status, 'nothing');
    await run();
    assert.equal(sink.mails.length, 2);

    // the one-click POST turns off the digest's topics
    const path = new URL(/<(.+)>/.exec(lines[0]!)![1]!).pathname;
    const get = await t.app.inject({ url: `${path}?lang=en` });
    assert.match(get.body, /Offers/);
    const post = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assert.equal(post.statusCode, 200, post.body);
    assert.equal((await loadPreferences(t.ctx, id)).prefs.topics.offers, 'off');

    // "messages we sent you, and why": the items and the digest itself, for the customer and for staff
    const cookie = `tb_customer=${await createCustomerSession(t.ctx, id, 'magic-link', 'test')}`;
    const en = await t.app.inject({ url: '/account/messages?lang=en', headers: { cookie } });
    assert.equal(en.statusCode, 200, en.body);
    assert.match(en.body, /Sent in your digest e-mail/);
    assert.match(en.body, /Digest e-mail/);
    assert.match(en.body, /together in one e-mail/);
    assert.match(en.body, /You have not turned this topic on/, 'the dropped item says why');
    const nl = await t.app.inject({ url: '/account/messages?lang=nl', headers: { cookie } });
    assert.match(nl.body, /Verstuurd in je overzichtsmail/);
    assert.match(nl.body, /Overzichtsmail/);
    await createStaff(t.db, { email: 'owner@example.nl' });
    const staff = await signedIn(t.app, 'owner@example.nl');
    const view = await staff.get(`/admin/customers/${id}/messages?lang=en`);
    assert.equal(view.statusCode, 200, view.body);
    assert.match(view.body, /Sent in your digest e-mail/);
    assert.match(view.body, /Digest e-mail/);
  });

  it('waits for quiet hours to end, in Dutch, and a failed delivery is retried as the same digest', async () => {
    await shop();
    const id = await customer('bram@example.nl', 'nl');
    await ask(id, 'bram@example.nl', 'offers', 'normal');
    await run();
    const a = await ask(id, 'bram@example.nl', 'offers', 'low');
    const b = await ask(id, 'bram@example.nl', 'surveys', 'low');
    await run();
    await setPrefs(id, (p) => {
      p.quiet.hours = { from: '10:00', to: '14:00' };
    });

    t.clock.set('2026-12-04T11:00:00Z'); // noon in Amsterdam: quiet now
    const held = await sendDigest(t.ctx, id);
    assert.deepEqual(held, { status: 'held', until: '2026-12-04T13:00:00.000Z', dropped: 0 });
    assert.equal(sink.mails.length, 1, 'nothing in quiet hours');

    t.clock.set('2026-12-04T13:00:00Z');
    sink.refuse(Number.POSITIVE_INFINITY);
    await run();
    assert.equal(sink.mails.length, 1, 'the SMTP server did not take it');
    const claimed = await row(a.id);
    assert.equal(claimed.status, 'digest-sent', 'its items were claimed with the digest');
    assert.equal((await row(claimed.digest_id!)).status, 'sending');

    sink.refuse(0);
    t.clock.set('2026-12-04T13:10:00Z');
    await run();
    await Promise.all([sendDigest(t.ctx, id), sendDigest(t.ctx, id)]);
    assert.equal(sink.mails.length, 2, 'one digest, however often it is tried');
    const mail = sink.mails[1]!;
    assert.equal(mail.subject, `${t.config.shopName}: 2 berichten die we voor je bewaarden`);
    assert.match(String(mail.html), /<html lang="nl">/);
    assert.match(mail.text ?? '', /Aanbiedingen/);
    assert.match(mail.text ?? '', /Enquêtes/);
    assert.match(
      mail.text ?? '',
      /Geen berichten meer over deze onderwerpen: http/,
      'the footer says "these topics"',
    );
    assert.equal((await row(b.id)).digest_id, claimed.digest_id);
    assert.equal((await row(claimed.digest_id!)).status, 'sent');

    // its one List-Unsubscribe URL stands for both of its topics
    const url = /<(.+)>/.exec(header(mail, 'list-unsubscribe')[0]!)![1]!;
    const page = await t.app.inject({ url: `${new URL(url).pathname}?lang=nl` });
    assert.match(page.body, /Aanbiedingen, Enquêtes/);
    const post = await t.app.inject({
      method: 'POST',
      url: new URL(url).pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assert.equal(post.statusCode, 200, post.body);
    const { topics } = (await loadPreferences(t.ctx, id)).prefs;
    assert.deepEqual([topics.offers, topics.surveys], ['off', 'off']);
  });

  it('keeps the items on the message page when the digest bounces, and suppresses the address', async () => {
    await shop();
    const id = await customer('cas@example.nl', 'en');
    await ask(id, 'cas@example.nl', 'offers', 'normal');
    await run();
    const kept = await ask(id, 'cas@example.nl', 'offers', 'low');
    // the digest goes to the account's address of the moment, which no longer exists
    await t.db.updateTable('customers').set({ email: 'gone@example.nl' }).where('id', '=', id).execute();
    t.clock.set('2026-12-04T11:00:00Z');
    const outcome = await sendDigest(t.ctx, id);
    assert.equal(outcome.status, 'bounced');
    assert.equal(sink.mails.length, 1, 'only the first message');
    const item = await row(kept.id);
    assert.equal(item.status, 'digest', 'back to "kept here for you"');
    assert.equal(item.digest_id, null);
    assert.notEqual(await suppressionOf(t.ctx, 'gone@example.nl'), null);
    t.clock.set('2026-12-05T11:00:00Z');
    assert.deepEqual(await sendDigest(t.ctx, id), { status: 'blocked', reason: 'suppressed', dropped: 0 });
    assert.equal(
      (await row(kept.id)).status,
      'digest',
      'still readable on the page, never mailed there again',
    );
  });
});
