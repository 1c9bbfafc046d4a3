import { classValidatorResolver } from '@hookform/resolvers/class-validator';
import {
  FollowUpMessageDto,
  FollowUpSignInDto,
  type FollowUpSession,
  type FollowUpView,
} from '@vigie/common';
import type { ParseKeys } from 'i18next';
import { useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error';
import { apiErrorMessage } from '../../../shared/i18n/api-error-message';
import { postFollowUpMessage, signInToFollowUp } from '../api/tips.api';

/**
 * A code as people type it (any case, with or without the dash or spaces) in its printed form
 * "K7QM-2XH9", as the API reads it; null when it cannot be a code.
 */
export function normalizeTipCode(input: string): string | null {
  const bare = input.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z2-9]{8}$/.test(bare) ? `${bare.slice(0, 4)}-${bare.slice(4)}` : null;
}

const validateSignIn = classValidatorResolver(FollowUpSignInDto);

/** The shared FollowUpSignInDto (the API's own), plus what it leaves to the API: the code's shape, a password. */
export const signInResolver: Resolver<FollowUpSignInDto> = async (values, context, options) => {
  const result = await validateSignIn(values, context, options);
  const errors: FieldErrors<FollowUpSignInDto> = { ...result.errors };
  if (!errors.code && !normalizeTipCode(values.code))
    errors.code = { type: 'format', message: 'Not a tip code' };
  if (!errors.password && !values.password.trim())
    errors.password = { type: 'required', message: 'Enter the password' };
  return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
};

/** What a failed sign-in tells the tipster (the API's codes, in their language). */
function signInErrorKey(error: unknown): ParseKeys | null {
  if (!ApiError.isApiError(error)) return null;
  if (error.code === 'BAD_CREDENTIALS') return 'followUp.errors.badCredentials';
  if (error.code === 'LOCKED') return 'followUp.errors.locked';
  return null;
}

/** Sign-in with the code and password from the receipt (react-hook-form, validated with the shared DTO). */
export function useFollowUpSignInForm(onSignedIn: (code: string, session: FollowUpSession) => void) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<FollowUpSignInDto>({
    resolver: signInResolver,
    defaultValues: { code: '', password: '' },
  });

  const onSubmit = form.handleSubmit(async ({ code, password }) => {
    setFailure(null);
    try {
      const canonical = normalizeTipCode(code) ?? code;
      onSignedIn(canonical, await signInToFollowUp(canonical, password));
    } catch (error) {
      const key = signInErrorKey(error);
      setFailure(key ? t(key) : apiErrorMessage(t, error));
    }
  });

  const errors = form.formState.errors;
  return {
    form,
    onSubmit,
    failure,
    codeError: errors.code ? t('followUp.errors.codeFormat') : undefined,
    passwordError: errors.password ? t('followUp.errors.passwordRequired') : undefined,
    isSubmitting: form.formState.isSubmitting,
  };
}

const validateMessage = classValidatorResolver(FollowUpMessageDto);

/** "… shorter than or equal to 5000 characters": the limit class-validator names. */
const lengthLimit = (message?: string) => /equal to (\d+) characters/.exec(message ?? '')?.[1];

/** A reply to the investigators, validated with the shared FollowUpMessageDto. */
export function useFollowUpReplyForm(
  token: string,
  onSent: (view: FollowUpView) => void,
  onExpired: () => void,
) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const form = useForm<FollowUpMessageDto>({ resolver: validateMessage, defaultValues: { body: '' } });

  const onSubmit = form.handleSubmit(async ({ body }) => {
    setFailure(null);
    setSent(false);
    try {
      onSent(await postFollowUpMessage(token, body));
      form.reset({ body: '' });
      setSent(true);
    } catch (error) {
      if (ApiError.isApiError(error) && error.statusCode === 401) onExpired();
      else if (ApiError.isApiError(error) && error.code === 'TIP_CLOSED')
        setFailure(t('followUp.errors.closed'));
      else setFailure(apiErrorMessage(t, error));
    }
  });

  const bodyError = form.formState.errors.body;
  const limit = lengthLimit(bodyError?.message);
  return {
    form,
    onSubmit,
    failure,
    sent,
    bodyError: bodyError
      ? limit
        ? t('followUp.errors.messageTooLong', { limit })
        : t('followUp.errors.messageRequired')
      : undefined,
    isSubmitting: form.formState.isSubmitting,
  };
}
