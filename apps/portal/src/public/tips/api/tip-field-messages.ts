import { TIP_LIMITS } from '@vigie/common';
import type { ParseKeys } from 'i18next';
import type { TipField } from './tip-form-values';

export interface FieldMessage {
  key: ParseKeys;
  limit?: number;
}

/** The fields with a length limit (the same limits the API's CreateTipDto enforces). */
const MAX_LENGTH: Partial<Record<TipField, number>> = {
  description: TIP_LIMITS.descriptionMax,
  place: TIP_LIMITS.placeMax,
  contactName: TIP_LIMITS.nameMax,
  contactEmail: TIP_LIMITS.emailMax,
};

/** A length limit as the API's message words it ("… shorter than or equal to 10000 characters"). */
const lengthLimit = (message: string | undefined) => {
  const match = /shorter than or equal to (\d+) characters/.exec(message ?? '');
  return match ? Number(match[1]) : undefined;
};

/**
 * The message for a field error, in the reader's language. Errors found in the browser carry the name of
 * the API's constraint they check (tip-validation.ts) or of one of the form's own rules; errors from
 * the API are `server` errors, recognised by their (English) message or else by the field's main rule.
 */
export function tipFieldMessage(field: TipField, type: string | undefined, message?: string): FieldMessage {
  const limit = lengthLimit(message) ?? (type === 'maxLength' ? MAX_LENGTH[field] : undefined);
  if (type === 'maxLength' || limit !== undefined) return { key: 'tip.errors.tooLong', limit };
  switch (field) {
    case 'description':
      return { key: 'tip.errors.descriptionRequired' };
    case 'occurredFrom':
    case 'occurredTo':
      if (type === 'future') return { key: 'tip.errors.future' };
      if (type === 'order') return { key: 'tip.errors.endBeforeStart' };
      return { key: 'tip.errors.date' };
    case 'latitude':
    case 'longitude':
    case 'accuracyM':
      return { key: 'tip.errors.location' };
    case 'contactPhone':
      return type === 'contactNeeded' ? { key: 'tip.errors.contactNeeded' } : { key: 'tip.errors.phone' };
    case 'contactEmail':
      return { key: 'tip.errors.email' };
    case 'place':
    case 'contactName':
      return { key: 'tip.errors.tooLong' };
  }
}
