import type { TipDetail } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';

/** Everything staff did to the tip, from the audit log, oldest first. */
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
              {t(`desk.history.${entry.action}` as never, { defaultValue: entry.action })}
              {entry.actor && ` — ${entry.actor.displayName}`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
