import { classValidatorResolver } from '@hookform/resolvers/class-validator';
import { useQueryClient } from '@tanstack/react-query';
import { LoginDto, type StaffProfile } from '@vigie/common';
import type { ParseKeys } from 'i18next';
import { useEffect, useState } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/api-error';
import { apiErrorMessage } from '../../shared/i18n/api-error-message';
import { signIn, STAFF_PROFILE_KEY } from '../api/auth.api';

type SignInField = 'email' | 'password' | 'totp';

const FIELDS: readonly SignInField[] = ['email', 'password', 'totp'];

/**
 * The LoginDto's messages are English; the portal shows its own, keyed by the failing constraint
 * (react-hook-form's error type is class-validator's constraint name, or 'server' for the API's map).
 */
const MESSAGES: Record<SignInField, Record<string, ParseKeys>> = {
  email: { default: 'signIn.errors.emailInvalid' },
  password: { maxLength: 'signIn.errors.passwordTooLong', default: 'signIn.errors.passwordRequired' },
  totp: { default: 'signIn.errors.totpFormat' },
};

function isSignInField(name: string): name is SignInField {
  return (FIELDS as readonly string[]).includes(name);
}

/**
 * Staff sign-in: validates with the API's own LoginDto, then posts it. An account with two-factor
 * authentication answers 401 TOTP_REQUIRED first; the form then asks for the code and sends everything again.
 */
export function useSignInForm(onSignedIn: (profile: StaffProfile) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [totpRequired, setTotpRequired] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<LoginDto>({
    resolver: classValidatorResolver(LoginDto),
    defaultValues: { email: '', password: '' },
  });
  const { setError, setFocus } = form;

  useEffect(() => {
    if (totpRequired) setFocus('totp');
  }, [totpRequired, setFocus]);

  const onSubmit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    try {
      const profile = await signIn(values);
      queryClient.setQueryData(STAFF_PROFILE_KEY, profile);
      onSignedIn(profile);
    } catch (error) {
      if (ApiError.isApiError(error) && error.code === 'TOTP_REQUIRED') {
        setTotpRequired(true);
        return;
      }
      const fieldErrors = ApiError.isApiError(error) ? Object.entries(error.errors ?? {}) : [];
      const known = fieldErrors.filter(([name]) => isSignInField(name));
      known.forEach(([name, message], index) =>
        setError(name as SignInField, { type: 'server', message }, { shouldFocus: index === 0 }),
      );
      if (known.length === 0) setSubmitError(error);
    }
  });

  /** The translated message for a field, or undefined when it is valid. */
  const fieldError = (name: SignInField): string | undefined => {
    const error: FieldError | undefined = form.formState.errors[name];
    if (!error) return undefined;
    // The API validates with the same DTO, so its (English) field messages say the same thing as ours.
    return t(MESSAGES[name][String(error.type)] ?? MESSAGES[name].default);
  };

  return {
    form,
    totpRequired,
    onSubmit,
    fieldError,
    submitError: submitError ? apiErrorMessage(t, submitError) : undefined,
    isSubmitting: form.formState.isSubmitting,
  };
}
