import { createHmac, randomBytes } from 'node:crypto';

/**
 * Turns a client address into an opaque key for rate limiting. The salt changes every UTC day and
 * is never stored, so a key cannot be linked back to an address or across days.
 *
 * One process (the default) draws its salt at random. Several API processes sharing their
 * counters in Postgres must agree on the key, so they derive the day's salt from the deployment
 * secret instead: still never written anywhere, and the counters it keys expire within minutes.
 */
export class ClientKey {
  private day = '';
  private salt = Buffer.alloc(0);

  constructor(private readonly sharedSecret?: Buffer) {}

  of(address: string | undefined): string {
    const today = new Date().toISOString().slice(0, 10);
    if (today !== this.day) {
      this.day = today;
      this.salt = this.sharedSecret
        ? createHmac('sha256', this.sharedSecret).update(`vigie:client-key:${today}`).digest()
        : randomBytes(32);
    }
    return createHmac('sha256', this.salt)
      .update(address ?? 'unknown')
      .digest('base64url')
      .slice(0, 22);
  }
}
