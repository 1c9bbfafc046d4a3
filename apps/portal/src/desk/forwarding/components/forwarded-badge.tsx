import type { TipSummary } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import './forwarding.css';

/** In the inbox: this tip came from another agency (a transfer, or a copy for information). */
export function ForwardedBadge({
  forwardedFrom,
}: {
  forwardedFrom: NonNullable<TipSummary['forwardedFrom']>;
}) {
  const { t } = useTranslation();
  return (
    <span className="tip-forwarded">
      {forwardedFrom.mode === 'TRANSFER'
        ? t('desk.forward.badgeTransfer', { agency: forwardedFrom.agencyName })
        : t('desk.forward.badgeCopy', { agency: forwardedFrom.agencyName })}
    </span>
  );
}
