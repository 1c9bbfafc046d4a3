import { createHmac, randomBytes } from 'node:crypto';

/**
 * Turns a client address into an opaque key for rate limiting. The salt is random, held only in
 * this process's memory and replaced every UTC day, so the key cannot be linked back to an address
 * or across days, and nothing that could identify a tipster is ever stored.
 */
export class ClientKey {
  private day = '';
  private salt = Buffer.alloc(0);

  of(address: string | undefined): string {
    const today = new Date().toISOString().slice(0, 10);
    if (today !== this.day) {
      this.day = today;
      this.salt = randomBytes(32);
    }
    return createHmac('sha256', this.salt)
      .update(address ?? 'unknown')
      .digest('base64url')
      .slice(0, 22);
  }
}
