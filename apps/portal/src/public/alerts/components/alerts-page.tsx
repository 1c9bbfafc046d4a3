import { ALERT_KINDS, AlertAreaType, AlertSetup, Locale, PublicAgencyEntry } from '@vigie/common';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../shared/components/form-fields';
import { Notice } from '../../../shared/components/notice';
import { TextField } from '../../../shared/components/text-field';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { apiErrorMessage } from '../../../shared/i18n/api-error-message';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { alertsApi } from '../api/alerts.api';
import { useAlertsCatalogue } from '../hooks/alerts-catalogue';
import {
  ALERT_RULES,
  subscriptionChoices,
  useAlertForm,
  type AlertFormValues,
} from '../hooks/use-alert-form';
import { usePushSubscription } from '../hooks/use-push-subscription';
import './alerts-page.css';

/**
 * Subscribing to an agency's appeals without an account: the choices (service, kinds, area,
 * language) once, then notifications on this device (Web Push, needs the service worker) or
 * e-mail (a confirmation link first). Without JavaScript, the server's page does e-mail alone.
 */
export function AlertsPage() {
  useAlertsCatalogue();
  const { t } = useTranslation();
  useDocumentTitle(t('alerts.title'));
  const lang = usePortalLanguage();
  const [setup, setSetup] = useState<{ setup: AlertSetup; agencies: PublicAgencyEntry[] } | 'failed'>();
  const form = useAlertForm(lang === 'en' ? Locale.EN : Locale.FR);
  const { register, handleSubmit, watch, setValue, formState } = form;
  const push = usePushSubscription(setup && setup !== 'failed' ? setup.setup.publicKey : undefined);
  const [emailSent, setEmailSent] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const area = watch('area');

  useEffect(() => {
    Promise.all([alertsApi.setup(), alertsApi.agencies()]).then(
      ([alertSetup, agencies]) => {
        setSetup({ setup: alertSetup, agencies });
        if (agencies[0]) setValue('agency', agencies[0].slug);
      },
      () => setSetup('failed'),
    );
  }, [setValue]);

  const error = (name: keyof AlertFormValues) => {
    const message = formState.errors[name]?.message;
    return message ? t(message as 'alerts.area.invalid') : undefined;
  };

  const subscribeEmail = handleSubmit(async (values) => {
    setProblem(undefined);
    if (!values.email.trim()) return form.setError('email', { message: 'alerts.email.required' });
    try {
      await alertsApi.subscribeEmail({ ...subscriptionChoices(values), email: values.email.trim() });
      setEmailSent(true);
    } catch (err) {
      setProblem(apiErrorMessage(t, err));
    }
  });
  const subscribePush = handleSubmit((values) => push.subscribe(subscriptionChoices(values)));

  const useMyLocation = () => {
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setValue('latitude', coords.latitude.toFixed(4));
        setValue('longitude', coords.longitude.toFixed(4));
        setLocating('idle');
      },
      () => setLocating('failed'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  };

  if (setup === 'failed')
    return (
      <div className="container page-section">
        <Notice tone="error">{t('alerts.loadFailed')}</Notice>
      </div>
    );

  const agencies = setup?.agencies ?? [];
  return (
    <div className="container page-section alerts-page">
      <h1>{t('alerts.title')}</h1>
      <p className="alerts-page__intro">{t('alerts.intro')}</p>

      <form className="form alerts-page__form" noValidate onSubmit={subscribeEmail}>
        <h2 className="alerts-page__heading">{t('alerts.choices')}</h2>
        {agencies.length > 1 && (
          <SelectField label={t('alerts.agency')} {...register('agency', { required: true })}>
            {agencies.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </SelectField>
        )}

        <fieldset
          className={
            error('kinds')
              ? 'choice-group choice-group--stacked field--invalid'
              : 'choice-group choice-group--stacked'
          }
          aria-describedby={error('kinds') ? 'alert-kinds-error' : undefined}
        >
          <legend>{t('alerts.kinds.legend')}</legend>
          {error('kinds') && (
            <p className="field__error" id="alert-kinds-error" role="alert">
              {error('kinds')}
            </p>
          )}
          {ALERT_KINDS.map((kind) => (
            <label className="choice-group__option" key={kind}>
              <input type="checkbox" value={kind} {...register('kinds', ALERT_RULES.kinds)} />
              {t(`alerts.kinds.${kind}` as 'alerts.kinds.WANTED')}
            </label>
          ))}
        </fieldset>

        <fieldset className="choice-group choice-group--stacked" aria-describedby="alert-area-hint">
          <legend>{t('alerts.area.legend')}</legend>
          <p className="field__hint" id="alert-area-hint">
            {t('alerts.area.hint')}
          </p>
          {[AlertAreaType.REGION, AlertAreaType.RADIUS].map((type) => (
            <label className="choice-group__option" key={type}>
              <input type="radio" value={type} {...register('area')} />
              {t(`alerts.area.${type}` as 'alerts.area.REGION')}
            </label>
          ))}
        </fieldset>
        {area === AlertAreaType.RADIUS && (
          <div className="alerts-page__circle">
            <TextField
              label={t('alerts.area.latitude')}
              inputMode="decimal"
              error={error('latitude')}
              {...register('latitude', ALERT_RULES.latitude)}
            />
            <TextField
              label={t('alerts.area.longitude')}
              inputMode="decimal"
              error={error('longitude')}
              {...register('longitude', ALERT_RULES.longitude)}
            />
            <TextField
              label={t('alerts.area.radius')}
              inputMode="decimal"
              error={error('radiusKm')}
              {...register('radiusKm', ALERT_RULES.radiusKm)}
            />
            {'geolocation' in navigator && (
              <button
                type="button"
                className="button button--secondary"
                onClick={useMyLocation}
                disabled={locating === 'busy'}
              >
                {locating === 'busy' ? t('alerts.area.locating') : t('alerts.area.useLocation')}
              </button>
            )}
            {locating === 'failed' && <Notice tone="error">{t('alerts.area.locationFailed')}</Notice>}
          </div>
        )}

        <fieldset className="choice-group">
          <legend>{t('alerts.language')}</legend>
          {[Locale.FR, Locale.EN].map((l) => (
            <label className="choice-group__option" key={l} lang={l}>
              <input type="radio" value={l} {...register('language')} />
              {t(`language.${l}`)}
            </label>
          ))}
        </fieldset>

        <section className="alerts-page__channel" aria-labelledby="alerts-push-heading">
          <h2 id="alerts-push-heading" className="alerts-page__heading">
            {t('alerts.push.title')}
          </h2>
          <p>{t('alerts.push.text')}</p>
          {push.state === 'unsupported' && <Notice tone="info">{t('alerts.push.unsupported')}</Notice>}
          {push.state === 'denied' && <Notice tone="error">{t('alerts.push.denied')}</Notice>}
          {push.state === 'failed' && <Notice tone="error">{t('alerts.push.failed')}</Notice>}
          {push.state === 'on' && <Notice tone="success">{t('alerts.push.active')}</Notice>}
          <div className="alerts-page__actions">
            {push.state !== 'unsupported' && push.state !== 'denied' && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => void subscribePush()}
                disabled={!setup || push.state === 'working' || push.state === 'checking'}
              >
                {push.state === 'on' ? t('alerts.push.update') : t('alerts.push.subscribe')}
              </button>
            )}
            {push.state === 'on' && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void push.unsubscribe()}
              >
                {t('alerts.push.unsubscribe')}
              </button>
            )}
          </div>
        </section>

        <section className="alerts-page__channel" aria-labelledby="alerts-email-heading">
          <h2 id="alerts-email-heading" className="alerts-page__heading">
            {t('alerts.email.title')}
          </h2>
          {setup && !setup.setup.email ? (
            <p>{t('alerts.email.unavailable')}</p>
          ) : emailSent ? (
            <Notice tone="success">{t('alerts.email.sent')}</Notice>
          ) : (
            <>
              <TextField
                label={t('alerts.email.label')}
                hint={t('alerts.email.hint')}
                type="email"
                autoComplete="email"
                error={error('email')}
                {...register('email')}
              />
              {problem && <Notice tone="error">{problem}</Notice>}
              <div className="alerts-page__actions">
                <button
                  type="submit"
                  className="button button--primary"
                  disabled={!setup || formState.isSubmitting}
                >
                  {t('alerts.email.subscribe')}
                </button>
              </div>
            </>
          )}
        </section>
      </form>
      <p className="field__hint alerts-page__privacy">{t('alerts.privacy')}</p>
    </div>
  );
}
