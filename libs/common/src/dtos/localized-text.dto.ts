import { IsOptional, IsString, ValidateBy, ValidationOptions } from 'class-validator';

/** A text in French and/or English. Which languages are required is checked where it is used. */
export class LocalizedTextDto {
  @IsOptional()
  @IsString()
  fr?: string;

  @IsOptional()
  @IsString()
  en?: string;
}

/**
 * A LocalizedTextDto with at least one non-blank language and each language at most `max`
 * characters. (class-validator cannot pass limits into a nested class, so the limit lives here.)
 */
export function IsLocalized(max: number, options: { required?: boolean } & ValidationOptions = {}) {
  const { required = true, ...validation } = options;
  return ValidateBy(
    {
      name: 'isLocalized',
      constraints: [max, required],
      validator: {
        validate(value: unknown) {
          if (value === undefined || value === null) return !required;
          if (typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value as Record<string, unknown>);
          if (
            entries.some(
              ([k, v]) =>
                !['fr', 'en'].includes(k) || (v !== undefined && v !== null && typeof v !== 'string'),
            )
          )
            return false;
          const texts = entries.map(([, v]) => (typeof v === 'string' ? v : ''));
          if (texts.some((t) => t.length > max)) return false;
          return !required || texts.some((t) => t.trim().length > 0);
        },
        defaultMessage: () =>
          required
            ? `Write it in French or English (at most ${max} characters each)`
            : `At most ${max} characters in each language`,
      },
    },
    validation,
  );
}
