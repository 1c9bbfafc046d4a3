/* global self */
// Vigie's alerts service worker: shows the alerts an agency publishes to this browser (Web Push).
// A file of its own, loaded only by the alerts page when someone turns notifications on; it
// handles no request (no fetch listener), so the site works exactly as without it.
// The message is JSON (AlertPushMessage in libs/common), in the subscriber's language.

self.addEventListener('push', (event) => {
  if (!event.data) return;
  let message;
  try {
    message = event.data.json();
  } catch {
    return;
  }
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag,
      lang: message.lang,
      icon: '/favicon.svg',
      data: { url: message.url, unsubscribeUrl: message.unsubscribeUrl },
      actions: message.unsubscribeLabel ? [{ action: 'unsubscribe', title: message.unsubscribeLabel }] : [],
    }),
  );
});

// A tap opens the appeal; the "unsubscribe" action opens the page that removes this subscription.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const { url, unsubscribeUrl } = event.notification.data ?? {};
  const target = event.action === 'unsubscribe' ? unsubscribeUrl : url;
  if (target) event.waitUntil(self.clients.openWindow(target));
});
