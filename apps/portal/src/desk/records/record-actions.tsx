import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LegalHoldView } from '@vigie/common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/i18n/format';
import { usePortalLanguage } from '../../shared/i18n/language';
import { ReasonDialog } from '../components/reason-dialog';
import { useDeskPermissions } from '../permissions';
import { EvidenceExportButton } from './evidence-export-button';
import { legalHoldKey, legalHoldQuery, setLegalHold, type HoldableRecord } from './records.api';

/** Evidence export (EvidenceExportButton) and the legal hold (supervisor, admin) of a tip or a case. */
export function RecordActions({ kind, id }: { kind: HoldableRecord; id: string }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const sectionId = useId();
  const canHold = useDeskPermissions().holdRecords;
  const [holdDialog, setHoldDialog] = useState(false);
  const queryClient = useQueryClient();
  const hold = useQuery(legalHoldQuery(kind, id));
  const toggle = useMutation({
    mutationFn: (reason: string) => setLegalHold(kind, id, !(hold.data?.hold ?? false), reason),
    onSuccess: (view: LegalHoldView) => queryClient.setQueryData(legalHoldKey(kind, id), view),
  });

  return (
    <section className="tip-card" aria-labelledby={`${sectionId}-heading`}>
      <h3 id={`${sectionId}-heading`}>{t('desk.records.heading')}</h3>
      {hold.data && (
        <p className={hold.data.hold ? 'records__held' : 'tip-muted'}>
          {hold.data.hold
            ? t('desk.records.onHold', {
                since: formatDate(hold.data.since ?? undefined, lang, true) ?? '',
                name: hold.data.by?.displayName ?? '',
              })
            : t('desk.records.notOnHold')}
        </p>
      )}
      <div className="tip-controls">
        <EvidenceExportButton kind={kind} id={id} />
        {canHold && hold.data && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setHoldDialog(true)}
          >
            {hold.data.hold ? t('desk.records.release') : t('desk.records.hold')}
          </button>
        )}
      </div>
      <ReasonDialog
        open={holdDialog}
        title={hold.data?.hold ? t('desk.records.release') : t('desk.records.hold')}
        warning={t('desk.records.holdWarning')}
        submitLabel={hold.data?.hold ? t('desk.records.release') : t('desk.records.hold')}
        onClose={() => setHoldDialog(false)}
        onSubmit={(reason) => toggle.mutateAsync(reason).then(() => undefined)}
      />
    </section>
  );
}
