import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { StaffRole } from '@vigie/common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/i18n/format';
import { usePortalLanguage } from '../../shared/i18n/language';
import { ReasonDialog } from '../components/reason-dialog';
import { useStaffProfile } from '../hooks/use-staff-profile';
import {
  exportEvidence,
  fetchLegalHold,
  legalHoldKey,
  setLegalHold,
  type HoldableRecord,
  type LegalHoldView,
} from './records.api';

/** Evidence export (a reason; a supervisor may include the contact) and the legal hold (supervisor, admin). */
export function RecordActions({ kind, id }: { kind: HoldableRecord; id: string }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const checkboxId = useId();
  const roles = useStaffProfile().data?.roles ?? [];
  const isSupervisor = roles.includes(StaffRole.SUPERVISOR);
  const canExport = isSupervisor || roles.includes(StaffRole.INVESTIGATOR);
  const canHold = isSupervisor || roles.includes(StaffRole.ADMIN);
  const [dialog, setDialog] = useState<'export' | 'hold' | null>(null);
  const [includeContact, setIncludeContact] = useState(false);
  const queryClient = useQueryClient();
  const hold = useQuery({
    queryKey: legalHoldKey(kind, id),
    queryFn: ({ signal }) => fetchLegalHold(kind, id, signal),
  });
  const toggle = useMutation({
    mutationFn: (reason: string) => setLegalHold(kind, id, !(hold.data?.hold ?? false), reason),
    onSuccess: (view: LegalHoldView) => queryClient.setQueryData(legalHoldKey(kind, id), view),
  });

  return (
    <section className="tip-card" aria-labelledby={`${checkboxId}-heading`}>
      <h3 id={`${checkboxId}-heading`}>{t('desk.records.heading')}</h3>
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
        {canExport && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setDialog('export')}
          >
            {t('desk.records.export')}
          </button>
        )}
        {canHold && hold.data && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setDialog('hold')}
          >
            {hold.data.hold ? t('desk.records.release') : t('desk.records.hold')}
          </button>
        )}
      </div>
      <ReasonDialog
        open={dialog === 'export'}
        title={t('desk.records.exportTitle')}
        warning={t('desk.records.exportWarning')}
        submitLabel={t('desk.records.exportSubmit')}
        onClose={() => setDialog(null)}
        onSubmit={(reason) => exportEvidence(kind, id, reason, isSupervisor && includeContact)}
      >
        {isSupervisor && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={includeContact}
              onChange={(event) => setIncludeContact(event.target.checked)}
            />
            {t('desk.records.includeContact')}
          </label>
        )}
      </ReasonDialog>
      <ReasonDialog
        open={dialog === 'hold'}
        title={hold.data?.hold ? t('desk.records.release') : t('desk.records.hold')}
        warning={t('desk.records.holdWarning')}
        submitLabel={hold.data?.hold ? t('desk.records.release') : t('desk.records.hold')}
        onClose={() => setDialog(null)}
        onSubmit={(reason) => toggle.mutateAsync(reason).then(() => undefined)}
      />
    </section>
  );
}
