import type { CreateTipDto } from '@vigie/common';
import type { PortalLanguage } from '../../../shared/i18n/language';

export type ContactChoice = 'anonymous' | 'contact';

/**
 * What the tip form's inputs hold. Dates are `<input type="datetime-local">` values (local time, no zone)
 * and the position is text, as inputs give them; `toCreateTipDto` turns them into the API's fields.
 */
export interface TipFormValues {
  description: string;
  occurredFrom: string;
  occurredTo: string;
  place: string;
  latitude: string;
  longitude: string;
  accuracyM: string;
  contactChoice: ContactChoice;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

export type TipField = Exclude<keyof TipFormValues, 'contactChoice'>;

export const EMPTY_TIP_VALUES: TipFormValues = {
  description: '',
  occurredFrom: '',
  occurredTo: '',
  place: '',
  latitude: '',
  longitude: '',
  accuracyM: '',
  contactChoice: 'anonymous',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
};

export const TIP_STEPS = ['what', 'when', 'where', 'files', 'contact', 'review'] as const;
export type TipStep = (typeof TIP_STEPS)[number];

/** The fields each step shows, validated before the next step opens (files are checked as they are picked). */
export const STEP_FIELDS: Record<TipStep, TipField[]> = {
  what: ['description'],
  when: ['occurredFrom', 'occurredTo'],
  where: ['place', 'latitude', 'longitude', 'accuracyM'],
  files: [],
  contact: ['contactName', 'contactPhone', 'contactEmail'],
  review: [],
};

export function stepOfField(field: string): TipStep | undefined {
  return TIP_STEPS.find((step) => (STEP_FIELDS[step] as string[]).includes(field));
}

/**
 * A `datetime-local` value as an ISO instant. The browser's time zone is the tipster's, so the local
 * reading is the right one. A value that is not a date is returned unchanged, for the validator to refuse.
 */
export function localToIso(value: string): string | undefined {
  if (!value.trim()) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** The current time as a `datetime-local` value, to the minute. */
export function nowAsLocalInput(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

const text = (value: string) => (value.trim() ? value.trim() : undefined);

export interface TipDestination {
  /** The appeal's slug, when the tip answers one. */
  appeal?: string;
  /** The police service's slug. */
  agency?: string;
  language?: PortalLanguage;
}

/** The API's fields for what the form holds; contact details only when the tipster chose to give them. */
export function toCreateTipDto(values: TipFormValues, destination: TipDestination = {}): CreateTipDto {
  const dto: Partial<Record<keyof CreateTipDto, string>> = {
    description: values.description,
    occurredFrom: localToIso(values.occurredFrom),
    occurredTo: localToIso(values.occurredTo),
    place: text(values.place),
    latitude: text(values.latitude),
    longitude: text(values.longitude),
    accuracyM: text(values.accuracyM),
    agency: destination.agency,
    appeal: destination.appeal,
    language: destination.language,
  };
  if (values.contactChoice === 'contact') {
    dto.contactName = text(values.contactName);
    dto.contactPhone = text(values.contactPhone);
    dto.contactEmail = text(values.contactEmail);
  }
  for (const key of Object.keys(dto) as (keyof CreateTipDto)[]) if (dto[key] === undefined) delete dto[key];
  // Numbers stay strings here, as multipart sends them; the DTO's @Transform reads them the same way.
  return dto as unknown as CreateTipDto;
}

/**
 * The multipart body of `POST /api/public/tips`: every field first, then the files. Files travel under a
 * neutral name: the API decides the type from the bytes, and a name like "IMG_Marie_birthday.jpg" is
 * nothing it should ever see.
 */
export function toTipFormData(dto: CreateTipDto, files: File[]): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(dto)) if (value !== undefined) body.append(name, String(value));
  files.forEach((file, index) => body.append('files', file, `file-${index + 1}`));
  return body;
}
