import { TIMESTAMP_PATTERN, TIP_LIMITS, TIP_PATTERNS } from '@vigie/common';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { textLength } from './text-length';
import { toCreateTipDto, type TipField, type TipFormValues } from './tip-form-values';

/** A few minutes of slack for a phone whose clock runs fast. */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * Loose on purpose: a name, an "@", a domain with a dot. The API's IsEmail is stricter (a real top-level
 * domain, no stray characters); what only it refuses comes back as its 400 field error, shown beside the
 * field like ours. The browser must never refuse an address the API would take.
 */
const EMAIL = /^.+@[^\s@]+\.[^\s@]+$/;

/** A coordinate the API reads as a number (its @Transform calls Number) within ±limit. */
const coordinate = (value: string, limit: number) => {
  const number = Number(value);
  return Number.isFinite(number) && Math.abs(number) <= limit;
};

type Rule = [type: string, ok: (value: string) => boolean];

const maxLength = (max: number): Rule => ['maxLength', (value) => textLength(value) <= max];

/**
 * The checks of CreateTipDto (libs/common, the API's own) for the fields the form shows, on the values the
 * request will carry, with the same limits and patterns. The DTO itself stays on the server: running it
 * here would bring class-validator and class-transformer (a tenth of the form's weight) to every
 * tipster's phone. tip-validation.spec.ts runs both on the same values, so the two cannot drift apart.
 * Each error's type names the DTO's constraint, for tip-field-messages.ts.
 */
const DTO_RULES: Record<TipField, Rule[]> = {
  description: [['matches', (v) => TIP_PATTERNS.someText.test(v)], maxLength(TIP_LIMITS.descriptionMax)],
  occurredFrom: [['isTimestamp', (v) => TIMESTAMP_PATTERN.test(v) && !Number.isNaN(Date.parse(v))]],
  occurredTo: [['isTimestamp', (v) => TIMESTAMP_PATTERN.test(v) && !Number.isNaN(Date.parse(v))]],
  place: [maxLength(TIP_LIMITS.placeMax)],
  latitude: [['isLatitude', (v) => coordinate(v, 90)]],
  longitude: [['isLongitude', (v) => coordinate(v, 180)]],
  accuracyM: [
    ['isNumber', (v) => Number.isFinite(Number(v)) && Number(v) >= 0 && Number(v) <= TIP_LIMITS.accuracyMaxM],
  ],
  contactName: [maxLength(TIP_LIMITS.nameMax)],
  contactPhone: [['matches', (v) => TIP_PATTERNS.phone.test(v)]],
  contactEmail: [['isEmail', (v) => EMAIL.test(v)], maxLength(TIP_LIMITS.emailMax)],
};

/** The DTO's checks: one error per field, the first rule it breaks. Absent (optional) fields pass. */
export function dtoErrors(values: TipFormValues): FieldErrors<TipFormValues> {
  const dto = toCreateTipDto(values) as unknown as Partial<Record<TipField, string>>;
  const errors: FieldErrors<TipFormValues> = {};
  for (const field of Object.keys(DTO_RULES) as TipField[]) {
    const value = field === 'description' ? (dto.description ?? '') : dto[field];
    if (value === undefined) continue;
    const broken = DTO_RULES[field].find(([, ok]) => !ok(value));
    if (broken) errors[field] = { type: broken[0], message: broken[0] };
  }
  return errors;
}

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
 * Validates what the inputs hold as the API will (after the conversion the request gets: local dates to
 * ISO instants, contact details dropped when the tipster stays anonymous), then the form's own rules.
 * Synchronous and small, so it comes with the form: no validation code to fetch before "Continue" works.
 */
export const tipResolver: Resolver<TipFormValues> = (values) => {
  const errors = { ...tipFormRules(values), ...dtoErrors(values) };
  return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
};
