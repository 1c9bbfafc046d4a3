import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { generateRequestDetails, getVapidHeaders } from 'web-push';
import type { VapidKeys } from './vapid-keys';

/** What became of one push: delivered to the push service, gone for good, refused, or to try again. */
export type PushOutcome = 'SENT' | 'GONE' | 'REFUSED' | 'RETRY';

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** A VAPID token may live 24 h; a fresh one is signed each hour per push service. */
const VAPID_TOKEN_SECONDS = 12 * 3600;
const VAPID_REUSE_MS = 3600_000;

/**
 * Sends Web Push messages (RFC 8030) encrypted for each browser (RFC 8291, aes128gcm) and signed
 * with the deployment's VAPID key (RFC 8292). web-push builds each request; the request itself goes
 * out here, over kept-alive connections (a fan-out sends thousands to the same push service), with
 * a timeout, and the push service's answer is read as the protocol says:
 * 201 delivered; 404 and 410 the subscription is gone; 429 and 5xx (and no answer) try again later;
 * any other refusal is final for this message.
 */
export class PushSender {
  private readonly https = new HttpsAgent({ keepAlive: true, maxSockets: 64 });
  private readonly http = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  private readonly vapid = new Map<string, { authorization: string; until: number }>();

  constructor(
    private readonly keys: VapidKeys,
    private readonly subject: string,
    /** A push service that has not answered in this long is tried again later. */
    private readonly timeoutMs: number,
  ) {}

  async send(
    target: PushTarget,
    payload: string,
    options: { urgency: 'high' | 'normal'; ttlSeconds: number },
  ): Promise<PushOutcome> {
    let request: ReturnType<typeof generateRequestDetails>;
    try {
      request = generateRequestDetails(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        payload,
        {
          TTL: options.ttlSeconds,
          urgency: options.urgency,
          contentEncoding: 'aes128gcm',
          headers: { Authorization: this.authorization(new URL(target.endpoint).origin) },
        },
      );
    } catch {
      // Keys that passed validation but are no point on the curve: this subscription can never work.
      return 'REFUSED';
    }
    try {
      const status = await this.post(target.endpoint, request.headers, request.body as Buffer);
      if (status >= 200 && status < 300) return 'SENT';
      if (status === 404 || status === 410) return 'GONE';
      if (status === 429 || status >= 500) return 'RETRY';
      return 'REFUSED';
    } catch {
      return 'RETRY';
    }
  }

  onApplicationShutdown(): void {
    this.https.destroy();
    this.http.destroy();
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

  private post(endpoint: string, headers: Record<string, string | number>, body: Buffer): Promise<number> {
    const url = new URL(endpoint);
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const req = (secure ? httpsRequest : httpRequest)(
        url,
        {
          method: 'POST',
          headers: headers as Record<string, string>,
          agent: secure ? this.https : this.http,
          timeout: this.timeoutMs,
        },
        (res) => {
          // The body says nothing we act on; read it so the connection is reused.
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('push service timed out')));
      req.on('error', reject);
      req.end(body);
    });
  }
}
