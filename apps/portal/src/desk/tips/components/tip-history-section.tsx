import type { TipDetail, TipHistoryChange } from '@vigie/common';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';

/**
 * "Status: New → In review", "Assigned to Ana Roy", "Tag added: plaque-ABC123", "Merged into
 * JS2X-DSBR", in the desk's language.
 */
export function describeChange(t: TFunction, change: TipHistoryChange): string {
  const name = (person?: { displayName: string }) =>
    person?.displayName || t('desk.history.change.formerStaff');
  switch (change.kind) {
    case 'status':
      return t('desk.history.change.status', {
        from: t(`desk.tipStatus.${change.from}`),
        to: t(`desk.tipStatus.${change.to}`),
      });
    case 'priority':
      return t('desk.history.change.priority', {
        from: t(`desk.tipPriority.${change.from}`),
        to: t(`desk.tipPriority.${change.to}`),
      });
    case 'assignee':
      if (change.to) return t('desk.history.change.assigned', { name: name(change.to) });
      return change.from
        ? t('desk.history.change.released', { name: name(change.from) })
        : t('desk.history.change.releasedUnknown');
    case 'tagAdded':
      return t('desk.history.change.tagAdded', { tag: change.tag });
    case 'tagRemoved':
      return t('desk.history.change.tagRemoved', { tag: change.tag });
    case 'case':
      return t('desk.history.change.case', { number: change.caseNumber });
    case 'merged':
      return change.into
        ? t('desk.history.change.mergedInto', { code: change.into })
        : t('desk.history.change.mergedPrimary');
    case 'unmerged':
      if (change.from)
        return t(
          change.closed ? 'desk.history.change.unmergedFromClosed' : 'desk.history.change.unmergedFrom',
          {
            code: change.from,
          },
        );
      return t(change.closed ? 'desk.history.change.unmergedClosed' : 'desk.history.change.unmerged');
    case 'notDuplicate':
      return t('desk.history.change.notDuplicate', { code: change.of });
  }
}

/** Everything staff did to the tip, from the audit log, oldest first, each change written out. */
export function HistorySection({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  return (
    <section className="tip-card" aria-labelledby="tip-history-heading">
      <h3 id="tip-history-heading">{t('desk.tip.history')}</h3>
      {tip.history.length === 0 ? (
        <p className="tip-muted">{t('desk.tip.noHistory')}</p>
      ) : (
        <ol className="tip-history">
          {tip.history.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <span className="tip-history__when">{formatDate(entry.at, lang, true)}</span>{' '}
              {entry.changes.length > 0
                ? entry.changes.map((change) => describeChange(t, change)).join(' · ')
                : t(`desk.history.${entry.action}` as never, { defaultValue: entry.action })}
              {entry.data['bulk'] === true && ` ${t('desk.history.inBulk')}`}
              {entry.actor && ` — ${entry.actor.displayName}`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
