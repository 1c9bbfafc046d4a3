import { createHmac } from 'node:crypto';

/**
 * Keyed hashes of a tipster's phone and e-mail, so that two tips from the same person can be
 * linked without anyone reading the contact details. Normalised first: "+1 (514) 555-0199" and
 * "15145550199" are the same phone.
 */
export function contactKeys(
  key: Buffer,
  contact: { phone?: string; email?: string },
): { phone: string | null; email: string | null } {
  const mac = (kind: string, value: string) =>
    createHmac('sha256', key).update(`${kind}:${value}`).digest('base64url');
  const digits = contact.phone?.replace(/\D/g, '');
  const phone = digits ? mac('phone', digits.length === 10 ? `1${digits}` : digits) : null;
  const email = contact.email ? mac('email', contact.email.trim().toLowerCase()) : null;
  return { phone, email };
}
