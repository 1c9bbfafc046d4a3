import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TipAgency } from '../hooks/use-tip-agency';

interface Props {
  agency: TipAgency;
  /** Set when the tipster tried to send without choosing. */
  missing: boolean;
}

/** Which police service receives a tip that answers no appeal, when the platform serves several. */
export const AgencyChoice = forwardRef<HTMLSelectElement, Props>(function AgencyChoice(
  { agency, missing },
  ref,
) {
  const { t } = useTranslation();
  if (agency.choices.length === 0) return null;
  return (
    <div className="field tip-agency">
      <label className="field__label" htmlFor="tip-agency">
        {t('tip.agency.label')}
      </label>
      <select
        id="tip-agency"
        ref={ref}
        className="field__input"
        required
        value={agency.slug ?? ''}
        aria-invalid={missing && !agency.slug}
        aria-describedby={missing && !agency.slug ? 'tip-agency-error' : undefined}
        onChange={(event) => agency.choose(event.target.value)}
      >
        <option value="">{t('tip.agency.choose')}</option>
        {agency.choices.map((a) => (
          <option key={a.slug} value={a.slug}>
            {a.name}
          </option>
        ))}
      </select>
      {missing && !agency.slug && (
        <p className="field__error" id="tip-agency-error" role="alert">
          {t('tip.agency.required')}
        </p>
      )}
    </div>
  );
});
