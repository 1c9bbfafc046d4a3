import type { ParseKeys, TFunction } from 'i18next';
import type { FieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../../shared/api/api-error';

/**
 * A form's own messages, keyed by field then by the failing constraint (react-hook-form's error type is
 * class-validator's constraint name, or 'server' for the API's field map). The shared DTOs' messages are
 * English; the portal shows its own in the reader's language. `default` covers any other constraint.
 */
export type FieldMessages<F extends string> = Record<F, { default: ParseKeys } & Record<string, ParseKeys>>;

/** The translated message for a field's error, or undefined when it is valid. */
export function fieldMessage<F extends string>(
  t: TFunction,
  messages: FieldMessages<F>,
  name: F,
  error: FieldError | undefined,
  values: Record<string, unknown> = {},
): string | undefined {
  if (!error) return undefined;
  const byType = messages[name];
  return t(byType[String(error.type)] ?? byType.default, values);
}

/**
 * Sets the API's field errors (`errors: {field: message}` on a 400) on the form's fields, focusing the
 * first. Returns false when none of them belongs to the form: the caller then shows the error on top.
 */
export function placeApiFieldErrors<V extends FieldValues>(
  error: unknown,
  fields: readonly Path<V>[],
  setError: UseFormSetError<V>,
): boolean {
  if (!ApiError.isApiError(error) || !error.errors) return false;
  const known = Object.entries(error.errors).filter(([name]) => (fields as readonly string[]).includes(name));
  known.forEach(([name, message], index) =>
    setError(name as Path<V>, { type: 'server', message }, { shouldFocus: index === 0 }),
  );
  return known.length > 0;
}
