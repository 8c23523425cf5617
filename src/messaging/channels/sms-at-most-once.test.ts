import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { createStaff, signedIn } from '../../../test/helpers/forms.ts';
import {
  type MessageBirdStandIn,
  startMessageBirdStandIn,
} from '../../../test/helpers/messagebird-stand-in.ts';
import { addCustomer, changeCustomerPreferences } from '../../../test/helpers/preference-fixtures.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { isoNow } from '../../clock.ts';
import { defaultJobKinds } from '../../jobs/default-kinds.ts';
import { runJobsUntilIdle } from '../../jobs/run-jobs.ts';
import { requestMessage } from '../gateway/request-message.ts';

/**
 * The crash window of SMS: the provider accepted the SMS but the shop never recorded it (the answer was lost, or
 * the process died before writing it). The retry must ask the provider for our reference, not send blindly.
 */
describe('an SMS is sent at most once', () => {
  let t: TestApp;
  let bird: MessageBirdStandIn;
  afterEach(async () => {
    await t.close();
    await bird.close();
  });

  async function shop() {
    bird = await startMessageBirdStandIn();
    t = await startTestApp(
      { sms: { provider: 'messagebird', apiKey: bird.accessKey, apiUrl: bird.apiUrl, sender: 'Toonbank' } },
      '2026-11-27T11:00:00Z',
    );
    bird.now = () => isoNow(t.clock);
    const id = await addCustomer(t.ctx, { email: 'sam@example.nl', locale: 'en' });
    await changeCustomerPreferences(t.ctx, id, (p) => {
      p.channels.order = ['sms', 'email', 'push', 'post'];
      p.channels.enabled = { email: true, push: false, sms: true, post: false };
    });
    await t.db.updateTable('customers').set({ phone: '+31612345678' }).where('id', '=', id).execute();
    const asked = await requestMessage(t.ctx, {
      customerId: id,
      to: 'sam@example.nl',
      topic: 'transactional',
      urgency: 'now',
      template: 'order-shipped',
      data: {
        number: 'TB-1001',
        name: 'Sam',
        carrier: 'PostNL',
        trackingCode: '3SABCD123',
        trackingUrl: null,
        deliveryDate: '2026-12-02',
        orderUrl: 'http://localhost/order/TB-1001',
      },
      idempotencyKey: 'sms-once:1',
    });
    assert.deepEqual(asked.decision, { action: 'send', channel: 'sms', reason: 'transactional' });
    return { customerId: id, messageId: asked.id };
  }

  const run = () => runJobsUntilIdle(t.ctx, defaultJobKinds);
  /** Past the job's back-off, so its retry is due. */
  const later = () => t.clock.advance({ minutes: 5 });
  const message = (id: string) =>
    t.db.selectFrom('gateway_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const attempt = (id: string) =>
    t.db.selectFrom('sms_attempts').selectAll().where('message_id', '=', id).executeTakeFirstOrThrow();

  it('records each attempt with our message id as the provider reference', async () => {
    const { messageId } = await shop();
    await run();
    assert.equal(bird.messages.length, 1);
    assert.equal(bird.messages[0]!.reference, messageId);
    const a = await attempt(messageId);
    assert.equal(a.status, 'accepted');
    assert.equal(a.provider_message_id, bird.messages[0]!.id);
    assert.equal(a.tries, 1);
    assert.equal((await message(messageId)).status, 'sent');
  });

  it('does not send again when the provider accepted it but the answer was lost: the retry finds our reference', async () => {
    const { messageId } = await shop();
    bird.acceptThenDrop = true;
    const first = await run();
    assert.equal(first[0]?.outcome, 'retry', 'the lost answer fails the attempt');
    assert.equal(bird.messages.length, 1, 'the provider has it');
    assert.equal((await attempt(messageId)).status, 'sending', 'we do not know the outcome');
    bird.acceptThenDrop = false;
    later();
    await run();
    assert.equal(bird.messages.length, 1, 'one SMS, not two');
    const lookups = bird.requests.filter((r) => r.method === 'GET');
    assert.equal(lookups.length, 1, 'the provider was asked first');
    assert.match(lookups[0]!.path, /recipient=31612345678/);
    const a = await attempt(messageId);
    assert.equal(a.status, 'accepted');
    assert.equal(a.provider_message_id, bird.messages[0]!.id);
    assert.equal((await message(messageId)).status, 'sent');
  });

  it('does not send again when the process died after the provider accepted it and before the record', async () => {
    const { messageId } = await shop();
    // what a dead process leaves: the attempt recorded and the provider called, the answer never written
    await t.db
      .insertInto('sms_attempts')
      .values({
        message_id: messageId,
        to_number: '+31612345678',
        status: 'sending',
        provider_message_id: null,
        tries: 1,
        reason: null,
        created_at: isoNow(t.clock),
        updated_at: isoNow(t.clock),
      })
      .execute();
    bird.messages.push({
      id: 'bird-1',
      originator: 'Toonbank',
      recipients: ['31612345678'],
      body: 'Your order TB-1001 is on its way',
      reference: messageId,
      createdDatetime: isoNow(t.clock),
    });
    await run();
    assert.equal(bird.messages.length, 1, 'nothing sent again');
    assert.equal((await attempt(messageId)).provider_message_id, 'bird-1');
    assert.equal((await message(messageId)).status, 'sent');
  });

  it('sends when the provider’s list shows it never got the SMS', async () => {
    const { messageId } = await shop();
    bird.failWith = 503;
    await run();
    assert.equal(bird.messages.length, 0);
    bird.failWith = null;
    later();
    await run();
    assert.equal(bird.messages.length, 1, 'sent once, after asking');
    assert.equal(bird.requests.filter((r) => r.method === 'GET').length, 1);
    assert.equal((await attempt(messageId)).tries, 2);
    assert.equal((await message(messageId)).status, 'sent');
  });

  it('marks it "outcome unknown" and does not resend when the provider cannot tell; staff see why', async () => {
    const { customerId, messageId } = await shop();
    bird.acceptThenDrop = true;
    await run();
    bird.acceptThenDrop = false;
    bird.failListWith = 500;
    later();
    await run();
    assert.equal(bird.messages.length, 1, 'not sent a second time');
    const m = await message(messageId);
    assert.equal(m.status, 'unknown');
    assert.equal(m.reason, 'sms-outcome-unknown');
    assert.match((await attempt(messageId)).reason ?? '', /could not list messages \(500\)/);
    later();
    await run();
    assert.equal(bird.messages.length, 1, 'and never later either');

    await createStaff(t.db, { email: 'owner@example.nl' });
    const staff = await signedIn(t.app, 'owner@example.nl');
    const en = await staff.get(`/admin/customers/${customerId}/messages?lang=en`);
    assert.equal(en.statusCode, 200, en.body);
    assert.match(en.body, /Not known whether it was sent/);
    assert.match(en.body, /We do not send it again, so you never get it twice/);
    assert.match(en.body, /could not list messages \(500\)/);
    const nl = await staff.get(`/admin/customers/${customerId}/messages?lang=nl`);
    assert.match(nl.body, /Onbekend of het verstuurd is/);
  });
});
