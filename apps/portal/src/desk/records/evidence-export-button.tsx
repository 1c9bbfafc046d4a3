import { StaffRole } from '@vigie/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../components/reason-dialog';
import { useStaffProfile } from '../hooks/use-staff-profile';
import { exportEvidence, type ExportableRecord } from './records.api';

interface EvidenceExportButtonProps {
  kind: ExportableRecord;
  id: string;
  /** The button's text and the dialog's title, when "export as evidence" alone would not say what goes out. */
  label?: string;
  title?: string;
}

/**
 * Export an evidence package (a tip, a case, a duplicate cluster): asks why, and lets a supervisor
 * include the tipster's contact details. Shown only to those the API lets export.
 */
export function EvidenceExportButton({ kind, id, label, title }: EvidenceExportButtonProps) {
  const { t } = useTranslation();
  const roles = useStaffProfile().data?.roles ?? [];
  const isSupervisor = roles.includes(StaffRole.SUPERVISOR);
  const [open, setOpen] = useState(false);
  const [includeContact, setIncludeContact] = useState(false);
  if (!isSupervisor && !roles.includes(StaffRole.INVESTIGATOR)) return null;

  return (
    <>
      <button type="button" className="button button--secondary button--small" onClick={() => setOpen(true)}>
        {label ?? t('desk.records.export')}
      </button>
      <ReasonDialog
        open={open}
        title={title ?? t('desk.records.exportTitle')}
        warning={t('desk.records.exportWarning')}
        submitLabel={t('desk.records.exportSubmit')}
        onClose={() => setOpen(false)}
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
    </>
  );
}
