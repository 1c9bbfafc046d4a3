import type { TFunction } from 'i18next';
import { errors as frErrors } from '../../locales/fr.json';
import { ApiError } from '../api/api-error';

type ErrorCode = Exclude<keyof typeof frErrors, 'generic' | 'reference'>;

const KNOWN_CODES: ReadonlySet<string> = new Set(
  Object.keys(frErrors).filter((key) => key !== 'generic' && key !== 'reference'),
);

function isKnownCode(code: string): code is ErrorCode {
  return KNOWN_CODES.has(code);
}

/**
 * What to tell a person about a failed call, in their language. The API's messages are English and
 * written for developers, so only the code is used; a server error's correlation id is shown for support.
 */
export function apiErrorMessage(t: TFunction, error: unknown): string {
  if (!ApiError.isApiError(error)) return t('errors.generic');
  const text = isKnownCode(error.code) ? t(`errors.${error.code}`) : t('errors.generic');
  return error.correlationId ? `${text} ${t('errors.reference', { id: error.correlationId })}` : text;
}
