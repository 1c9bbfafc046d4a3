import { useQuery, useQueryClient } from '@tanstack/react-query';
// Before @vigie/common's DTOs (see reflect-metadata.ts).
import '../../reflect-metadata';
import { classValidatorResolver } from '@hookform/resolvers/class-validator';
import {
  CreateAgencyDto,
  CreatePlatformAdminDto,
  type PlatformAgencyView,
  type StaffInvitationResult,
} from '@vigie/common';
import { useState } from 'react';
import { useForm, type FieldError, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import {
  createAgency,
  fetchPlatformAgencies,
  inviteAgencyAdmin,
  PLATFORM_AGENCIES_KEY,
} from '../api/admin.api';
import { fieldMessage, placeApiFieldErrors, type FieldMessages } from '../api/form-errors';

/** Every agency of the deployment (the platform operator's view: names and admins, never their records). */
export function usePlatformAgencies() {
  return useQuery({
    queryKey: PLATFORM_AGENCIES_KEY,
    queryFn: ({ signal }) => fetchPlatformAgencies(signal),
  });
}

export interface NewAgencyValues {
  name: string;
  slug: string;
  timeZone: string;
}

type AgencyField = keyof NewAgencyValues;
const AGENCY_FIELDS: readonly AgencyField[] = ['name', 'slug', 'timeZone'];
const AGENCY_MESSAGES: FieldMessages<AgencyField> = {
  name: { default: 'desk.platform.errors.name' },
  slug: { default: 'desk.platform.errors.slug', taken: 'desk.platform.errors.slugTaken' },
  timeZone: { default: 'desk.platform.errors.timeZone' },
};

// The API's own CreateAgencyDto: the form says what the API would refuse, before sending.
const agencyResolver: Resolver<NewAgencyValues> = classValidatorResolver(CreateAgencyDto);

/** Creates an agency; SLUG_TAKEN means the short name is already another agency's. */
export function useCreateAgencyForm(onCreated: (agency: PlatformAgencyView) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<NewAgencyValues>({
    resolver: agencyResolver,
    defaultValues: { name: '', slug: '', timeZone: '' },
  });
  const { setError } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    try {
      const agency = await createAgency(values);
      queryClient.setQueryData<PlatformAgencyView[]>(PLATFORM_AGENCIES_KEY, (list) => [
        ...(list ?? []),
        agency,
      ]);
      form.reset();
      onCreated(agency);
    } catch (error) {
      if (ApiError.isApiError(error) && error.code === 'SLUG_TAKEN') {
        setError('slug', { type: 'taken' }, { shouldFocus: true });
        return;
      }
      if (ApiError.isApiError(error) && error.code === 'BAD_TIME_ZONE') {
        setError('timeZone', { type: 'server' }, { shouldFocus: true });
        return;
      }
      if (!placeApiFieldErrors(error, AGENCY_FIELDS, setError)) setSubmitError(error);
    }
  });

  return {
    form,
    onSubmit,
    fieldError: (name: AgencyField) =>
      fieldMessage(t, AGENCY_MESSAGES, name, form.formState.errors[name] as FieldError | undefined),
    submitError: submitError ? deskErrorMessage(t, submitError) : undefined,
    isSubmitting: form.formState.isSubmitting,
  };
}

export interface AgencyAdminValues {
  email: string;
  name: string;
}

type AdminField = keyof AgencyAdminValues;
const ADMIN_FIELDS: readonly AdminField[] = ['email', 'name'];
const ADMIN_MESSAGES: FieldMessages<AdminField> = {
  email: { default: 'desk.admin.invite.errors.email', taken: 'desk.platform.errors.emailTaken' },
  name: { default: 'desk.admin.invite.errors.name', maxLength: 'desk.admin.invite.errors.nameTooLong' },
};

// The API's own CreatePlatformAdminDto.
const adminResolver: Resolver<AgencyAdminValues> = classValidatorResolver(CreatePlatformAdminDto);

/** Invites an administrator into an agency (its first one, usually); the link is shown once if not e-mailed. */
export function useAgencyAdminForm(agencyId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [invitation, setInvitation] = useState<StaffInvitationResult | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<AgencyAdminValues>({
    resolver: adminResolver,
    defaultValues: { email: '', name: '' },
  });
  const { setError } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    setInvitation(null);
    try {
      setInvitation(await inviteAgencyAdmin(agencyId, values));
      form.reset();
      void queryClient.invalidateQueries({ queryKey: PLATFORM_AGENCIES_KEY });
    } catch (error) {
      if (ApiError.isApiError(error) && error.code === 'EMAIL_TAKEN') {
        setError('email', { type: 'taken' }, { shouldFocus: true });
        return;
      }
      if (!placeApiFieldErrors(error, ADMIN_FIELDS, setError)) setSubmitError(error);
    }
  });

  return {
    form,
    onSubmit,
    invitation,
    fieldError: (name: AdminField) =>
      fieldMessage(t, ADMIN_MESSAGES, name, form.formState.errors[name] as FieldError | undefined),
    submitError: submitError ? deskErrorMessage(t, submitError) : undefined,
    isSubmitting: form.formState.isSubmitting,
  };
}
