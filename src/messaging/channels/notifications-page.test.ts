import assert from 'node:assert/strict';
import { createECDH, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Browser } from '../../../test/helpers/forms.ts';
import { signedInTestCustomer } from '../../../test/helpers/signed-in-customer.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { type PushServiceStandIn, startPushServiceFor } from '../../../test/helpers/web-push-service.ts';
import { customersWithPush, hasPushSubscription, listPushDevices } from './push-devices.ts';
import { savePushSubscription } from './save-push-subscription.ts';
import { sendPush } from './send-push.ts';
import { testCustomer } from './test-customers.ts';
import { vapidDetails } from './vapid-details.ts';

const CHROME_ANDROID =
  'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';

describe('/account/notifications', () => {
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

  async function signedInCustomer(lang: 'en' | 'nl' = 'en') {
    const { customer, browser } = await signedInTestCustomer(t);
    const page = await browser.get(`/account/notifications?lang=${lang}`);
    assert.equal(page.statusCode, 200);
    const csrf = /data-csrf="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const subscribe = (body: unknown, headers: Record<string, string> = {}) =>
      browser.request({
        method: 'POST',
        url: '/account/notifications/devices',
        payload: JSON.stringify(body),
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-csrf-token': csrf,
          'user-agent': CHROME_ANDROID,
          ...headers,
        },
      });
    return { customer, browser, page, subscribe };
  }

  it('sends a visitor who is not signed in to the sign-in page, and back afterwards', async () => {
    const res = await new Browser(t.app).get('/account/notifications');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account/sign-in?next=%2Faccount%2Fnotifications');
  });

  it('offers this browser a subscription with the shop’s VAPID key, in both languages', async () => {
    const { page } = await signedInCustomer('en');
    assert.match(page.body, /<h1>Notifications and text messages<\/h1>/);
    assert.ok(page.body.includes(`data-key="${vapidDetails(t.config)?.publicKey}"`));
    assert.match(page.body, /<script type="module" src="\/assets\/push-subscribe\.js\?v=[0-9a-f]+"/);
    assert.match(page.body, /No devices yet\./);
    assert.equal(page.headers['cache-control'], 'no-store');
    const dutch = await signedInCustomer('nl');
    assert.match(dutch.page.body, /<h1>Meldingen en sms<\/h1>/);
    assert.match(dutch.page.body, /Meldingen aanzetten in deze browser/);
  });

  it('keeps the browser’s subscription, shows the device, and push then reaches it', async () => {
    const { customer, browser, subscribe } = await signedInCustomer();
    const subscription = push.subscribe();
    const res = await subscribe({ ...subscription, expirationTime: null });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().redirect, '/account/notifications?done=subscribed');
    const page = await browser.get('/account/notifications?done=subscribed');
    assert.match(page.body, /Notifications are on in this browser\./);
    assert.match(page.body, /<strong>Chrome · Android<\/strong>/);
    assert.match(page.body, /no notification yet/);
    const sent = await sendPush(
      t.ctx,
      customer.id,
      { id: 'm1', title: 'Hi', body: 'There', url: '/' },
      { agent: push.agent },
    );
    assert.equal(sent.delivered, 1);
    assert.equal(JSON.parse(push.received.at(-1)?.text ?? '{}').title, 'Hi');
  });

  it('refuses a subscription that is not a push service’s, saying why in the visitor’s language', async () => {
    const { customer, subscribe } = await signedInCustomer('nl');
    const good = push.subscribe();
    const http = await subscribe({ ...good, endpoint: good.endpoint.replace('https:', 'http:') });
    assert.equal(http.statusCode, 400);
    assert.equal(http.json().error.reason, 'dit is geen adres van een pushdienst');
    const keys = await subscribe({ ...good, keys: { p256dh: 'abc', auth: good.keys.auth } });
    assert.equal(keys.statusCode, 400);
    assert.equal(keys.json().error.reason, 'de sleutels van dit abonnement kloppen niet');
    const nothing = await subscribe('just text');
    assert.equal(nothing.statusCode, 400);
    assert.deepEqual(await listPushDevices(t.ctx, customer.id), []);
  });

  it('refuses a subscription without the page’s CSRF token, or without a signed-in customer', async () => {
    const { subscribe } = await signedInCustomer();
    const forged = await subscribe(push.subscribe(), { 'x-csrf-token': 'forged' });
    assert.equal(forged.statusCode, 403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/account/notifications/devices',
      payload: push.subscribe(),
      headers: { accept: 'application/json' },
    });
    assert.ok([401, 403].includes(anonymous.statusCode));
  });

  it('turns a device off with a plain form, and never someone else’s', async () => {
    const me = await signedInCustomer();
    const other = await signedInCustomer();
    assert.equal((await me.subscribe(push.subscribe())).statusCode, 201);
    assert.equal((await other.subscribe(push.subscribe())).statusCode, 201);
    const [mine] = await listPushDevices(t.ctx, me.customer.id);
    const [theirs] = await listPushDevices(t.ctx, other.customer.id);
    await me.browser.get('/account/notifications');
    const refused = await me.browser.post(`/account/notifications/devices/${theirs?.id}/remove`, {});
    assert.equal(refused.statusCode, 404);
    assert.equal((await listPushDevices(t.ctx, other.customer.id)).length, 1);
    const removed = await me.browser.post(`/account/notifications/devices/${mine?.id}/remove`, {});
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, '/account/notifications?done=removed');
    assert.deepEqual(await listPushDevices(t.ctx, me.customer.id), []);
    assert.match(
      (await me.browser.get('/account/notifications?done=removed')).body,
      /will get no more notifications/,
    );
  });

  it('moves a browser to the account that subscribed it last (one subscription per browser)', async () => {
    const first = await signedInCustomer();
    const second = await signedInCustomer();
    const browser = push.subscribe();
    await first.subscribe(browser);
    await second.subscribe(browser);
    assert.equal((await listPushDevices(t.ctx, first.customer.id)).length, 0);
    assert.equal((await listPushDevices(t.ctx, second.customer.id)).length, 1);
  });

  it('keeps at most 20 devices per customer, forgetting the oldest', async () => {
    const { customer, subscribe } = await signedInCustomer();
    const endpoints: string[] = [];
    for (let i = 0; i < 21; i++) {
      const s = push.subscribe();
      endpoints.push(s.endpoint);
      t.clock.advance({ seconds: 1 });
      assert.equal((await subscribe(s)).statusCode, 201);
    }
    const kept = await t.db
      .selectFrom('push_subscriptions')
      .select('endpoint')
      .where('customer_id', '=', customer.id)
      .execute();
    assert.equal(kept.length, 20);
    assert.ok(!kept.some((k) => k.endpoint === endpoints[0]));
  });

  it('serves the service worker at the root, as JavaScript, with a scope covering the site', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sw.js' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(res.headers['service-worker-allowed'], '/');
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.match(res.body, /addEventListener\('push'/);
  });
});

