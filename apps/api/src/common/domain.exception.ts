/**
 * An expected failure with a stable code that clients can act on. Each feature declares its codes
 * and their HTTP status in one table with `defineErrors`, and the global filter answers with them.
 */
export class DomainException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: Record<string, string>,
    /** Extra body fields, e.g. the current state of a record on a 409. */
    readonly details?: Record<string, unknown>,
    /** Response headers, e.g. `Retry-After` on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

type ErrorTable = Record<string, { status: number; message: string }>;

/** `const fail = defineErrors({ NOT_FOUND: { status: 404, message: '…' } }); throw fail('NOT_FOUND');` */
export function defineErrors<T extends ErrorTable>(table: T) {
  return (
    code: keyof T & string,
    extra?: {
      message?: string;
      errors?: Record<string, string>;
      details?: Record<string, unknown>;
      headers?: Record<string, string>;
    },
  ) =>
    new DomainException(
      table[code].status,
      code,
      extra?.message ?? table[code].message,
      extra?.errors,
      extra?.details,
      extra?.headers,
    );
}

export const commonError = defineErrors({
  VALIDATION_FAILED: { status: 400, message: 'Some fields are not valid' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in first' },
  FORBIDDEN: { status: 403, message: 'Your role does not allow this' },
  CSRF_MISMATCH: { status: 403, message: 'Missing or wrong x-csrf-token header' },
  TOTP_ENROLMENT_REQUIRED: {
    status: 403,
    message: 'Your agency requires two-factor authentication: enrol first',
  },
});
