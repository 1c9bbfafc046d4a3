/** Limits both apps enforce: the portal to help the user, the API because it must. */
export const LIMITS = {
  /** Largest JSON body any route accepts. Tip media goes through multipart or tus, never JSON. */
  jsonBodyBytes: 256 * 1024,
  emailLength: 254,
  passwordMaxLength: 256,
  staffPasswordMinLength: 12,
  totpDigits: 6,
} as const;

/** Names of the cookies and header the staff session relies on. */
export const SESSION_COOKIE = 'vigie_session';
export const CSRF_COOKIE = 'vigie_csrf';
export const CSRF_HEADER = 'x-csrf-token';
