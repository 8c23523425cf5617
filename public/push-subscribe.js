// Web push on /account/notifications: a progressive enhancement. Without this file (or in a browser without
// service workers and the Push API) the page only lists and removes devices. With it, a button subscribes this
// browser: register /sw.js, ask for permission, subscribe at the browser's own push service with the shop's
// VAPID key, and post the subscription (endpoint and keys) to the shop with the page's CSRF token. The shop answers
// with a renewal token, kept in Cache Storage (shared with the service worker, /sw.js) beside the endpoint, so the
// service worker can replace the subscription when the browser changes it (pushsubscriptionchange).
const root = document.querySelector('[data-push-subscribe]');
const supported =
  window.isSecureContext &&
  'serviceWorker' in navigator &&
  'PushManager' in window &&
  'Notification' in window;

const toBytes = (base64url) => {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

// the same names as in /sw.js
const RENEWAL_CACHE = 'toonbank-push';
const RENEWAL_ENTRY = '/push-renewal.json';

const sameBytes = (buffer, bytes) => {
  if (!buffer) return true; // a browser that does not say: keep its subscription
  const a = new Uint8Array(buffer);
  return a.length === bytes.length && a.every((b, i) => b === bytes[i]);
};

if (root && supported) {
  const button = root.querySelector('button');
  const status = root.querySelector('[data-push-status]');
  root.querySelector('[data-push-needs-js]').hidden = true;
  button.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = root.dataset.working;
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        status.textContent = root.dataset.denied;
        return;
      }
      const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
      await navigator.serviceWorker.ready;
      const key = toBytes(root.dataset.key);
      let subscription = await registration.pushManager.getSubscription();
      if (subscription && !sameBytes(subscription.options?.applicationServerKey, key)) {
        // made with another key (the shop's keys changed): the push service would refuse our messages
        await subscription.unsubscribe();
        subscription = null;
      }
      subscription ??= await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: key,
      });
      const { endpoint, keys } = subscription.toJSON();
      const res = await fetch(root.dataset.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-csrf-token': root.dataset.csrf,
        },
        body: JSON.stringify({ endpoint, keys }),
      });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(data?.error?.message ?? `HTTP ${res.status}`);
      if (typeof data.renewal === 'string' && 'caches' in window) {
        const cache = await caches.open(RENEWAL_CACHE);
        const entry = { endpoint, renewal: data.renewal, key: root.dataset.key };
        await cache.put(
          RENEWAL_ENTRY,
          new Response(JSON.stringify(entry), { headers: { 'content-type': 'application/json' } }),
        );
      }
      window.location.assign(data.redirect);
    } catch (err) {
      status.textContent = `${root.dataset.failed} (${err instanceof Error ? err.message : err})`;
    } finally {
      button.disabled = false;
    }
  });
}
