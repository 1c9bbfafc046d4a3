import type { AlertChannel } from '../alerts';

/** `GET /api/public/alerts/setup`: what the subscription page needs to know. */
export interface AlertSetup {
  /** The server's VAPID public key (base64url), for pushManager.subscribe(). */
  publicKey: string;
  /** Whether alerts by e-mail are offered (the deployment has a mail relay). */
  email: boolean;
}

/**
 * The answer to a subscription. A push subscription is active at once; an e-mail one once the link
 * sent to the address is followed (double opt-in), so `active` is false until then.
 * `unsubscribeToken` removes it (`POST /api/public/alerts/unsubscribe`); the browser keeps it.
 */
export interface AlertSubscriptionReceipt {
  channel: AlertChannel;
  active: boolean;
  unsubscribeToken?: string;
}

/** What a push message carries (JSON, encrypted for the browser): the service worker shows it. */
export interface AlertPushMessage {
  title: string;
  body: string;
  /** The appeal's public page. */
  url: string;
  /** The page that removes this subscription (signed for it alone). */
  unsubscribeUrl: string;
  /** The notification's button that opens it, in the subscriber's language. */
  unsubscribeLabel: string;
  /** One notification per appeal: an update replaces the first. */
  tag: string;
  lang: 'fr' | 'en';
}
