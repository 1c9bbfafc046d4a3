import { ValidateBy, ValidationOptions } from 'class-validator';

/** A date, or a date and time with an optional zone, as RFC 3339 writes them (no week dates). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * A timestamp that JavaScript and Postgres read the same way. (class-validator's IsISO8601
 * accepts forms such as week dates "2026-W10-1" that neither can parse.)
 */
export function IsTimestamp(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isTimestamp',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && RFC3339.test(value) && !Number.isNaN(Date.parse(value)),
        defaultMessage: () => 'Give a date and time such as 2026-11-21T18:30:00Z',
      },
    },
    options,
  );
}
