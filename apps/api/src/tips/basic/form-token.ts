import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long an open form stays good: a long tip written slowly still goes through. */
export const FORM_TOKEN_LIFETIME_MS = 6 * 60 * 60_000;

export type FormTokenCheck =
  | { ok: true; signature: string; issuedAt: Date; expiresAt: Date }
  | { ok: false; reason: 'INVALID' | 'TOO_FRESH' | 'EXPIRED' };

/**
 * The cost a browser without JavaScript pays instead of the proof-of-work: a token the server signs into
 * the form when it draws it, `<issued at>.<nonce>.<HMAC>`, that is good only once it is `minAgeMs` old
 * (no person writes a tip faster) and for FORM_TOKEN_LIFETIME_MS after that. It is stateless until used:
 * its signature is then reserved and spent like a proof-of-work solution (spent_challenge), so each token
 * carries one tip. A robot must wait for each one, and the per-client limit bounds how many it may wait
 * for at once; it spends no CPU, which is the trade-off (docs/security.md).
 */
export class FormTokens {
  private readonly key: Buffer;

  constructor(
    secret: Buffer,
    private readonly minAgeMs: number,
  ) {
    this.key = createHmac('sha256', secret).update('vigie:basic-form-token').digest();
  }

  issue(now: Date): string {
    const body = `${now.getTime()}.${randomBytes(12).toString('base64url')}`;
    return `${body}.${this.sign(body)}`;
  }

  check(token: unknown, now: Date): FormTokenCheck {
    if (typeof token !== 'string' || token.length > 200) return { ok: false, reason: 'INVALID' };
    const [issued, nonce, mac, ...rest] = token.split('.');
    if (!issued || !nonce || !mac || rest.length > 0 || !/^\d{1,15}$/.test(issued))
      return { ok: false, reason: 'INVALID' };
    const expected = Buffer.from(this.sign(`${issued}.${nonce}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, reason: 'INVALID' };
    const age = now.getTime() - Number(issued);
    if (age < this.minAgeMs) return { ok: false, reason: 'TOO_FRESH' };
    if (age > FORM_TOKEN_LIFETIME_MS) return { ok: false, reason: 'EXPIRED' };
    return {
      ok: true,
      signature: mac,
      issuedAt: new Date(Number(issued)),
      expiresAt: new Date(Number(issued) + FORM_TOKEN_LIFETIME_MS),
    };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
