import { AlertAreaType, AppealKind, Locale } from '@vigie/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SecretBox } from '../../common/crypto/secret-box';

/** A confirmation link works this long; then the person subscribes again. */
export const CONFIRMATION_LIFETIME_MS = 72 * 3600_000;

/** What an e-mail subscriber chose, carried sealed in the confirmation link until they confirm. */
export interface EmailChoice {
  agencyId: string;
  email: string;
  kinds: AppealKind[];
  area: { type: AlertAreaType; latitude?: number; longitude?: number; radiusKm?: number };
  language: Locale;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The links in alerts and confirmation e-mails. Keys are derived from the deployment's encryption
 * key, one per purpose, so an unsubscribe token cannot confirm anything and the other way round.
 *
 * - Unsubscribe: `<subscription id>.<HMAC of it>`. Signed for that subscription alone: a link for
 *   someone else's subscription cannot be made from one's own. Valid as long as the subscription.
 * - Confirmation: the subscriber's choices sealed (AES-GCM, so the address is not readable from the
 *   link either) with the moment it was asked; nothing is stored until the address is confirmed.
 */
export class AlertTokens {
  private readonly unsubscribeKey: Buffer;
  private readonly confirmations: SecretBox;

  constructor(encryptionKey: Buffer) {
    this.unsubscribeKey = derive(encryptionKey, 'vigie:alerts:unsubscribe');
    this.confirmations = new SecretBox(derive(encryptionKey, 'vigie:alerts:confirm'));
  }

  unsubscribe(subscriptionId: string): string {
    return `${subscriptionId}.${this.sign(subscriptionId)}`;
  }

  /** The subscription a token names, or null when it is not one we signed. */
  subscriptionOf(token: string): string | null {
    const [id, signature, ...rest] = token.split('.');
    if (rest.length || !id || !signature || !UUID.test(id)) return null;
    const expected = Buffer.from(this.sign(id));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
  }

  confirmation(choice: EmailChoice, at: Date): string {
    return this.confirmations.seal(JSON.stringify({ ...choice, at: at.getTime() }), 'alert-confirmation');
  }

  /** The choices in a confirmation link, or null when it is not ours or has expired. */
  openConfirmation(token: string, now: Date): EmailChoice | null {
    try {
      const { at, ...choice } = JSON.parse(
        this.confirmations.open(token, 'alert-confirmation'),
      ) as EmailChoice & {
        at: number;
      };
      const age = now.getTime() - at;
      return age >= 0 && age <= CONFIRMATION_LIFETIME_MS ? choice : null;
    } catch {
      return null;
    }
  }

  private sign(id: string): string {
    return createHmac('sha256', this.unsubscribeKey).update(id).digest('base64url').slice(0, 32);
  }
}

function derive(key: Buffer, purpose: string): Buffer {
  return createHmac('sha256', key).update(purpose).digest();
}
