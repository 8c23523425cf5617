// The shop's service worker, served at /sw.js so that its scope is the whole site. It shows the push notifications
// the shop sends (see src/messaging/channels/send-push.ts for the payload), opens the shop's page when one is
// tapped, and replaces the subscription when the browser changes it (pushsubscriptionchange). No caching of pages,
// no fetch handler: pages always come from the server. Cache Storage holds one small entry only: the endpoint the
// shop knows, its renewal token and the shop's VAPID key, written by /assets/push-subscribe.js.
const RENEWAL_CACHE = 'toonbank-push';
const RENEWAL_ENTRY = '/push-renewal.json';

self.addEventListener('push', (event) => {
  let message = null;
  try {
    message = event.data ? event.data.json() : null;
  } catch {
    message = null;
  }
  if (!message || typeof message.title !== 'string') return;
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: typeof message.body === 'string' ? message.body : '',
      // the same message id replaces an earlier copy instead of showing twice
      tag: typeof message.id === 'string' ? message.id : undefined,
      icon: '/assets/favicon.svg',
      data: { url: typeof message.url === 'string' ? message.url : '/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url ?? '/', self.location.origin);
  // only the shop's own pages: a notification never sends anyone elsewhere
  const url = target.origin === self.location.origin ? target.href : self.location.origin;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === url);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});

// The browser replaced (or dropped) this site's subscription, e.g. because the push service rotated it. Subscribe
// again with the shop's key and tell the shop, proving with the renewal token that this is the same browser: the
// customer keeps getting notifications without visiting the page again. No token (subscribed before tokens
// existed, or storage cleared): nothing to do; the customer turns notifications on again on the page.
self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(renew(event.newSubscription ?? null));
});

const toBytes = (base64url) => {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

async function renew(newSubscription) {
  const cache = await caches.open(RENEWAL_CACHE);
  const stored = await cache
    .match(RENEWAL_ENTRY)
    .then((res) => (res ? res.json() : null))
    .catch(() => null);
  if (!stored || typeof stored.renewal !== 'string' || typeof stored.endpoint !== 'string') return;
  if (!newSubscription && typeof stored.key !== 'string') return;
  const subscription =
    newSubscription ??
    (await self.registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: toBytes(stored.key),
    }));
  const { endpoint, keys } = subscription.toJSON();
  const res = await fetch('/api/v1/push-subscriptions/renew', {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      oldEndpoint: stored.endpoint,
      renewal: stored.renewal,
      subscription: { endpoint, keys },
    }),
  });
  if (!res.ok) return;
  const { renewal } = await res.json();
  await cache.put(
    RENEWAL_ENTRY,
    new Response(JSON.stringify({ endpoint, renewal, key: stored.key }), {
      headers: { 'content-type': 'application/json' },
    }),
  );
}