describe('/account/notifications in production without VAPID keys', () => {
  it('says the shop offers no push and accepts no subscription', async () => {
    const t = await startTestApp({ production: true, vapidKeys: null });
    try {
      const { browser } = await signedInTestCustomer(t);
      const page = await browser.get('/account/notifications?lang=en');
      assert.match(page.body, /This shop does not offer push notifications \(yet\)\./);
      assert.doesNotMatch(page.body, /push-subscribe\.js/);
      assert.match(page.body, /This shop does not send text messages\./);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
      assert.equal(csrf, undefined); // no device, no form
    } finally {
      await t.close();
    }
  });

  it('accepts only named push service hosts, and tells the gateway nobody can be reached by push', async () => {
    const t = await startTestApp({ production: true, vapidKeys: null });
    try {
      const customer = await testCustomer(t.ctx);
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const saved = await savePushSubscription(
        t.ctx,
        customer.id,
        {
          endpoint: 'https://push.example.net/wpush/v2/abc',
          keys: {
            p256dh: ecdh.getPublicKey().toString('base64url'),
            auth: randomBytes(16).toString('base64url'),
          },
        },
        'Firefox',
      );
      assert.equal(saved.ok, true);
      const keys = {
        p256dh: ecdh.getPublicKey().toString('base64url'),
        auth: randomBytes(16).toString('base64url'),
      };
      for (const endpoint of [
        'https://127.0.0.1:8443/x',
        'https://[::1]/x',
        'https://localhost/x',
        'https://intranet/x',
      ])
        assert.deepEqual(await savePushSubscription(t.ctx, customer.id, { endpoint, keys }, 'Firefox'), {
          ok: false,
          reason: 'invalid-endpoint',
        });
      assert.equal(await hasPushSubscription(t.ctx, customer.id), false);
      assert.equal((await customersWithPush(t.ctx, [customer.id])).size, 0);
      const message = { id: 'm', title: 'x', body: 'y', url: '/' };
      assert.deepEqual(await sendPush(t.ctx, customer.id, message), { delivered: 0 });
    } finally {
      await t.close();
    }
  });
});

describe('/account/notifications: the mobile number for SMS', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({
      sms: { provider: 'messagebird', apiKey: 'k', apiUrl: 'http://127.0.0.1:1/', sender: 'Toonbank' },
    });
  });
  after(() => t.close());

  async function signedIn() {
    const { customer, browser } = await signedInTestCustomer(t);
    return { customer, browser };
  }
  const phoneOf = async (id: string) =>
    (await t.db.selectFrom('customers').select('phone').where('id', '=', id).executeTakeFirstOrThrow()).phone;

  it('keeps the number in E.164, shows it, and removes it when the field is emptied', async () => {
    const { customer, browser } = await signedIn();
    await browser.get('/account/notifications?lang=en');
    const saved = await browser.post('/account/notifications/phone', { phone: '06 1234 5678' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/account/notifications?done=phone-saved');
    assert.equal(await phoneOf(customer.id), '+31612345678');
    const page = await browser.get('/account/notifications?done=phone-saved');
    assert.match(page.body, /Your number has been saved\./);
    assert.match(page.body, /value="\+31612345678"/);
    const removed = await browser.post('/account/notifications/phone', { phone: ' ' });
    assert.equal(removed.headers.location, '/account/notifications?done=phone-removed');
    assert.equal(await phoneOf(customer.id), null);
  });

  it('refuses what is not a number, says why in the visitor’s language, and keeps what was typed', async () => {
    const { customer, browser } = await signedIn();
    await browser.get('/account/notifications?lang=nl');
    const letters = await browser.post('/account/notifications/phone', { phone: '06-BEL-MIJ' });
    assert.equal(letters.statusCode, 422);
    assert.match(letters.body, /Dit is geen telefoonnummer\./);
    assert.match(letters.body, /value="06-BEL-MIJ"/);
    assert.match(letters.body, /aria-invalid="true"/);
    const short = await browser.post('/account/notifications/phone', { phone: '06 123' });
    assert.match(short.body, /te veel of te weinig cijfers/);
    assert.equal(await phoneOf(customer.id), null);
  });

  it('refuses the form without its CSRF token', async () => {
    const { customer, browser } = await signedIn();
    const res = await browser.post('/account/notifications/phone', { phone: '0612345678', _csrf: null });
    assert.equal(res.statusCode, 403);
    assert.equal(await phoneOf(customer.id), null);
  });
});
