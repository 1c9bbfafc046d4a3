import { classValidatorResolver } from '@hookform/resolvers/class-validator';
import { CreateTipDto } from '@vigie/common';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { toCreateTipDto, type TipFormValues } from './tip-form-values';

const validateDto = classValidatorResolver(CreateTipDto);

/** A few minutes of slack for a phone whose clock runs fast. */
const CLOCK_SLACK_MS = 5 * 60_000;

/** What the DTO cannot say on its own: dates in the future or in the wrong order, a contact with no way to reach. */
export function tipFormRules(values: TipFormValues, now = Date.now()): FieldErrors<TipFormValues> {
  const errors: FieldErrors<TipFormValues> = {};
  const from = values.occurredFrom ? new Date(values.occurredFrom).getTime() : NaN;
  const to = values.occurredTo ? new Date(values.occurredTo).getTime() : NaN;
  if (from > now + CLOCK_SLACK_MS) errors.occurredFrom = { type: 'future', message: 'In the future' };
  if (to > now + CLOCK_SLACK_MS) errors.occurredTo = { type: 'future', message: 'In the future' };
  else if (to < from) errors.occurredTo = { type: 'order', message: 'Ends before it starts' };
  if (values.contactChoice === 'contact' && !values.contactPhone.trim() && !values.contactEmail.trim())
    errors.contactPhone = { type: 'contactNeeded', message: 'A phone or an email is needed' };
  return errors;
}

/**
 * Validates what the inputs hold with the API's own CreateTipDto, after the conversion the request gets
 * (local dates to ISO instants, contact details dropped when the tipster stays anonymous), then the form's
 * own rules. The DTO's messages are English; the form shows its own, keyed by the constraint (tip-errors.ts).
 */
export const tipResolver: Resolver<TipFormValues> = async (values, context, options) => {
  const result = await validateDto(
    toCreateTipDto(values),
    context,
    options as unknown as Parameters<typeof validateDto>[2],
  );
  const errors = { ...tipFormRules(values), ...(result.errors as FieldErrors<TipFormValues>) };
  return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
};
