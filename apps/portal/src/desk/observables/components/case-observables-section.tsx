import type { CaseView } from '@vigie/common';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mentionsPath } from '../api/observables.api';
import './observables.css';

/** What a case's tips mention (plates, numbers, addresses…), most mentioned first, each opening everything that mentions it. */
export function CaseObservablesSection({ observables }: { observables: CaseView['observables'] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="tip-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('desk.observables.caseTitle')}</h3>
      {observables.length === 0 ? (
        <p className="tip-muted">{t('desk.observables.caseNone')}</p>
      ) : (
        <ul className="observable-chips">
          {observables.map((one) => (
            <li key={`${one.kind}:${one.value}`} className="observable-chip">
              <Link to={mentionsPath(one.kind, one.value)} className="observable-chip__link">
                <span className="observable-chip__kind">{t(`desk.observables.kind.${one.kind}`)}</span>
                <span className="observable-chip__value">{one.value}</span>
                <span className="observable-chip__count">
                  {t('desk.observables.inTips', { count: one.tips })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
