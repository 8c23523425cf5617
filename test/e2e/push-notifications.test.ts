import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CUSTOMER_COOKIE } from '../../src/customers/sessions.ts';
import { listPushDevices } from '../../src/messaging/channels/push-devices.ts';
import { sendPush } from '../../src/messaging/channels/send-push.ts';
import { testCustomer } from '../../src/messaging/channels/test-customers.ts';
import { vapidDetails } from '../../src/messaging/channels/vapid-details.ts';
import { cookieSpec } from '../../src/web/cookies.ts';
import { type BrowserShop, expectNoAxeViolations, startBrowserShop } from '../helpers/browser.ts';
import { type PushServiceStandIn, startPushServiceFor } from '../helpers/web-push-service.ts';

/**
 * Subscribing a browser to web push, in Chromium. Headless Chromium has no push service to talk to (it would be
 * Google's), so only `PushManager.subscribe` is replaced: it hands back a subscription whose endpoint and keys
 * belong to the local push service stand-in. Everything else is real: the page, the island, the permission
 * prompt (granted by the test), the service worker registered from /sw.js, the post with the CSRF token, and
 * the push the shop then sends, which the stand-in verifies and decrypts with the keys the "browser" gave; the
 * decrypted payload is then handed to the service worker (over DevTools, as a push service would hand it to the
 * browser), which shows it as a notification. Then the service worker renews the subscription as on
 * pushsubscriptionchange.
 */
