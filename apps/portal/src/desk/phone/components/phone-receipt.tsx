import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecordedCall } from '../hooks/use-phone-tip-form';

/**
 * The code and passphrase, to be read to the caller: large, the code in its two groups of four, each
 * character apart, the passphrase a word a line. Shown once; "Next call" forgets them.
 */
export function PhoneReceipt({ call, onNext }: { call: RecordedCall; onNext: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const groups = call.receipt.code.split('-');
  const words = call.receipt.password.split('-');
  return (
    <section className="phone-receipt" aria-labelledby="phone-receipt-heading">
      <h2 id="phone-receipt-heading" className="phone-page__title" ref={heading} tabIndex={-1}>
        {t('desk.phone.receipt.title')}
      </h2>
      <p className="phone-page__script">{t('desk.phone.receipt.readBack')}</p>
      <div className="phone-receipt__item">
        <h3 className="phone-receipt__label">{t('desk.phone.receipt.code')}</h3>
        <p className="phone-receipt__code" data-testid="phone-code" data-value={call.receipt.code}>
          <span className="visually-hidden">{call.receipt.code}</span>
          {groups.map((group, index) => (
            <span key={index} className="phone-receipt__group">
              {[...group].map((char, i) => (
                <span key={i} className="phone-receipt__char" aria-hidden="true">
                  {char}
                </span>
              ))}
            </span>
          ))}
        </p>
        <p className="phone-receipt__hint">{t('desk.phone.receipt.codeHint')}</p>
      </div>
      <div className="phone-receipt__item">
        <h3 className="phone-receipt__label">
          {t('desk.phone.receipt.password', { language: t(`desk.phone.languages.${call.language}`) })}
        </h3>
        <ol className="phone-receipt__words" data-testid="phone-password" data-value={call.receipt.password}>
          {words.map((word, index) => (
            <li key={index} className="phone-receipt__word">
              {word}
            </li>
          ))}
        </ol>
      </div>
      <p className="phone-page__script">{t('desk.phone.receipt.followUp')}</p>
      <div className="phone-form__actions">
        <button type="button" className="button button--primary" onClick={onNext}>
          {t('desk.phone.receipt.next')}
        </button>
        <Link to="/desk/phone/call-back" className="button button--secondary">
          {t('desk.phone.toCallBack')}
        </Link>
      </div>
    </section>
  );
}
