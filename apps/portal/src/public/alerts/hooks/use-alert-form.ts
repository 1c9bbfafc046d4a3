import {
  ALERT_KINDS,
  ALERT_LIMITS,
  AlertAreaType,
  type AlertSubscriptionDto,
  type AppealKind,
  Locale,
} from '@vigie/common';
import { useForm } from 'react-hook-form';

/** The form's fields as the inputs hold them (numbers are typed as text, then read). */
export interface AlertFormValues {
  agency: string;
  kinds: AppealKind[];
  area: AlertAreaType;
  latitude: string;
  longitude: string;
  radiusKm: string;
  language: Locale;
  email: string;
}

const number = (value: string) => Number(value.trim().replace(',', '.'));

/** The choices every subscription carries, as the API takes them. */
export function subscriptionChoices(values: AlertFormValues): AlertSubscriptionDto {
  return {
    agency: values.agency,
    kinds: values.kinds,
    language: values.language,
    area:
      values.area === AlertAreaType.RADIUS
        ? {
            type: AlertAreaType.RADIUS,
            latitude: number(values.latitude),
            longitude: number(values.longitude),
            radiusKm: number(values.radiusKm),
          }
        : { type: AlertAreaType.REGION },
  };
}

/** Checks a coordinate or radius only when a circle is chosen; the message keys are the page's own. */
const inRange = (min: number, max: number) => (value: string, all: AlertFormValues) => {
  if (all.area !== AlertAreaType.RADIUS) return true;
  const n = number(value);
  return (value.trim() !== '' && Number.isFinite(n) && n >= min && n <= max) || 'alerts.area.invalid';
};

/** The subscription form: react-hook-form with the rules the API applies again. */
export function useAlertForm(language: Locale) {
  return useForm<AlertFormValues>({
    defaultValues: {
      agency: '',
      kinds: [...ALERT_KINDS],
      area: AlertAreaType.REGION,
      latitude: '',
      longitude: '',
      radiusKm: '10',
      language,
      email: '',
    },
  });
}

export const ALERT_RULES = {
  kinds: { validate: (kinds: AppealKind[]) => kinds.length > 0 || 'alerts.kinds.required' },
  latitude: { validate: inRange(-90, 90) },
  longitude: { validate: inRange(-180, 180) },
  radiusKm: { validate: inRange(ALERT_LIMITS.radiusKmMin, ALERT_LIMITS.radiusKmMax) },
} as const;
