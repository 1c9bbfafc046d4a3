import type { StaffAppeal } from '@vigie/common';
import { useTranslation } from 'react-i18next';

/** Where an appeal stands, in words (never colour alone): its status, and its pending revision if any. */
export function AppealStatusBadges({
  appeal,
}: {
  appeal: Pick<StaffAppeal, 'status' | 'revisionState' | 'live'>;
}) {
  const { t } = useTranslation();
  // A published appeal with a revision: the revision is what needs attention.
  const revision = appeal.live && appeal.revisionState ? appeal.revisionState : null;
  return (
    <span className="status-badges">
      <span className={`state-badge state-badge--${appeal.status.toLowerCase()}`}>
        {t(`desk.status.${appeal.status}`)}
      </span>
      {revision && (
        <span className={`state-badge state-badge--revision-${revision.toLowerCase()}`}>
          {t(`desk.revision.${revision}`)}
        </span>
      )}
    </span>
  );
}
