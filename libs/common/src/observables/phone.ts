import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * A phone number in E.164 ("+15145550199"), the form contact keys hash (tips/intake/contact-keys.ts
 * reads "514 555-0199" and "1-514-555-0199" as the same number, as this does). Numbers without a
 * country code are read as Canadian or American (+1); null when libphonenumber does not call it a
 * valid number (a time, a price, a date, a postal code never are).
 */
export function normalizePhone(raw: string, defaultCountry: CountryCode = 'CA'): string | null {
  if (!/\d/.test(raw) || /[a-z]{2}/i.test(raw.replace(/^\s*(tel|tél|phone|cell)\.?:?/i, ''))) return null;
  const parsed = parsePhoneNumberFromString(raw, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}
