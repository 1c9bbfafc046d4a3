import { useTranslation } from 'react-i18next';
import { PORTAL_LANGUAGES, setLanguage, usePortalLanguage } from '../i18n/language';

/** FR | EN, always visible. Each button is labelled in its own language, as bilingual sites do. */
export function LanguageToggle() {
  const { t } = useTranslation();
  const current = usePortalLanguage();
  return (
    <div className="language-toggle" role="group" aria-label={t('language.groupLabel')}>
      {PORTAL_LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          className="language-toggle__button"
          lang={lng}
          aria-pressed={lng === current}
          onClick={() => void setLanguage(lng)}
        >
          {lng.toUpperCase()}
          <span className="visually-hidden"> ({t(`language.${lng}`)})</span>
        </button>
      ))}
    </div>
  );
}
