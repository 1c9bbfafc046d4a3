import { Inject, Injectable } from '@nestjs/common';
import { minutes, ThrottlerStorage } from '@nestjs/throttler';
import { ClientKey } from '../common/crypto/client-key';
import { identityError } from './identity.errors';

/**
 * The bounds on staff sign-in attempts (docs/security.md quotes them). Every attempt counts, right or
 * wrong, in fixed windows; past a bound the attempt is refused before any password is checked.
 */
export const SIGN_IN_BOUNDS = {
  /** Attempts on one e-mail address from browsers that never signed in as that person. */
  account: { limit: 10, windowMs: minutes(15) },
  /** Attempts from one client address, without a device cookie, whatever the account. */
  client: { limit: 30, windowMs: minutes(15) },
  /** Attempts from one known browser (device cookie), on the account it signed in as. */
  device: { limit: 10, windowMs: minutes(15) },
} as const;

type Bucket = keyof typeof SIGN_IN_BOUNDS;

export interface SignInAttempt {
  email: string;
  clientAddress: string;
  /** The device id when the attempt carries a valid device cookie for the account it names. */
  knownDevice?: string;
}

/**
 * Throttles staff sign-in so that the per-account lock cannot be turned against a person: a browser
 * that signed in as that person before (its device cookie) is counted on its own, and strangers'
 * failures, which fill the account's bucket, never reach it. Everything else is counted per account
 * and per client. The counters live in the rate-limit store (memory, or Postgres when processes
 * share them), under keys hashed with the day's salt: no address or e-mail is kept.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    private readonly clientKey: ClientKey,
  ) {}

  /** Counts the attempt; throws 429 with the seconds to wait when it is past a bound. */
  async admit(attempt: SignInAttempt): Promise<void> {
    const buckets: [Bucket, string][] = attempt.knownDevice
      ? [['device', attempt.knownDevice]]
      : [
          ['account', attempt.email.toLowerCase()],
          ['client', attempt.clientAddress],
        ];
    let waitSeconds = 0;
    for (const [bucket, subject] of buckets) {
      const { limit, windowMs } = SIGN_IN_BOUNDS[bucket];
      const record = await this.storage.increment(
        this.clientKey.of(`sign-in:${bucket}:${subject}`),
        windowMs,
        limit,
        windowMs,
        `staff-sign-in-${bucket}`,
      );
      if (record.isBlocked) waitSeconds = Math.max(waitSeconds, record.timeToBlockExpire, 1);
    }
    if (waitSeconds > 0)
      throw identityError('SIGN_IN_THROTTLED', { headers: { 'Retry-After': String(waitSeconds) } });
  }
}
