import type { DuplicateReason } from '@vigie/common';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { EvidenceExportButton } from '../../records/evidence-export-button';
import { markNotDuplicate, mergeDuplicates } from '../api/tips.api';
import { useDuplicates, useTipsWrite } from '../hooks/use-tips';

/** The parts of places the API compared ("municipality laval", "exit 73"), named in the desk's language. */
const PLACE_PARTS = ['municipality', 'street', 'number', 'highway', 'exit'] as const;
const isPlacePart = (kind: string): kind is (typeof PLACE_PARTS)[number] =>
  (PLACE_PARTS as readonly string[]).includes(kind);

function placePartsText(t: TFunction, parts: string[]): string {
  return parts
    .map((part) => {
      const [kind, ...value] = part.split(' ');
      return isPlacePart(kind) ? t(`desk.dupes.placePart.${kind}`, { value: value.join(' ') }) : part;
    })
    .join(', ');
}

function reasonText(t: TFunction, reason: DuplicateReason): string {
  const percent = (value?: number) => Math.round((value ?? 0) * 100);
  switch (reason.signal) {
    case 'TEXT':
      if (reason.placeDiffered?.length)
        return t('desk.dupes.reason.TEXT_OTHER_PLACE', {
          percent: percent(reason.similarity),
          parts: placePartsText(t, reason.placeDiffered),
        });
      return t(reason.elsewhere ? 'desk.dupes.reason.TEXT_ELSEWHERE' : 'desk.dupes.reason.TEXT', {
        percent: percent(reason.similarity),
      });
    case 'PLACE_TIME':
      if ('metres' in reason)
        return t('desk.dupes.reason.PLACE_TIME', {
          metres: Math.round(reason.metres),
          minutes: reason.minutes ?? 0,
        });
      return reason.placeMatched?.length
        ? t('desk.dupes.reason.PLACE_NAME_PARTS', {
            percent: percent(reason.placeSimilarity),
            minutes: reason.minutes ?? 0,
            parts: placePartsText(t, reason.placeMatched),
          })
        : t('desk.dupes.reason.PLACE_NAME', {
            percent: percent(reason.placeSimilarity),
            minutes: reason.minutes ?? 0,
          });
    case 'CONTACT':
      return t('desk.dupes.reason.CONTACT');
    case 'EXACT_MEDIA':
      return t('desk.dupes.reason.EXACT_MEDIA');
    case 'NEAR_MEDIA':
      return t('desk.dupes.reason.NEAR_MEDIA');
    case 'OBSERVABLE':
      return t(reason.elsewhere ? 'desk.dupes.reason.OBSERVABLE_ELSEWHERE' : 'desk.dupes.reason.OBSERVABLE', {
        what: reason.shared
          .slice(0, 3)
          .map((one) => `${t(`desk.observables.kind.${one.kind}`).toLowerCase()} ${one.value}`)
          .join(t('desk.dupes.reason.and')),
      });
  }
}

/**
 * Likely duplicates of a tip, best first, with the reasons; confirming merges (nothing is lost). A tip
 * already merged can have its whole cluster exported as one evidence package.
 */
export function DuplicatesPanel({ tipId, canDecide }: { tipId: string; canDecide: boolean }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const dupes = useDuplicates(tipId);
  const merge = useTipsWrite((otherId: string) => mergeDuplicates(tipId, [otherId]));
  const reject = useTipsWrite((otherId: string) => markNotDuplicate(tipId, otherId));
  const suggestions = dupes.data?.suggestions ?? [];
  const clusterId = dupes.data?.clusterId ?? null;

  return (
    <section className="tip-card" aria-labelledby="tip-dupes-heading">
      <h3 id="tip-dupes-heading">{t('desk.dupes.heading')}</h3>
      {clusterId && (
        <div className="tip-dupes__cluster">
          <p className="tip-muted">{t('desk.dupes.inCluster')}</p>
          <EvidenceExportButton
            kind="clusters"
            id={clusterId}
            label={t('desk.dupes.exportCluster')}
            title={t('desk.dupes.exportClusterTitle')}
          />
        </div>
      )}
      {dupes.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, dupes.error)}</p>
        </Notice>
      ) : suggestions.length === 0 ? (
        <p className="tip-muted">{dupes.isPending ? t('common.loading') : t('desk.dupes.none')}</p>
      ) : (
        <ul className="tip-dupes">
          {suggestions.map((suggestion) => (
            <li key={suggestion.tip.id} className="tip-dupes__item">
              <p className="tip-dupes__head">
                <Link to={`/desk/tips/${suggestion.tip.id}`}>{suggestion.tip.code}</Link>{' '}
                {t('desk.dupes.score', { percent: Math.round(suggestion.score * 100) })}
                {' · '}
                {formatDate(suggestion.tip.receivedAt, lang, true)}
              </p>
              <p className="tip-dupes__excerpt">{suggestion.tip.excerpt}</p>
              <ul className="tip-dupes__reasons" aria-label={t('desk.dupes.why')}>
                {suggestion.reasons.map((reason, index) => (
                  <li key={index}>{reasonText(t, reason)}</li>
                ))}
              </ul>
              {canDecide && (
                <div className="tip-controls">
                  <button
                    type="button"
                    className="button button--primary button--small"
                    disabled={merge.isPending}
                    onClick={() => merge.mutate(suggestion.tip.id)}
                  >
                    {t('desk.dupes.confirm', { code: suggestion.tip.code })}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={reject.isPending}
                    onClick={() => reject.mutate(suggestion.tip.id)}
                  >
                    {t('desk.dupes.reject', { code: suggestion.tip.code })}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {merge.isSuccess && (
        <Notice tone="success">
          <p>{t('desk.dupes.merged')}</p>
        </Notice>
      )}
      {(merge.isError || reject.isError) && (
        <Notice tone="error">
          <p>{deskErrorMessage(t, merge.error ?? reject.error)}</p>
        </Notice>
      )}
    </section>
  );
}
