import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import {
  type PushServiceStandIn,
  startPushService,
  startPushServiceFor,
} from '../../../test/helpers/web-push-service.ts';
import { loadConfig } from '../../config.ts';
import { customersWithPush, hasPushSubscription, listPushDevices } from './push-devices.ts';
import { savePushSubscription } from './save-push-subscription.ts';
import { PushError, sendPush } from './send-push.ts';
import { testCustomer } from './test-customers.ts';
import { vapidDetails } from './vapid-details.ts';

describe('sendPush over the Web Push protocol', () => {
  let t: TestApp;
  let push: PushServiceStandIn;

  before(async () => {
    t = await startTestApp({ publicUrl: 'https://shop.example' });
    const vapid = vapidDetails(t.config);
    assert.ok(vapid);
    push = await startPushService(vapid.publicKey);
  });
  after(async () => {
    await push.close();
    await t.close();
  });
  beforeEach(() => {
    push.received.length = 0;
    push.refused.length = 0;
  });

  async function subscribed(count = 1) {
    const customer = await testCustomer(t.ctx);
    const browsers = [];
    for (let i = 0; i < count; i++) {
      const browser = push.subscribe();
      const saved = await savePushSubscription(t.ctx, customer.id, browser, `Browser ${i}`);
      assert.equal(saved.ok, true);
      browsers.push(browser);
    }
    return { customer, browsers };
  }

  const message = {
    id: 'msg-1',
    title: 'Your order is on its way',
    body: 'Parcel 3S123 left today.',
    url: '/order/TB-1',
  };

  it('delivers to every browser, VAPID-signed and encrypted so that only the browser can read it', async () => {
    const { customer, browsers } = await subscribed(2);
    const result = await sendPush(t.ctx, customer.id, message, { agent: push.agent });
    assert.deepEqual(result, { delivered: 2 });
    assert.deepEqual(push.refused, []);
    assert.deepEqual(push.received.map((r) => r.endpoint).sort(), browsers.map((b) => b.endpoint).sort());
    for (const r of push.received) {
      assert.deepEqual(JSON.parse(r.text), { ...message, url: 'https://shop.example/order/TB-1' });
      assert.equal(r.claims.aud, push.origin);
      assert.equal(r.claims.sub, t.config.vapidSubject);
      assert.equal(r.headers.ttl, String(2 * 24 * 3600));
      assert.equal(r.headers.urgency, 'normal');
      assert.match(String(r.headers.topic), /^[A-Za-z0-9_-]{32}$/);
    }
    const devices = await listPushDevices(t.ctx, customer.id);
    assert.ok(devices.every((d) => d.lastSentAt === '2026-11-30T12:00:00.000Z'));
  });

  it('gives a repeat of the same message the same Topic, so the push service replaces an undelivered copy', async () => {
    const { customer } = await subscribed();
    await sendPush(t.ctx, customer.id, message, { agent: push.agent });
    await sendPush(t.ctx, customer.id, message, { agent: push.agent });
    await sendPush(t.ctx, customer.id, { ...message, id: 'msg-2' }, { agent: push.agent });
    const [a, b, c] = push.received.map((r) => r.headers.topic);
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  it('keeps the link on the shop: an address elsewhere opens the shop instead', async () => {
    const { customer } = await subscribed();
    await sendPush(t.ctx, customer.id, { ...message, url: 'https://evil.example/x' }, { agent: push.agent });
    assert.equal(JSON.parse(push.received[0]?.text ?? '{}').url, 'https://shop.example/');
  });

  it('shortens a long body so the encrypted message stays within the 4 KB a push service accepts', async () => {
    const { customer } = await subscribed();
    const result = await sendPush(
      t.ctx,
      customer.id,
      { ...message, body: 'ü'.repeat(5000) },
      { agent: push.agent },
    );
    assert.equal(result.delivered, 1);
    const body = JSON.parse(push.received[0]?.text ?? '{}').body as string;
    assert.ok(body.length > 100 && body.length <= 1000);
  });

  it('deletes a subscription the push service says is gone (410 and 404) and still delivers to the others', async () => {
    const { customer, browsers } = await subscribed(3);
    push.answer(browsers[0]?.endpoint ?? '', 410);
    push.answer(browsers[1]?.endpoint ?? '', 404);
    const result = await sendPush(t.ctx, customer.id, message, { agent: push.agent });
    assert.deepEqual(result, { delivered: 1 });
    const left = await t.db
      .selectFrom('push_subscriptions')
      .select('endpoint')
      .where('customer_id', '=', customer.id)
      .execute();
    assert.deepEqual(
      left.map((l) => l.endpoint),
      [browsers[2]?.endpoint],
    );
  });

  it('answers 0 delivered, without an error, when the last subscription turns out to be gone', async () => {
    const { customer, browsers } = await subscribed();
    push.answer(browsers[0]?.endpoint ?? '', 410);
    assert.deepEqual(await sendPush(t.ctx, customer.id, message, { agent: push.agent }), { delivered: 0 });
    assert.equal(await hasPushSubscription(t.ctx, customer.id), false);
  });

  it('rejects with a retryable error when the push service is down, and keeps the subscription', async () => {
    const { customer, browsers } = await subscribed();
    push.answer(browsers[0]?.endpoint ?? '', 503);
    await assert.rejects(sendPush(t.ctx, customer.id, message, { agent: push.agent }), (err: unknown) => {
      assert.ok(err instanceof PushError);
      assert.equal(err.retryable, true);
      assert.match(err.message, /503/);
      return true;
    });
    assert.equal(await hasPushSubscription(t.ctx, customer.id), true);
  });

  it('rejects as not retryable when the push service refuses the request itself (403: wrong VAPID key)', async () => {
    const { customer, browsers } = await subscribed();
    push.answer(browsers[0]?.endpoint ?? '', 403);
    await assert.rejects(
      sendPush(t.ctx, customer.id, message, { agent: push.agent }),
      (err: unknown) => err instanceof PushError && !err.retryable,
    );
  });

  it('answers 0 delivered when the customer has no subscribed browser, without contacting anyone', async () => {
    const customer = await testCustomer(t.ctx);
    assert.deepEqual(await sendPush(t.ctx, customer.id, message, { agent: push.agent }), { delivered: 0 });
    assert.equal(push.received.length + push.refused.length, 0);
  });

  it('tells the gateway who can be reached by push, one at a time and in bulk', async () => {
    const { customer: withPush } = await subscribed();
    const without = await testCustomer(t.ctx);
    assert.equal(await hasPushSubscription(t.ctx, withPush.id), true);
    assert.equal(await hasPushSubscription(t.ctx, without.id), false);
    const many = [without.id, withPush.id, ...Array.from({ length: 2500 }, (_, i) => `nobody-${i}`)];
    assert.deepEqual([...(await customersWithPush(t.ctx, many))], [withPush.id]);
  });
});

describe('VAPID keys', () => {
  it('are generated once for the embedded install and kept in DATA_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vapid-'));
    const first = vapidDetails(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    const again = vapidDetails(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    assert.ok(first);
    assert.deepEqual(again, first);
    assert.equal(JSON.parse(readFileSync(join(dir, 'vapid.json'), 'utf8')).publicKey, first.publicKey);
    assert.equal(first.subject, 'mailto:shop@localhost');
  });

  it('come from the environment when given, and push is off in production without them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vapid-'));
    const keys = {
      VAPID_PUBLIC_KEY:
        'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
      VAPID_PRIVATE_KEY: 'I1ApZ-lhHjnjDfpLMvgsS4FLSgYc0nbNGlw9rg-C9yM',
    };
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
    };
    const fromEnv = vapidDetails(
      loadConfig({ ...production, ...keys, VAPID_SUBJECT: 'mailto:ops@shop.example' }),
    );
    assert.deepEqual(fromEnv, {
      subject: 'mailto:ops@shop.example',
      publicKey: keys.VAPID_PUBLIC_KEY,
      privateKey: keys.VAPID_PRIVATE_KEY,
    });
    assert.equal(vapidDetails(loadConfig(production)), null);
  });

  it('refuses half a key pair or a malformed key at start, with a message saying what to fix', () => {
    assert.throws(
      () => loadConfig({ VAPID_PUBLIC_KEY: 'abc', DATA_DIR: tmpdir() }),
      /both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY/,
    );
    assert.throws(
      () => loadConfig({ VAPID_PUBLIC_KEY: 'abc', VAPID_PRIVATE_KEY: 'def', DATA_DIR: tmpdir() }),
      /VAPID_PUBLIC_KEY must be an uncompressed P-256 public key/,
    );
    assert.throws(
      () => loadConfig({ VAPID_SUBJECT: 'shop@example.com', DATA_DIR: tmpdir() }),
      /VAPID_SUBJECT must be/,
    );
  });
});

describe('sendPush without an agent of its own', () => {
  it('reaches a push service the process trusts, as the gateway calls it', async () => {
    const t = await startTestApp();
    const push = await startPushServiceFor(t.config);
    try {
      push.trustEverywhere();
      const customer = await testCustomer(t.ctx);
      await savePushSubscription(t.ctx, customer.id, push.subscribe(), 'Firefox');
      const message = { id: 'g-1', title: 'Hello', body: 'From the gateway', url: '/' };
      assert.deepEqual(await sendPush(t.ctx, customer.id, message), { delivered: 1 });
      assert.equal(JSON.parse(push.received[0]?.text ?? '{}').body, 'From the gateway');
    } finally {
      await push.close();
      await t.close();
    }
  });
});
