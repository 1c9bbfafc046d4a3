import { pickLocale } from '@vigie/common';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { SelectField } from '../../../shared/components/form-fields';
import { TextField } from '../../../shared/components/text-field';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { ContactStep } from '../../../public/tips/components/contact-step';
import { WhatStep } from '../../../public/tips/components/what-step';
import { WhenStep } from '../../../public/tips/components/when-step';
import { useTipsCatalogue } from '../../../public/tips/i18n/tips-catalogue';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import { fetchOpenAppeals } from '../api/phone.api';
import { usePhoneTipForm, type RecordedCall } from '../hooks/use-phone-tip-form';
import { PhoneReceipt } from './phone-receipt';
import '../../../public/tips/components/tip-form.css';
import './phone.css';

/** `/desk/phone`: a call-taker types a caller's tip, then reads back its code and passphrase. */
export function PhoneTipPage() {
  useTipsCatalogue('tip');
  const { t } = useTranslation();
  useDocumentTitle(t('desk.phone.title'));
  const [recorded, setRecorded] = useState<RecordedCall | null>(null);
  return (
    <div className="container page-section desk-page phone-page">
      {recorded ? (
        <PhoneReceipt call={recorded} onNext={() => setRecorded(null)} />
      ) : (
        <PhoneTipForm onRecorded={setRecorded} />
      )}
    </div>
  );
}

function PhoneTipForm({ onRecorded }: { onRecorded: (call: RecordedCall) => void }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const agency = useStaffProfile().data?.agency?.slug ?? '';
  const phone = usePhoneTipForm(onRecorded);
  const appeals = useQuery({
    queryKey: ['desk', 'phone', 'appeals', agency],
    queryFn: () => fetchOpenAppeals(agency),
    enabled: agency !== '',
  });
  const { setFocus } = phone.fields.form;
  // The call starts with what happened: the cursor waits there.
  useEffect(() => setFocus('description'), [setFocus]);

  return (
    <>
      <div className="phone-page__head">
        <h2 className="phone-page__title">{t('desk.phone.title')}</h2>
        <Link to="/desk/phone/call-back" className="button button--secondary">
          {t('desk.phone.toCallBack')}
        </Link>
      </div>
      <p className="phone-page__script">{t('desk.phone.script')}</p>
      <form
        className="form phone-form"
        noValidate
        onSubmit={(event) => void phone.onSubmit(event)}
        onKeyDown={phone.onKeyDown}
      >
        {phone.failure && <Notice tone="error">{phone.failure}</Notice>}
        <div className="phone-form__call">
          <SelectField
            name="appeal"
            label={t('desk.phone.appeal')}
            hint={appeals.isError ? t('desk.phone.appealsUnavailable') : undefined}
            value={phone.appeal}
            onChange={(event) => phone.setAppeal(event.target.value)}
          >
            <option value="">{t('desk.phone.noAppeal')}</option>
            {(appeals.data ?? [])
              .filter((appeal) => appeal.status === 'PUBLISHED')
              .map((appeal) => (
                <option key={appeal.slug} value={appeal.slug}>
                  {pickLocale(appeal.title, lang)}
                </option>
              ))}
          </SelectField>
          <fieldset className="choice-group phone-form__language">
            <legend className="field__label">{t('desk.phone.language')}</legend>
            {(['fr', 'en'] as const).map((language) => (
              <label className="choice-card" key={language}>
                <input
                  type="radio"
                  name="language"
                  value={language}
                  checked={phone.language === language}
                  onChange={() => phone.setLanguage(language)}
                />
                <span>{t(`desk.phone.languages.${language}`)}</span>
              </label>
            ))}
          </fieldset>
        </div>
        <WhatStep tip={phone.fields} />
        <WhenStep tip={phone.fields} />
        <fieldset className="tip-step">
          <legend className="tip-step__legend">
            <h2 className="tip-step__heading">{t('tip.where.legend')}</h2>
          </legend>
          <div className="tip-step__fields">
            <TextField
              label={`${t('tip.where.place')} ${t('tip.optional')}`}
              hint={t('desk.phone.placeHint')}
              autoComplete="off"
              error={phone.fields.fieldError('place')}
              {...phone.fields.form.register('place')}
            />
          </div>
        </fieldset>
        <ContactStep
          tip={phone.fields}
          privacy={<p className="phone-form__privacy">{t('desk.phone.privacy')}</p>}
        />
        <div className="phone-form__actions">
          <button type="submit" className="button button--primary" disabled={phone.isSubmitting}>
            {phone.isSubmitting ? t('desk.phone.recording') : t('desk.phone.record')}
          </button>
          <p className="phone-form__shortcut">{t('desk.phone.shortcut')}</p>
        </div>
      </form>
    </>
  );
}
