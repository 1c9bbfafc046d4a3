import type { AlertSubscriptionDto } from '@vigie/common';
import { useCallback, useEffect, useState } from 'react';
import { alertsApi } from '../api/alerts.api';

/** The service worker that shows alerts: a file of its own, outside the app's bundles. */
const WORKER_URL = '/alerts-sw.js';
const WORKER_SCOPE = '/alerts';
/** The removal token of this browser's subscription, kept so that it can be turned off here. */
const TOKEN_KEY = 'vigie.alerts.push';

export type PushState = 'checking' | 'unsupported' | 'denied' | 'off' | 'on' | 'working' | 'failed';

function supported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration(WORKER_SCOPE);
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/**
 * Web Push for this browser: registers the alerts service worker, asks the person's permission,
 * subscribes with the server's VAPID key, and sends the subscription with the choices. Turning it
 * off removes it on the server (with its token) and in the browser.
 */
export function usePushSubscription(publicKey: string | undefined) {
  const [state, setState] = useState<PushState>(() => {
    if (!supported()) return 'unsupported';
    return Notification.permission === 'denied' ? 'denied' : 'checking';
  });

  useEffect(() => {
    if (!supported() || Notification.permission === 'denied') return;
    currentSubscription().then(
      (sub) => setState(sub && localStorage.getItem(TOKEN_KEY) ? 'on' : 'off'),
      () => setState('off'),
    );
  }, []);

  const subscribe = useCallback(
    async (choices: AlertSubscriptionDto) => {
      if (!publicKey || !supported()) return;
      setState('working');
      try {
        const registration = await navigator.serviceWorker.register(WORKER_URL, { scope: WORKER_SCOPE });
        if ((await Notification.requestPermission()) !== 'granted') return setState('denied');
        await navigator.serviceWorker.ready;
        const subscription =
          (await registration.pushManager.getSubscription()) ??
          (await registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: keyBytes(publicKey),
          }));
        const { endpoint, keys } = subscription.toJSON();
        const receipt = await alertsApi.subscribePush({
          ...choices,
          endpoint: endpoint ?? '',
          keys: { p256dh: keys?.p256dh ?? '', auth: keys?.auth ?? '' },
        });
        if (receipt.unsubscribeToken) localStorage.setItem(TOKEN_KEY, receipt.unsubscribeToken);
        setState('on');
      } catch {
        setState('failed');
      }
    },
    [publicKey],
  );

  const unsubscribe = useCallback(async () => {
    setState('working');
    try {
      const token = localStorage.getItem(TOKEN_KEY);
      if (token) await alertsApi.unsubscribe(token);
      localStorage.removeItem(TOKEN_KEY);
      await (await currentSubscription())?.unsubscribe();
      setState('off');
    } catch {
      setState('failed');
    }
  }, []);

  return { state, subscribe, unsubscribe };
}
