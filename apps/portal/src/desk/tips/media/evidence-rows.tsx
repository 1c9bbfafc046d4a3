import type { MediaEvidence } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import { evidenceRows } from './evidence-format';

/**
 * What a file's own metadata says (when, where, with what), labelled in the desk's language and
 * formatted: times on the agency's clock, positions with their accuracy. Staff only: the dashed
 * frame and its heading say so.
 */
export function EvidenceRows({ evidence }: { evidence: MediaEvidence }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const timeZone = useStaffProfile().data?.agency?.timeZone;
  const rows = evidenceRows(evidence, lang, timeZone);
  if (rows.length === 0) return null;
  return (
    <div className="tip-evidence">
      <p className="tip-evidence__label">{t('desk.tip.staffOnly')}</p>
      <dl className="tip-facts tip-evidence__rows">
        {rows.map((row) => (
          <div key={row.label}>
            <dt>{t(`desk.media.evidence.${row.label}`)}</dt>
            <dd>
              {row.value}
              {row.note && <span className="tip-muted"> — {t(`desk.media.evidence.${row.note}`)}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
