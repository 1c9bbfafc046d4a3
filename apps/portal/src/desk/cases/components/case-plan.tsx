import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePlace } from '../api/cases.api';
import { planOf } from './case-plan-layout';

/**
 * The case's tips where they were, relative to each other, with no map underneath: north up, a
 * scale bar, each point labelled with its tip code. It needs no tile server, so nothing leaves the
 * deployment (no tip's position ever reaches a map provider); the list beside it gives the same in
 * words and coordinates.
 */
export function CasePlan({ places }: { places: CasePlace[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const plan = planOf(places);
  return (
    <figure className="case-map__figure">
      <svg
        className="case-plan"
        viewBox={`0 0 ${plan.width} ${plan.height}`}
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>
          {t('desk.cases.planTitle', { count: places.length, scale: plan.scale.label })}
        </title>
        <rect className="case-plan__ground" x="0" y="0" width={plan.width} height={plan.height} />
        {plan.points.map((point) => (
          <g key={point.tipId} className="case-plan__point">
            <circle cx={point.x} cy={point.y} r="6" />
            <text x={point.x + 10} y={point.y + 5}>
              {point.code}
            </text>
          </g>
        ))}
        <g className="case-plan__north" aria-hidden="true">
          <path d={`M ${plan.width - 28} 44 l 8 -24 l 8 24 l -8 -6 z`} />
          <text x={plan.width - 20} y="60" textAnchor="middle">
            {t('desk.cases.north')}
          </text>
        </g>
        <g className="case-plan__scale" aria-hidden="true">
          <path d={`M 20 ${plan.height - 24} v 8 h ${plan.scale.px} v -8`} />
          <text x={20 + plan.scale.px / 2} y={plan.height - 30} textAnchor="middle">
            {plan.scale.label}
          </text>
        </g>
      </svg>
      <figcaption className="tip-muted">{t('desk.cases.planCaption', { count: places.length })}</figcaption>
    </figure>
  );
}
