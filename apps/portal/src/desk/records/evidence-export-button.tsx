import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../components/reason-dialog';
import { useDeskPermissions } from '../permissions';
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
  const can = useDeskPermissions();
  const [open, setOpen] = useState(false);
  const [includeContact, setIncludeContact] = useState(false);
  if (!can.exportEvidence) return null;

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
        onSubmit={(reason) => exportEvidence(kind, id, reason, can.exportContact && includeContact)}
      >
        {can.exportContact && (
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
