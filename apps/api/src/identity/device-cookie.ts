import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a browser stays known after its last successful sign-in (each sign-in renews it). */
export const DEVICE_COOKIE_DAYS = 180;

export interface KnownDevice {
  userId: string;
  deviceId: string;
}

/**
 * The device cookie of OWASP's "slow down online guessing" advice: `<user id>.<device id>.<HMAC>`,
 * set at a successful sign-in. It proves that this browser once signed in as that user, so sign-in
 * attempts carrying it skip the per-account lock that strangers' failures can trigger. The key is
 * derived from the deployment key; a cookie cannot be forged, nor moved to another account.
 */
export class DeviceCookies {
  private readonly key: Buffer;

  constructor(secret: Buffer) {
    this.key = createHmac('sha256', secret).update('vigie:staff-device-cookie').digest();
  }

  /** A cookie value for this user; a known device keeps its id, so its attempts stay counted. */
  issue(userId: string, deviceId = randomBytes(16).toString('base64url')): string {
    const body = `${userId}.${deviceId}`;
    return `${body}.${this.sign(body)}`;
  }

  /** The device the cookie names, or null when it is missing, altered or forged. */
  read(value: string | undefined): KnownDevice | null {
    const [userId, deviceId, mac, ...rest] = (value ?? '').split('.');
    if (!userId || !deviceId || !mac || rest.length > 0) return null;
    const expected = Buffer.from(this.sign(`${userId}.${deviceId}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { userId, deviceId };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
