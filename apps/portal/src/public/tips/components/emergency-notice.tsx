import { useTranslation } from 'react-i18next';

/** On every step of the form: this is not the way to report an emergency. */
export function EmergencyNotice() {
  const { t } = useTranslation();
  return (
    <div className="tip-emergency">
      <p className="tip-emergency__text">
        <strong>{t('tip.emergency.label')}</strong> {t('tip.emergency.note')}
      </p>
      <a href="tel:911" className="tip-emergency__call">
        <svg className="tip-emergency__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1L6.6 10.8Z"
          />
        </svg>
        {t('tip.emergency.call')}
      </a>
    </div>
  );
}
