import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { signedInTestCustomer } from '../../../test/helpers/signed-in-customer.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { type PushServiceStandIn, startPushServiceFor } from '../../../test/helpers/web-push-service.ts';
import { PUBLIC_DIR } from '../../web/assets.ts';
import { listPushDevices } from './push-devices.ts';
import { sendPush } from './send-push.ts';
import { testCustomer } from './test-customers.ts';

const RENEW = '/api/v1/push-subscriptions/renew';

describe('replacing a push subscription the browser changed (pushsubscriptionchange)', () => {
  let t: TestApp;
  let push: PushServiceStandIn;

  before(async () => {
    t = await startTestApp();
    push = await startPushServiceFor(t.config);
  });
  after(async () => {
    await push.close();
    await t.close();
  });

  /** A signed-in customer subscribes a browser on the page; returns what the page's script gets back. */
  async function subscribed() {
    const { customer, browser } = await signedInTestCustomer(t);
    const page = await browser.get('/account/notifications?lang=en');
    const csrf = /data-csrf="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const subscription = push.subscribe();
    const res = await browser.request({
      method: 'POST',
      url: '/account/notifications/devices',
      payload: JSON.stringify(subscription),
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
    });
    assert.equal(res.statusCode, 201, res.body);
    const { renewal } = res.json() as { renewal: string };
    assert.match(renewal, /^[A-Za-z0-9_-]{43}$/);
    return { customer, subscription, renewal };
  }

  // each test is another client: the route allows 10 renewals a minute per client
  let ip = '';
  let n = 0;
  beforeEach(() => {
    ip = `10.9.8.${++n}`;
  });

  /** What the service worker sends: no cookie, same-origin JSON. */
  const renew = (body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: RENEW,
      remoteAddress: ip,
      payload: JSON.stringify(body),
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'sec-fetch-site': 'same-origin',
        ...headers,
      },
    });

  it('replaces the old subscription with the new one for the same customer, without a session, and push reaches it', async () => {
    const { customer, subscription, renewal } = await subscribed();
    const [before] = await listPushDevices(t.ctx, customer.id);
    const next = push.subscribe();
    const res = await renew({ oldEndpoint: subscription.endpoint, renewal, subscription: next });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    const fresh = (res.json() as { renewal: string }).renewal;
    assert.notEqual(fresh, renewal);

    const rows = await t.db
      .selectFrom('push_subscriptions')
      .select(['id', 'customer_id', 'endpoint', 'p256dh', 'auth'])
      .where('customer_id', '=', customer.id)
      .execute();
    assert.deepEqual(rows, [
      {
        id: before!.id,
        customer_id: customer.id,
        endpoint: next.endpoint,
        p256dh: next.keys.p256dh,
        auth: next.keys.auth,
      },
    ]);
    const sent = await sendPush(
      t.ctx,
      customer.id,
      { id: 'renewed', title: 'Still here', body: '', url: '/' },
      { agent: push.agent },
    );
    assert.equal(sent.delivered, 1);
    assert.equal(push.received.at(-1)?.endpoint, next.endpoint);

    // the old token is spent: it was for the old endpoint; the new one renews again
    const replay = await renew({ oldEndpoint: next.endpoint, renewal, subscription: push.subscribe() });
    assert.equal(replay.statusCode, 403);
    const third = push.subscribe();
    const again = await renew({ oldEndpoint: next.endpoint, renewal: fresh, subscription: third });
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual(
      (await listPushDevices(t.ctx, customer.id)).map((d) => d.id),
      [before!.id],
    );
  });

  it('refuses a wrong token, another subscription’s token and an unknown endpoint with the same answer, changing nothing', async () => {
    const ann = await subscribed();
    const bob = await subscribed();
    const next = push.subscribe();
    const answers = [
      await renew({ oldEndpoint: ann.subscription.endpoint, renewal: 'A'.repeat(43), subscription: next }),
      await renew({ oldEndpoint: ann.subscription.endpoint, renewal: bob.renewal, subscription: next }),
      await renew({ oldEndpoint: 'https://push.example/unknown', renewal: ann.renewal, subscription: next }),
    ];
    for (const res of answers) {
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.id, 'forbidden');
    }
    assert.deepEqual(answers[0]!.json(), answers[2]!.json());
    const endpoints = await t.db.selectFrom('push_subscriptions').select('endpoint').execute();
    assert.ok(!endpoints.some((e) => e.endpoint === next.endpoint));
    assert.ok(endpoints.some((e) => e.endpoint === ann.subscription.endpoint));
  });

  it('stops a token when the device is turned off or moves to another account', async () => {
    const ann = await subscribed();
    await t.db.deleteFrom('push_subscriptions').where('endpoint', '=', ann.subscription.endpoint).execute();
    const gone = await renew({
      oldEndpoint: ann.subscription.endpoint,
      renewal: ann.renewal,
      subscription: push.subscribe(),
    });
    assert.equal(gone.statusCode, 403);

    const bea = await subscribed();
    const other = await testCustomer(t.ctx);
    await t.db
      .updateTable('push_subscriptions')
      .set({ customer_id: other.id })
      .where('endpoint', '=', bea.subscription.endpoint)
      .execute();
    const moved = await renew({
      oldEndpoint: bea.subscription.endpoint,
      renewal: bea.renewal,
      subscription: push.subscribe(),
    });
    assert.equal(moved.statusCode, 403);
  });

  it('refuses a new subscription that is not a push service’s, and keeps the old one', async () => {
    const { customer, subscription, renewal } = await subscribed();
    const next = push.subscribe();
    const http = await renew(
      {
        oldEndpoint: subscription.endpoint,
        renewal,
        subscription: { ...next, endpoint: next.endpoint.replace('https:', 'http:') },
      },
      { 'accept-language': 'nl' },
    );
    assert.equal(http.statusCode, 400);
    assert.equal(http.json().error.reason, 'dit is geen adres van een pushdienst');
    const keys = await renew({
      oldEndpoint: subscription.endpoint,
      renewal,
      subscription: { ...next, keys: { p256dh: 'abc', auth: next.keys.auth } },
    });
    assert.equal(keys.statusCode, 400);
    const missing = await renew({ oldEndpoint: subscription.endpoint, renewal });
    assert.equal(missing.statusCode, 400);
    const [device] = await t.db
      .selectFrom('push_subscriptions')
      .select('endpoint')
      .where('customer_id', '=', customer.id)
      .execute();
    assert.equal(device?.endpoint, subscription.endpoint);
  });

  it('takes over a row that already had the new endpoint: one subscription per browser', async () => {
    const ann = await subscribed();
    const bob = await subscribed();
    const res = await renew({
      oldEndpoint: ann.subscription.endpoint,
      renewal: ann.renewal,
      subscription: bob.subscription,
    });
    assert.equal(res.statusCode, 200, res.body);
    const rows = await t.db
      .selectFrom('push_subscriptions')
      .select(['customer_id'])
      .where('endpoint', '=', bob.subscription.endpoint)
      .execute();
    assert.deepEqual(rows, [{ customer_id: ann.customer.id }]);
  });

  it('allows a client ten renewals a minute', async () => {
    const { subscription } = await subscribed();
    for (let i = 0; i < 10; i++) {
      const res = await renew({ oldEndpoint: subscription.endpoint, renewal: 'B'.repeat(43), subscription });
      assert.equal(res.statusCode, 403);
    }
    const res = await renew({ oldEndpoint: subscription.endpoint, renewal: 'B'.repeat(43), subscription });
    assert.equal(res.statusCode, 429);
  });

  it('refuses a cross-site request', async () => {
    const { subscription, renewal } = await subscribed();
    const res = await renew(
      { oldEndpoint: subscription.endpoint, renewal, subscription: push.subscribe() },
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    );
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.id, 'csrf-failed');
  });

  it('is in the service worker and in the OpenAPI document', async () => {
    const worker = readFileSync(resolve(PUBLIC_DIR, 'sw.js'), 'utf8');
    assert.match(worker, /addEventListener\('pushsubscriptionchange'/);
    assert.ok(worker.includes(RENEW));
    const served = await t.app.inject({ url: '/sw.js' });
    assert.equal(served.body, worker);
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    assert.ok(doc.paths[RENEW], 'documented');
  });
});
