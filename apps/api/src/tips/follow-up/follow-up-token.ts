import { createHmac, timingSafeEqual } from 'node:crypto';

const TTL_MS = 30 * 60_000;

/**
 * A short-lived, stateless follow-up session: `<tip id>.<expiry>.<HMAC>`. It names only the tip,
 * so nothing about the tipster is kept server-side between their visits.
 */
export class FollowUpTokens {
  private readonly key: Buffer;

  constructor(secret: Buffer) {
    this.key = createHmac('sha256', secret).update('vigie:follow-up-token').digest();
  }

  issue(tipId: string, now = Date.now()): { token: string; expiresAt: Date } {
    const expiresAt = now + TTL_MS;
    const body = `${tipId}.${expiresAt}`;
    return { token: `${body}.${this.sign(body)}`, expiresAt: new Date(expiresAt) };
  }

  /**
   * The tip id, or null when the token is forged, altered or expired (more than `graceMs` ago:
   * see ResumableUploads, where an upload started with a valid token may finish after it).
   */
  verify(token: string | undefined, now = Date.now(), graceMs = 0): string | null {
    const [tipId, expiry, mac] = (token ?? '').split('.');
    if (!tipId || !expiry || !mac) return null;
    const expected = Buffer.from(this.sign(`${tipId}.${expiry}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return Number(expiry) + graceMs > now ? tipId : null;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