describe('web push in a browser', () => {
  let shop: BrowserShop;
  let push: PushServiceStandIn;

  before(async () => {
    shop = await startBrowserShop();
    push = await startPushServiceFor(shop.shop.config);
  });
  after(async () => {
    await push.close();
    await shop.close();
  });

  it('subscribes this browser, lists it, receives a push, and turns it off again', async () => {
    const customer = await testCustomer(shop.shop.ctx);
    const subscription = push.subscribe();
    const page = await shop.open('/', { browserLocale: 'en-GB' });
    const context = page.context();
    await context.addCookies([
      {
        name: cookieSpec(shop.shop.config, CUSTOMER_COOKIE).name,
        value: customer.session,
        url: shop.baseUrl,
      },
    ]);
    await context.grantPermissions(['notifications'], { origin: shop.baseUrl });
    // a string, not a function: the test runner's transpiler would add helpers the page does not have
    await context.addInitScript(`
      let current = null;
      PushManager.prototype.getSubscription = async () => current;
      PushManager.prototype.subscribe = async (options) => {
        const key = new Uint8Array(options.applicationServerKey);
        sessionStorage.setItem('pushKeyAsked', btoa(String.fromCharCode(...key)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, ''));
        const json = ${JSON.stringify(subscription)};
        current = { endpoint: json.endpoint, options: { applicationServerKey: key.buffer }, toJSON: () => json };
        return current;
      };
    `);

    await page.goto('/account/notifications');
    await page.getByRole('heading', { level: 1, name: 'Notifications and text messages' }).waitFor();
    assert.equal(await page.getByText('No devices yet.').count(), 1);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Turn on notifications in this browser' }).click();
    await page.waitForURL('**/account/notifications?done=subscribed');
    await page.getByRole('status').filter({ hasText: 'Notifications are on in this browser.' }).waitFor();
    // the island subscribed with the shop's own VAPID key
    assert.equal(
      await page.evaluate("sessionStorage.getItem('pushKeyAsked')"),
      vapidDetails(shop.shop.config)?.publicKey,
    );
    const worker = await page.evaluate(
      "navigator.serviceWorker.getRegistration('/').then((r) => r?.active?.scriptURL)",
    );
    assert.equal(worker, `${shop.baseUrl}/sw.js`);
    const devices = await listPushDevices(shop.shop.ctx, customer.id);
    assert.equal(devices.length, 1);
    assert.match(devices[0]?.userAgent ?? '', /Chrome\//);
    await expectNoAxeViolations(page);

    const sent = await sendPush(
      shop.shop.ctx,
      customer.id,
      { id: 'e2e-1', title: 'Your bags are on their way', body: 'Expected tomorrow.', url: '/account' },
      { agent: push.agent },
    );
    assert.equal(sent.delivered, 1);
    assert.deepEqual(JSON.parse(push.received.at(-1)?.text ?? '{}'), {
      id: 'e2e-1',
      title: 'Your bags are on their way',
      body: 'Expected tomorrow.',
      url: `${shop.baseUrl}/account`,
    });

    // the service worker shows what the push service would hand the browser (delivered over DevTools)
    const cdp = await context.newCDPSession(page);
    const registrationId = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => {
        const found = event.registrations.find((r) => r.scopeURL === `${shop.baseUrl}/` && !r.isDeleted);
        if (found) resolve(found.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: shop.baseUrl,
      registrationId: await registrationId,
      data: push.received.at(-1)?.text ?? '',
    });
    // the push event is handled in the worker after deliverPushMessage returns: look until it has shown something
    // (page.waitForFunction would not do: it takes the promise this expression gives for a truthy answer)
    const notifications =
      'navigator.serviceWorker.ready.then((r) => r.getNotifications()).then((n) => n.map((x) => ({ title: x.title, body: x.body, tag: x.tag, url: x.data.url })))';
    let shown: unknown[] = [];
    for (const deadline = Date.now() + 10_000; shown.length === 0 && Date.now() < deadline; ) {
      shown = (await page.evaluate(notifications)) as unknown[];
      if (shown.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(shown, [
      {
        title: 'Your bags are on their way',
        body: 'Expected tomorrow.',
        tag: 'e2e-1',
        url: `${shop.baseUrl}/account`,
      },
    ]);

    // the island kept the renewal token for the service worker, beside the endpoint and the shop's key
    const kept =
      "caches.open('toonbank-push').then((c) => c.match('/push-renewal.json')).then((r) => r && r.json())";
    const stored = (await page.evaluate(kept)) as { endpoint: string; renewal: string; key: string };
    assert.equal(stored.endpoint, subscription.endpoint);
    assert.match(stored.renewal, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(stored.key, vapidDetails(shop.shop.config)?.publicKey);
    // the browser changes its subscription: the worker's pushsubscriptionchange handler (its `renew`, called here
    // with the new subscription, as the event would) posts it with that token, and the shop replaces the old one
    const [serviceWorker] = context.serviceWorkers();
    assert.ok(serviceWorker);
    const next = push.subscribe();
    await serviceWorker.evaluate(`renew({ toJSON: () => (${JSON.stringify(next)}) })`);
    const renewed = await listPushDevices(shop.shop.ctx, customer.id);
    assert.deepEqual(
      renewed.map((d) => d.id),
      devices.map((d) => d.id),
    );
    const row = await shop.shop.ctx.db
      .selectFrom('push_subscriptions')
      .select('endpoint')
      .where('customer_id', '=', customer.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.endpoint, next.endpoint);
    const storedAgain = (await page.evaluate(kept)) as { endpoint: string; renewal: string };
    assert.equal(storedAgain.endpoint, next.endpoint);
    assert.notEqual(storedAgain.renewal, stored.renewal);
    const again = await sendPush(
      shop.shop.ctx,
      customer.id,
      { id: 'e2e-2', title: 'Still here', body: '', url: '/' },
      { agent: push.agent },
    );
    assert.equal(again.delivered, 1);
    assert.equal(push.received.at(-1)?.endpoint, next.endpoint);

    await page.getByRole('button', { name: /^Turn off notifications for Chrome/ }).click();
    await page.waitForURL('**/account/notifications?done=removed');
    await page.getByText('That device will get no more notifications.').waitFor();
    assert.deepEqual(await listPushDevices(shop.shop.ctx, customer.id), []);
  });
});
