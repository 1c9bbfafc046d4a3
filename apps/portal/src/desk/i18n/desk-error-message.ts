import type { TFunction } from 'i18next';
import { ApiError } from '../../shared/api/api-error';
import { apiErrorMessage } from '../../shared/i18n/api-error-message';

/**
 * Like apiErrorMessage, but the desk's own codes (tips, cases, duplicates) are explained with the desk's
 * texts, which public pages never download. A refusal that names its `reason` (a transfer refused
 * because the tip is in a case) is explained by `desk.errors.<CODE>_<REASON>` where the desk has it.
 */
export function deskErrorMessage(t: TFunction, error: unknown): string {
  if (ApiError.isApiError(error)) {
    const { reason } = error.details;
    const keys = [
      ...(typeof reason === 'string' ? [`desk.errors.${error.code}_${reason}`] : []),
      `desk.errors.${error.code}`,
    ];
    // The keys are built at run time; i18next says whether the desk catalogue has them.
    for (const key of keys) if (t(key as never, { defaultValue: '' }) !== '') return t(key as never);
  }
  return apiErrorMessage(t, error);
}
