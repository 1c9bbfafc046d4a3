import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../shared/components/text-field';
import type { TipFields } from '../hooks/use-tip-form';
import { StepFieldset } from './step-fieldset';

/** In plain words: what is kept and what is not, whichever choice is made. */
export function AnonymityExplanation() {
  const { t } = useTranslation();
  return (
    <section className="anonymity" aria-labelledby="anonymity-heading">
      <h3 id="anonymity-heading" className="anonymity__heading">
        {t('tip.contact.privacyHeading')}
      </h3>
      <ul className="anonymity__list">
        <li>{t('tip.contact.noIp')}</li>
        <li>{t('tip.contact.noCookies')}</li>
        <li>{t('tip.contact.credentials')}</li>
        <li>{t('tip.contact.encrypted')}</li>
      </ul>
      <p className="anonymity__caution">{t('tip.contact.caution')}</p>
    </section>
  );
}

/** `privacy`: what is said about anonymity (the desk's phone page says it for a caller instead). */
export function ContactStep({
  tip,
  privacy = <AnonymityExplanation />,
}: {
  tip: TipFields;
  privacy?: ReactNode;
}) {
  const { t } = useTranslation();
  const { register, control } = tip.form;
  const choice = useWatch({ control, name: 'contactChoice' });
  const optional = ` ${t('tip.optional')}`;
  return (
    <StepFieldset legend={t('tip.contact.legend')} headingRef={tip.headingRef}>
      <fieldset className="choice-group choice-group--stacked">
        <legend className="visually-hidden">{t('tip.contact.choice')}</legend>
        <label className="choice-card">
          <input type="radio" value="anonymous" {...register('contactChoice')} />
          <span>{t('tip.contact.anonymous')}</span>
        </label>
        <label className="choice-card">
          <input type="radio" value="contact" {...register('contactChoice')} />
          <span>{t('tip.contact.give')}</span>
        </label>
      </fieldset>

      {choice === 'contact' && (
        <div className="tip-contact">
          <p className="tip-step__intro">{t('tip.contact.giveHint')}</p>
          <TextField
            label={t('tip.contact.name') + optional}
            autoComplete="name"
            error={tip.fieldError('contactName')}
            {...register('contactName')}
          />
          <TextField
            label={t('tip.contact.phone')}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            error={tip.fieldError('contactPhone')}
            {...register('contactPhone')}
          />
          <TextField
            label={t('tip.contact.email')}
            type="email"
            inputMode="email"
            autoComplete="email"
            spellCheck={false}
            maxLength={254}
            error={tip.fieldError('contactEmail')}
            {...register('contactEmail')}
          />
        </div>
      )}

      {privacy}
    </StepFieldset>
  );
}
