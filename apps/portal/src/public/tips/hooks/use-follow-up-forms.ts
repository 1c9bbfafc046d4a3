import {
  TIP_LIMITS,
  TIP_PATTERNS,
  type FollowUpMessageDto,
  type FollowUpSignInDto,
  type FollowUpSession,
  type FollowUpView,
} from '@vigie/common';
import type { ParseKeys } from 'i18next';
import { useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error';
import { apiErrorMessage } from '../../../shared/i18n/api-error-message';
import { textLength } from '../api/text-length';
import { postFollowUpMessage, signInToFollowUp } from '../api/tips.api';

/**
 * A code as people type it (any case, with or without the dash or spaces) in its printed form
 * "K7QM-2XH9", as the API reads it; null when it cannot be a code.
 */
export function normalizeTipCode(input: string): string | null {
  const bare = input.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z2-9]{8}$/.test(bare) ? `${bare.slice(0, 4)}-${bare.slice(4)}` : null;
}

/**
 * The checks of the API's FollowUpSignInDto (same limits, from libs/common; the DTO itself and
 * class-validator stay on the server, see tip-validation.ts), plus what it leaves to the API: the code's
 * shape, a password.
 */
export const signInResolver: Resolver<FollowUpSignInDto> = (values) => {
  const errors: FieldErrors<FollowUpSignInDto> = {};
  if (textLength(values.code) > TIP_LIMITS.tipCodeMax)
    errors.code = { type: 'maxLength', message: 'Too long' };
  else if (!normalizeTipCode(values.code)) errors.code = { type: 'format', message: 'Not a tip code' };
  if (textLength(values.password) > TIP_LIMITS.passwordMax)
    errors.password = { type: 'maxLength', message: 'Too long' };
  else if (!values.password.trim()) errors.password = { type: 'required', message: 'Enter the password' };
  return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
};

/** What a failed sign-in tells the tipster (the API's codes, in their language). */
function signInErrorKey(error: unknown): ParseKeys | null {
  if (!ApiError.isApiError(error)) return null;
  if (error.code === 'BAD_CREDENTIALS') return 'followUp.errors.badCredentials';
  if (error.code === 'LOCKED') return 'followUp.errors.locked';
  return null;
}

/** Sign-in with the code and password from the receipt (react-hook-form, checked as the API's DTO does). */
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

/** The checks of the API's FollowUpMessageDto: some text, within the limit. */
export const messageResolver: Resolver<FollowUpMessageDto> = (values) => {
  const errors: FieldErrors<FollowUpMessageDto> = {};
  if (!TIP_PATTERNS.someText.test(values.body)) errors.body = { type: 'matches', message: 'Write a message' };
  else if (textLength(values.body) > TIP_LIMITS.messageMax)
    errors.body = { type: 'maxLength', message: 'Too long' };
  return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
};

/** A reply to the investigators, checked as the API's FollowUpMessageDto does. */
export function useFollowUpReplyForm(
  token: string,
  onSent: (view: FollowUpView) => void,
  onExpired: () => void,
) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const form = useForm<FollowUpMessageDto>({ resolver: messageResolver, defaultValues: { body: '' } });

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
  return {
    form,
    onSubmit,
    failure,
    sent,
    bodyError: bodyError
      ? bodyError.type === 'maxLength'
        ? t('followUp.errors.messageTooLong', { limit: TIP_LIMITS.messageMax })
        : t('followUp.errors.messageRequired')
      : undefined,
    isSubmitting: form.formState.isSubmitting,
  };
}
