import { ValidateBy, ValidationOptions } from 'class-validator';
import { TIMESTAMP_PATTERN } from '../limits';

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
          typeof value === 'string' && TIMESTAMP_PATTERN.test(value) && !Number.isNaN(Date.parse(value)),
        defaultMessage: () => 'Give a date and time such as 2026-11-21T18:30:00Z',
      },
    },
    options,
  );
}
