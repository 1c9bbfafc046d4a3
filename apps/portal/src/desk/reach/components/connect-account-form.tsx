import type { SocialAccountView } from '@vigie/common';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { TextField } from '../../../shared/components/text-field';
import { NETWORK_FORMS } from '../api/network-forms';
import { useConnectForm } from '../hooks/use-connect-form';

type FormNetwork = keyof typeof NETWORK_FORMS;

/**
 * One network's connection form (Bluesky, X, Facebook): the server's address, already filled with the
 * network's usual one, the handle, and the app password or token the API signs in with.
 */
export function ConnectAccountForm({
  network,
  onConnected,
}: {
  network: FormNetwork;
  onConnected: (account: SocialAccountView) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { serviceUrl, fields } = NETWORK_FORMS[network];
  const { form, onSubmit, fieldError, submitError, isSubmitting } = useConnectForm(
    network,
    serviceUrl,
    onConnected,
  );
  const { register } = form;
  const name = t(`desk.reach.network.${network}`);
  const errorRef = useRef<HTMLDivElement>(null);
  // A refusal from the network is said and focused beside the button that caused it.
  useEffect(() => {
    if (submitError) errorRef.current?.focus();
  }, [submitError]);

  return (
    <section className="reach-connect" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="reach-connect__title">
        {name}
      </h4>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {fields.includes('serviceUrl') && (
          <TextField
            label={t('desk.reach.connect.serviceUrl')}
            hint={t(`desk.reach.connect.hints.${network}.serviceUrl`)}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            error={fieldError('serviceUrl')}
            {...register('serviceUrl')}
          />
        )}
        <TextField
          label={t(`desk.reach.connect.labels.${network}.handle`)}
          hint={t(`desk.reach.connect.hints.${network}.handle`)}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          error={fieldError('handle')}
          {...register('handle')}
        />
        {fields.includes('accountId') && (
          <TextField
            label={t('desk.reach.connect.labels.FACEBOOK.accountId')}
            hint={t('desk.reach.connect.hints.FACEBOOK.accountId')}
            autoComplete="off"
            inputMode="numeric"
            spellCheck={false}
            error={fieldError('accountId')}
            {...register('accountId')}
          />
        )}
        <TextField
          label={t(`desk.reach.connect.labels.${network}.secret`)}
          hint={t(`desk.reach.connect.hints.${network}.secret`)}
          type="password"
          autoComplete="off"
          spellCheck={false}
          error={fieldError('secret')}
          {...register('secret')}
        />
        {fields.includes('refreshToken') && (
          <TextField
            label={t('desk.reach.connect.labels.X.refreshToken')}
            hint={t('desk.reach.connect.hints.X.refreshToken')}
            type="password"
            autoComplete="off"
            spellCheck={false}
            error={fieldError('refreshToken')}
            {...register('refreshToken')}
          />
        )}
        {fields.includes('clientId') && (
          <TextField
            label={t('desk.reach.connect.labels.X.clientId')}
            hint={t('desk.reach.connect.hints.X.clientId')}
            autoComplete="off"
            spellCheck={false}
            error={fieldError('clientId')}
            {...register('clientId')}
          />
        )}
        <div ref={errorRef} tabIndex={-1} className="focus-target">
          {submitError && <Notice tone="error">{submitError}</Notice>}
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting
              ? t('desk.reach.connect.checking', { network: name })
              : t('desk.reach.connect.submit', { network: name })}
          </button>
        </div>
      </form>
    </section>
  );
}
