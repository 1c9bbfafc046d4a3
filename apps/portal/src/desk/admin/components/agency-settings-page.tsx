import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LOCALES, type AgencySettingsView } from '@vigie/common';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { TextField } from '../../../shared/components/text-field';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { STAFF_PROFILE_KEY } from '../../api/auth.api';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { AGENCY_SETTINGS_KEY, fetchAgencySettings } from '../api/admin.api';
import { useAgencySettingsForm } from '../hooks/use-agency-settings-form';
import { TimeZoneSelect } from './time-zone-select';
import './admin.css';

/** `/desk/settings/agency` (ADMIN): the police service's name, public phone, time zone, languages, TOTP. */
export function AgencySettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.admin.agency.heading'));
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: AGENCY_SETTINGS_KEY,
    queryFn: ({ signal }) => fetchAgencySettings(signal),
  });
  return (
    <section className="container page-section desk-page admin-page" aria-labelledby="agency-heading">
      <h2 id="agency-heading">{t('desk.admin.agency.heading')}</h2>
      {settings.isPending ? (
        <PageLoading />
      ) : settings.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, settings.error)}</p>
        </Notice>
      ) : (
        <AgencySettingsForm
          settings={settings.data}
          onSaved={(view) => {
            queryClient.setQueryData(AGENCY_SETTINGS_KEY, view);
            // The staff bar names the agency, and the profile says whether TOTP is required.
            void queryClient.invalidateQueries({ queryKey: STAFF_PROFILE_KEY });
          }}
        />
      )}
    </section>
  );
}

function AgencySettingsForm({
  settings,
  onSaved,
}: {
  settings: AgencySettingsView;
  onSaved: (view: AgencySettingsView) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { form, onSubmit, saved, fieldError, submitError, isSubmitting } = useAgencySettingsForm(
    settings,
    onSaved,
  );
  const { register } = form;
  const languagesError = fieldError('languages');
  const totpError = fieldError('requireTotp');

  return (
    <form
      className="form admin-form admin-form--narrow"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <TextField
        label={t('desk.admin.agency.name')}
        autoComplete="organization"
        error={fieldError('name')}
        {...register('name')}
      />
      <TextField
        label={t('desk.admin.agency.publicPhone')}
        hint={t('desk.admin.agency.publicPhoneHint')}
        type="tel"
        autoComplete="off"
        error={fieldError('publicPhone')}
        {...register('publicPhone')}
      />
      <TextField
        label={t('desk.admin.agency.smsNumber')}
        hint={t('desk.admin.agency.smsNumberHint')}
        type="tel"
        autoComplete="off"
        error={fieldError('smsNumber')}
        {...register('smsNumber')}
      />
      <TimeZoneSelect
        label={t('desk.admin.agency.timeZone')}
        hint={t('desk.admin.agency.timeZoneHint')}
        current={settings.timeZone}
        error={fieldError('timeZone')}
        {...register('timeZone')}
      />
      <fieldset
        className={languagesError ? 'choice-group field--invalid' : 'choice-group'}
        aria-describedby={languagesError ? `${id}-languages-error` : `${id}-languages-hint`}
      >
        <legend>{t('desk.admin.agency.languages')}</legend>
        <p className="field__hint admin-form__group-hint" id={`${id}-languages-hint`}>
          {t('desk.admin.agency.languagesHint')}
        </p>
        {languagesError && (
          <p className="field__error admin-form__group-hint" id={`${id}-languages-error`} role="alert">
            {languagesError}
          </p>
        )}
        {LOCALES.map((locale) => (
          <label className="choice-group__option" key={locale}>
            <input type="checkbox" value={locale} {...register('languages')} />
            {t(`desk.admin.agency.languageNames.${locale}`)}
          </label>
        ))}
      </fieldset>
      <div className={totpError ? 'field field--invalid' : 'field'}>
        <div className="checkbox">
          <input
            id={`${id}-totp`}
            type="checkbox"
            aria-describedby={`${id}-totp-hint`}
            {...register('requireTotp')}
          />
          <label htmlFor={`${id}-totp`}>{t('desk.admin.agency.requireTotp')}</label>
        </div>
        <p className="field__hint" id={`${id}-totp-hint`}>
          {t('desk.admin.agency.requireTotpHint')}
        </p>
        {totpError && (
          <p className="field__error" role="alert">
            {totpError}
          </p>
        )}
      </div>
      {!settings.passwordSignIn && <p className="field__hint">{t('desk.admin.agency.ssoOnly')}</p>}
      {submitError && <Notice tone="error">{submitError}</Notice>}
      <div role="status">
        {saved && <p className="notice notice--success">{t('desk.admin.agency.saved')}</p>}
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('desk.admin.agency.saving') : t('desk.admin.agency.save')}
        </button>
      </div>
    </form>
  );
}
