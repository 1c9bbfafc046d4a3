import type { TipPriority, TipStatus } from '@vigie/common';
import { useTranslation } from 'react-i18next';

export function PriorityBadge({ priority }: { priority: TipPriority }) {
  const { t } = useTranslation();
  return (
    <span className={`tip-badge tip-badge--${priority.toLowerCase()}`}>
      {t(`desk.tipPriority.${priority}`)}
    </span>
  );
}

export function TipStatusBadge({ status }: { status: TipStatus }) {
  const { t } = useTranslation();
  return <span className="tip-status">{t(`desk.tipStatus.${status}`)}</span>;
}
