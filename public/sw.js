// The shop's service worker, served at /sw.js so that its scope is the whole site. It does one thing: show the
// push notifications the shop sends (see src/messaging/channels/send-push.ts for the payload) and open the
// shop's page when one is tapped. No caching, no fetch handler: pages always come from the server.
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
