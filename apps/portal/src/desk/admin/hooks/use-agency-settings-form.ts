// Before @vigie/common's DTOs (see reflect-metadata.ts).
import '../../reflect-metadata';
import { classValidatorResolver } from '@hookform/resolvers/class-validator';
import { UpdateAgencySettingsDto, type AgencySettingsView, type Locale } from '@vigie/common';
import { useState } from 'react';
import { useForm, type FieldError, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { saveAgencySettings } from '../api/admin.api';
import { fieldMessage, placeApiFieldErrors, type FieldMessages } from '../api/form-errors';

export interface AgencySettingsValues {
  name: string;
  /** Empty removes the number (the DTO's transform makes it null). */
  publicPhone: string | null;
  /** The number text-message tips go to, E.164; empty for none. */
  smsNumber: string | null;
  timeZone: string;
  languages: Locale[];
  requireTotp: boolean;
}

type SettingsField = keyof AgencySettingsValues;
const FIELDS: readonly SettingsField[] = [
  'name',
  'publicPhone',
  'smsNumber',
  'timeZone',
  'languages',
  'requireTotp',
];

const MESSAGES: FieldMessages<SettingsField> = {
  name: { default: 'desk.admin.agency.errors.name' },
  publicPhone: { default: 'desk.admin.agency.errors.publicPhone' },
  smsNumber: {
    default: 'desk.admin.agency.errors.smsNumber',
    server: 'desk.admin.agency.errors.smsNumberTaken',
  },
  timeZone: { default: 'desk.admin.agency.errors.timeZone' },
  languages: { default: 'desk.admin.agency.errors.languages' },
  requireTotp: { default: 'desk.admin.agency.errors.requireTotp' },
};

// The API's own UpdateAgencySettingsDto: the form says what the API would refuse, before sending.
const settingsResolver = classValidatorResolver(
  UpdateAgencySettingsDto,
) as unknown as Resolver<AgencySettingsValues>;

export const toSettingsValues = (view: AgencySettingsView): AgencySettingsValues => ({
  name: view.name,
  publicPhone: view.publicPhone ?? '',
  smsNumber: view.smsNumber ?? '',
  timeZone: view.timeZone,
  languages: view.languages,
  requireTotp: view.requireTotp,
});

/**
 * The agency's settings, started from what is saved; a save sends every field (PATCH) and the form then
 * shows what the API kept. The API's field errors go beside their fields.
 */
export function useAgencySettingsForm(
  settings: AgencySettingsView,
  onSaved: (view: AgencySettingsView) => void,
) {
  const { t } = useTranslation();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<AgencySettingsValues>({
    resolver: settingsResolver,
    defaultValues: toSettingsValues(settings),
  });
  const { setError } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    setSaved(false);
    try {
      const view = await saveAgencySettings({
        name: values.name.trim(),
        publicPhone: values.publicPhone?.trim() || null,
        smsNumber: values.smsNumber?.trim() || null,
        timeZone: values.timeZone,
        languages: values.languages,
        requireTotp: values.requireTotp,
      });
      form.reset(toSettingsValues(view));
      onSaved(view);
      setSaved(true);
    } catch (error) {
      // A zone this browser lists but the server's ICU does not know.
      if (ApiError.isApiError(error) && error.code === 'BAD_TIME_ZONE') {
        setError('timeZone', { type: 'server' }, { shouldFocus: true });
        return;
      }
      if (!placeApiFieldErrors(error, FIELDS, setError)) setSubmitError(error);
    }
  });

  return {
    form,
    onSubmit,
    saved,
    fieldError: (name: SettingsField) =>
      fieldMessage(t, MESSAGES, name, form.formState.errors[name] as FieldError | undefined),
    submitError: submitError ? deskErrorMessage(t, submitError) : undefined,
    isSubmitting: form.formState.isSubmitting,
  };
}
