// Before @vigie/common's DTOs (see reflect-metadata.ts).
import '../../reflect-metadata';
import { classValidatorResolver } from '@hookform/resolvers/class-validator';
import { useQuery } from '@tanstack/react-query';
import { ActivateAccountDto, LIMITS } from '@vigie/common';
import { useState } from 'react';
import { useForm, type FieldError, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { activateAccount, activationKey, fetchActivation, startTotpEnrolment } from '../api/admin.api';
import { fieldMessage, type FieldMessages } from '../api/form-errors';

export interface ActivationValues {
  password: string;
  /** Typed a second time: a password nobody can type twice the same is one nobody can sign in with. */
  confirm: string;
  totpCode: string;
}

type ActivationField = keyof ActivationValues;

const MESSAGES: FieldMessages<ActivationField> = {
  password: {
    default: 'desk.activate.errors.passwordTooShort',
    maxLength: 'desk.activate.errors.passwordTooLong',
    common: 'desk.activate.errors.passwordTooCommon',
    refused: 'desk.activate.errors.passwordRefused',
    pattern: 'desk.activate.errors.passwordPattern',
    personal: 'desk.activate.errors.passwordPersonal',
  },
  confirm: { default: 'desk.activate.errors.confirmMismatch' },
  totpCode: {
    default: 'desk.activate.errors.totpFormat',
    invalid: 'desk.activate.errors.totpInvalid',
  },
};

/** Whether a link can no longer be used: unknown (404), used or expired (410). */
export const isDeadLink = (error: unknown) =>
  ApiError.isApiError(error) && (error.statusCode === 404 || error.statusCode === 410);

// The API's own ActivateAccountDto checks the password's length and the code's form.
const dtoResolver = classValidatorResolver(ActivateAccountDto) as unknown as Resolver<ActivationValues>;

/** The DTO's checks, then what only the page knows: both passwords alike, and a code when TOTP is part of it. */
function activationResolver(totpRequired: boolean): Resolver<ActivationValues> {
  return async (values, context, options) => {
    // An empty code is no code (the DTO's is optional), not a malformed one.
    const sent = { ...values, totpCode: values.totpCode.trim() || undefined } as unknown as ActivationValues;
    const result = await dtoResolver(sent, context, options);
    const errors: FieldErrors<ActivationValues> = { ...result.errors };
    if (!errors.password && values.confirm !== values.password) errors.confirm = { type: 'mismatch' };
    if (totpRequired && !errors.totpCode && !/^\d{6}$/.test(values.totpCode.trim())) {
      errors.totpCode = { type: 'matches' };
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}

/** The link's facts (who, which agency, whether TOTP is part of it): public, so no session is needed. */
export function useActivation(token: string) {
  return useQuery({
    queryKey: activationKey(token),
    queryFn: ({ signal }) => fetchActivation(token, signal),
    staleTime: Infinity,
  });
}

/**
 * The secret to enrol, fetched once per page (the API keeps the latest one it handed out for this link;
 * asking again after a reload gives a new secret and a new QR code, which is fine before activation).
 */
export function useTotpEnrolment(token: string, enabled: boolean) {
  return useQuery({
    queryKey: [...activationKey(token), 'totp'],
    queryFn: () => startTotpEnrolment(token),
    enabled,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnMount: false,
    retry: false,
  });
}

/** Choosing a password (and confirming a first TOTP code): 204 means the account is ready. */
export function useActivationForm(token: string, totpRequired: boolean) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const [deadLink, setDeadLink] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<ActivationValues>({
    resolver: activationResolver(totpRequired),
    defaultValues: { password: '', confirm: '', totpCode: '' },
  });
  const { setError } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    try {
      const code = values.totpCode.trim();
      await activateAccount(token, {
        password: values.password,
        ...(totpRequired ? { totpCode: code } : {}),
      });
      setDone(true);
    } catch (error) {
      if (isDeadLink(error)) {
        setDeadLink(true);
        return;
      }
      if (ApiError.isApiError(error)) {
        const place = passwordOrCodeError(error);
        if (place) {
          setError(place.field, { type: place.type }, { shouldFocus: true });
          return;
        }
      }
      setSubmitError(error);
    }
  });

  return {
    form,
    onSubmit,
    done,
    deadLink,
    fieldError: (name: ActivationField) =>
      fieldMessage(t, MESSAGES, name, form.formState.errors[name] as FieldError | undefined, {
        min: LIMITS.staffPasswordMinLength,
      }),
    submitError: submitError ? deskErrorMessage(t, submitError) : undefined,
    isSubmitting: form.formState.isSubmitting,
  };
}

/**
 * Why the API refused a password (WEAK_PASSWORD carries its reason in English under `errors.password`):
 * the page says the same in the reader's language. Unknown wording still lands on the field.
 */
const PASSWORD_REASONS: [RegExp, string][] = [
  [/at least/i, 'minLength'],
  [/guessed|leaked|common/i, 'common'],
  [/repeated|sequential/i, 'pattern'],
  [/name|e-mail/i, 'personal'],
];

/** Where a refusal of the API belongs: the password (too short, too common…) or the code (wrong). */
function passwordOrCodeError(error: ApiError): { field: ActivationField; type: string } | null {
  if (error.code === 'TOTP_INVALID') return { field: 'totpCode', type: 'invalid' };
  const fields = error.errors ?? {};
  if (fields.password) {
    const reason = PASSWORD_REASONS.find(([pattern]) => pattern.test(fields.password));
    return { field: 'password', type: reason?.[1] ?? 'refused' };
  }
  if (error.code === 'WEAK_PASSWORD') return { field: 'password', type: 'refused' };
  if (fields.totpCode) return { field: 'totpCode', type: 'matches' };
  return null;
}
