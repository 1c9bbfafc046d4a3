import { Agent } from 'undici';
import { getVapidHeaders } from 'web-push';
import { PushEncryption } from './push-encryption';
import type { VapidKeys } from './vapid-keys';

/** What became of one push: delivered to the push service, gone for good, refused, or to try again. */
export type PushOutcome = 'SENT' | 'GONE' | 'REFUSED' | 'RETRY';

/** A message encrypted for one browser, ready to post. */
export interface PreparedPush {
  origin: string;
  path: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** A VAPID token may live 24 h; a fresh one is signed each hour per push service. */
const VAPID_TOKEN_SECONDS = 12 * 3600;
const VAPID_REUSE_MS = 3600_000;
/** Connections kept open to each push service: a fan-out sends thousands to the same few. */
const CONNECTIONS_PER_PUSH_SERVICE = 64;

/**
 * Sends Web Push messages (RFC 8030) encrypted for each browser (RFC 8291, aes128gcm) and signed
 * with the deployment's VAPID key (RFC 8292). web-push builds each request, on threads beside the
 * event loop (push-encryption.ts); the request itself goes out here through undici's pools of
 * kept-alive connections, one pool per push service, with a timeout, and the push service's answer
 * is read as the protocol says: 201 delivered; 404 and 410 the subscription is gone; 429 and 5xx
 * (and no answer) try again later; any other refusal is final for this message.
 */
export class PushSender {
  private readonly agent: Agent;
  private readonly encryption = new PushEncryption();
  private readonly vapid = new Map<string, { authorization: string; until: number }>();

  constructor(
    private readonly keys: VapidKeys,
    private readonly subject: string,
    /** A push service that has not answered in this long is tried again later. */
    timeoutMs: number,
  ) {
    this.agent = new Agent({
      connections: CONNECTIONS_PER_PUSH_SERVICE,
      connect: { timeout: timeoutMs },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  }

  /**
   * Encrypts and signs one message for its browser, on the encryption threads. Messages asked for
   * in the same turn of the event loop are encrypted together: ask for a batch's all at once, then
   * post each as it is ready. Null when the subscription can never be sent to (keys that passed
   * validation but are no point on the curve, an endpoint that is no URL).
   */
  prepare(
    target: PushTarget,
    payload: string,
    options: { urgency: 'high' | 'normal'; ttlSeconds: number },
  ): Promise<PreparedPush | null> {
    let url: URL;
    try {
      url = new URL(target.endpoint);
    } catch {
      return Promise.resolve(null);
    }
    return this.encryption
      .encrypt({
        ...target,
        payload,
        authorization: this.authorization(url.origin),
        urgency: options.urgency,
        ttlSeconds: options.ttlSeconds,
      })
      .then((request) => {
        if (!request) return null;
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(request.headers)) headers[name] = String(value);
        return { origin: url.origin, path: `${url.pathname}${url.search}`, headers, body: request.body };
      });
  }

  /** Posts a prepared message to its push service, and says what the answer means. */
  async post(prepared: Promise<PreparedPush | null>): Promise<PushOutcome> {
    let request: PreparedPush | null;
    try {
      request = await prepared;
    } catch {
      // An encryption thread lost (it is replaced): this message is tried again.
      return 'RETRY';
    }
    if (!request) return 'REFUSED';
    try {
      const { statusCode, body } = await this.agent.request({ ...request, method: 'POST' });
      // The body says nothing we act on; read it so the connection is reused.
      await body.dump();
      if (statusCode >= 200 && statusCode < 300) return 'SENT';
      if (statusCode === 404 || statusCode === 410) return 'GONE';
      if (statusCode === 429 || statusCode >= 500) return 'RETRY';
      return 'REFUSED';
    } catch {
      return 'RETRY';
    }
  }

  /** Starts the encryption threads, in a process that runs alert batches. */
  warm(): void {
    this.encryption.warm();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.agent.destroy(), this.encryption.stop()]);
  }

  private authorization(audience: string): string {
    const now = Date.now();
    const cached = this.vapid.get(audience);
    if (cached && cached.until > now) return cached.authorization;
    const headers = getVapidHeaders(
      audience,
      this.subject,
      this.keys.publicKey,
      this.keys.privateKey,
      'aes128gcm',
      Math.floor(now / 1000) + VAPID_TOKEN_SECONDS,
    );
    const authorization = String(headers.Authorization);
    this.vapid.set(audience, { authorization, until: now + VAPID_REUSE_MS });
    return authorization;
  }
}
