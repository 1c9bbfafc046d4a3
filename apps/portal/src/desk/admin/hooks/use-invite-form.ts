// Before @vigie/common's DTOs (see reflect-metadata.ts).
import '../../reflect-metadata';
import { classValidatorResolver } from '@hookform/resolvers/class-validator';
import { InviteStaffDto, type StaffInvitationResult, type StaffRole } from '@vigie/common';
import { useState } from 'react';
import { useForm, type FieldError, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { inviteStaff } from '../api/admin.api';
import { fieldMessage, placeApiFieldErrors, type FieldMessages } from '../api/form-errors';
import { useRememberMember } from './use-staff';

export interface InviteValues {
  email: string;
  name: string;
  roles: StaffRole[];
}

type InviteField = keyof InviteValues;
const FIELDS: readonly InviteField[] = ['email', 'name', 'roles'];

const MESSAGES: FieldMessages<InviteField> = {
  email: { default: 'desk.admin.invite.errors.email', taken: 'desk.admin.invite.errors.emailTaken' },
  name: { default: 'desk.admin.invite.errors.name', maxLength: 'desk.admin.invite.errors.nameTooLong' },
  roles: { default: 'desk.admin.invite.errors.roles' },
};

// The API's own InviteStaffDto: the form says what the API would refuse, before sending.
const inviteResolver: Resolver<InviteValues> = classValidatorResolver(InviteStaffDto);

/**
 * Invites a person into the agency. The answer carries the one-time activation link when no e-mail could
 * carry it: kept here to be shown once, then dropped when the admin invites the next person.
 */
export function useInviteForm() {
  const { t } = useTranslation();
  const remember = useRememberMember();
  const [invitation, setInvitation] = useState<StaffInvitationResult | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<InviteValues>({
    resolver: inviteResolver,
    defaultValues: { email: '', name: '', roles: [] },
  });
  const { setError } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    setInvitation(null);
    try {
      const result = await inviteStaff(values);
      remember(result.member);
      setInvitation(result);
      form.reset();
    } catch (error) {
      // Someone (in this agency or another) already has an account with this address.
      if (ApiError.isApiError(error) && error.code === 'EMAIL_TAKEN') {
        setError('email', { type: 'taken' }, { shouldFocus: true });
        return;
      }
      if (!placeApiFieldErrors(error, FIELDS, setError)) setSubmitError(error);
    }
  });

  return {
    form,
    onSubmit,
    invitation,
    fieldError: (name: InviteField) =>
      fieldMessage(t, MESSAGES, name, form.formState.errors[name] as FieldError | undefined),
    submitError: submitError ? deskErrorMessage(t, submitError) : undefined,
    isSubmitting: form.formState.isSubmitting,
  };
}
