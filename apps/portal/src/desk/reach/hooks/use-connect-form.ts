// Before @vigie/common's DTOs (see reflect-metadata.ts).
import '../../reflect-metadata';
import { classValidatorResolver } from '@hookform/resolvers/class-validator';
import { ConnectSocialAccountDto, type SocialAccountView, type SocialNetwork } from '@vigie/common';
import { useState } from 'react';
import { useForm, type FieldError, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { fieldMessage, placeApiFieldErrors, type FieldMessages } from '../../admin/api/form-errors';
import { connectSocialAccount } from '../api/reach.api';
import type { ConnectField } from '../api/network-forms';
import { useRememberAccount } from './use-social-accounts';

export interface ConnectValues {
  network: SocialNetwork;
  serviceUrl: string;
  handle: string;
  accountId: string;
  secret: string;
  refreshToken: string;
  clientId: string;
}

const FIELDS: readonly ConnectField[] = [
  'serviceUrl',
  'handle',
  'accountId',
  'secret',
  'refreshToken',
  'clientId',
];

const MESSAGES: FieldMessages<ConnectField> = {
  serviceUrl: {
    default: 'desk.reach.connect.errors.serviceUrl',
    // The API's own check: https, and not a loopback or private address.
    server: 'desk.reach.connect.errors.serviceUrlRefused',
    maxLength: 'desk.reach.connect.errors.tooLong',
  },
  handle: { default: 'desk.reach.connect.errors.handle', maxLength: 'desk.reach.connect.errors.tooLong' },
  accountId: { default: 'desk.reach.connect.errors.tooLong' },
  secret: { default: 'desk.reach.connect.errors.secret', maxLength: 'desk.reach.connect.errors.tooLong' },
  // The API wants both or neither.
  refreshToken: { default: 'desk.reach.connect.errors.pair', maxLength: 'desk.reach.connect.errors.tooLong' },
  clientId: { default: 'desk.reach.connect.errors.pair', maxLength: 'desk.reach.connect.errors.tooLong' },
};

// The API's own DTO: the form says what the API would refuse, before sending anything. An optional
// field left empty is not sent, so it is not checked either (the DTO wants it absent, not '').
const dtoResolver = classValidatorResolver(ConnectSocialAccountDto) as unknown as Resolver<ConnectValues>;
const connectResolver: Resolver<ConnectValues> = (values, context, options) =>
  dtoResolver(withoutEmpty(values) as ConnectValues, context, options);

const OPTIONAL = ['accountId', 'refreshToken', 'clientId'] as const;

function withoutEmpty(values: ConnectValues): Partial<ConnectValues> {
  return Object.fromEntries(
    Object.entries(values).filter(
      ([name, value]) =>
        !(OPTIONAL as readonly string[]).includes(name) || (typeof value === 'string' && value.trim() !== ''),
    ),
  );
}

/**
 * Connects one network's account. The API signs in with the credentials before keeping them, so a
 * refusal (422) or a server that does not answer (502) comes back now, said above the form's button.
 * Once connected, the network's form leaves the page: `onConnected` lets the page say so.
 */
export function useConnectForm(
  network: SocialNetwork,
  serviceUrl: string,
  onConnected: (account: SocialAccountView) => void,
) {
  const { t } = useTranslation();
  const remember = useRememberAccount();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useForm<ConnectValues>({
    resolver: connectResolver,
    defaultValues: {
      network,
      serviceUrl,
      handle: '',
      accountId: '',
      secret: '',
      refreshToken: '',
      clientId: '',
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setSubmitError(null);
    // What is left empty is left out: the API takes an optional field only when it is given.
    const { network, serviceUrl, handle, secret, ...optional } = withoutEmpty(values);
    try {
      const account = await connectSocialAccount({
        network: network ?? values.network,
        serviceUrl: serviceUrl ?? '',
        handle: handle ?? '',
        secret: secret ?? '',
        ...optional,
      });
      remember(account);
      onConnected(account);
    } catch (error) {
      if (!placeApiFieldErrors(error, FIELDS, form.setError)) setSubmitError(error);
    }
  });

  return {
    form,
    onSubmit,
    fieldError: (name: ConnectField) =>
      fieldMessage(t, MESSAGES, name, form.formState.errors[name] as FieldError | undefined),
    submitError: submitError ? deskErrorMessage(t, submitError) : undefined,
    isSubmitting: form.formState.isSubmitting,
  };
}
