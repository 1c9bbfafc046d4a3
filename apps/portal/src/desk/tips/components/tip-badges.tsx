import type { TipChannel, TipPriority, TipStatus } from '@vigie/common';
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

/** How the tip arrived. The label carries the meaning; the outline only sets it apart from the status. */
export function ChannelBadge({ channel }: { channel: TipChannel }) {
  const { t } = useTranslation();
  return (
    <span className={`tip-channel tip-channel--${channel.toLowerCase()}`}>
      <span className="visually-hidden">{t('desk.tipChannel.label')} </span>
      {t(`desk.tipChannel.${channel}`)}
    </span>
  );
}
