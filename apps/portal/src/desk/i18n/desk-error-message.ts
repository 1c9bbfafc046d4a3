import type { TFunction } from 'i18next';
import { ApiError } from '../../shared/api/api-error';
import { apiErrorMessage } from '../../shared/i18n/api-error-message';

/**
 * Like apiErrorMessage, but the desk's own codes (tips, cases, duplicates) are explained with the desk's
 * texts, which public pages never download.
 */
export function deskErrorMessage(t: TFunction, error: unknown): string {
  if (ApiError.isApiError(error)) {
    const key = `desk.errors.${error.code}`;
    // The key is built at run time; i18next says whether the desk catalogue has it.
    if (t(key as never, { defaultValue: '' }) !== '') return t(key as never);
  }
  return apiErrorMessage(t, error);
}
