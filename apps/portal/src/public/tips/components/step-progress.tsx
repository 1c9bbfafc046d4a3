import { useTranslation } from 'react-i18next';
import type { TipStep } from '../api/tip-form-values';

interface Props {
  steps: readonly TipStep[];
  current: number;
}

/** "Step 2 of 6: When", and a bar of the steps; the current one is marked for screen readers too. */
export function StepProgress({ steps, current }: Props) {
  const { t } = useTranslation();
  return (
    <div className="tip-progress">
      <p className="tip-progress__count" aria-hidden="true">
        {t('tip.progress.stepOf', { n: current + 1, total: steps.length })}
      </p>
      <ol className="tip-progress__list" aria-label={t('tip.progress.label')}>
        {steps.map((step, index) => (
          <li
            key={step}
            className={
              index < current
                ? 'tip-progress__step tip-progress__step--done'
                : index === current
                  ? 'tip-progress__step tip-progress__step--current'
                  : 'tip-progress__step'
            }
            aria-current={index === current ? 'step' : undefined}
          >
            <span className="tip-progress__name">{t(`tip.steps.${step}`)}</span>
            {index < current && <span className="visually-hidden"> {t('tip.progress.done')}</span>}
            {index === current && <span className="visually-hidden"> {t('tip.progress.current')}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
