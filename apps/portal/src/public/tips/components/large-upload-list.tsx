import { useTranslation } from 'react-i18next';
import type { LargeUploadItem } from '../hooks/use-large-uploads';
import { FileSize } from './file-list';

interface Props {
  items: readonly LargeUploadItem[];
  onRetry: (key: string) => void;
  headingLevel?: 'h2' | 'h3';
}

const REFUSALS: Record<number, 'filesTooLarge' | 'fileUnsupported' | 'fileDamaged'> = {
  413: 'filesTooLarge',
  415: 'fileUnsupported',
  422: 'fileDamaged',
};

function StatusText({ item }: { item: LargeUploadItem }) {
  const { t } = useTranslation();
  const percent = Math.round(item.fraction * 100);
  switch (item.status) {
    case 'waiting':
      return <>{t('tipSend.large.waiting')}</>;
    case 'uploading':
      return <>{t('tipSend.large.uploading', { percent })}</>;
    case 'paused':
      return <>{t('tipSend.large.paused')}</>;
    case 'done':
      return <>{t('tipSend.large.done')}</>;
    case 'failed': {
      if (item.failure === 'expired') return <>{t('tipSend.large.expired')}</>;
      const refusal = item.failureStatus ? REFUSALS[item.failureStatus] : undefined;
      const reason = refusal ? t(`tipSend.errors.${refusal}`) : t('errors.NETWORK_ERROR');
      return <>{t('tipSend.large.failed', { reason })}</>;
    }
  }
}

/** Where sending picked up after a drop, from the server's count (fixed, so the live region speaks once). */
function ResumedText({ resumedFrom }: { resumedFrom: number }) {
  const { t } = useTranslation();
  return <>{t('tipSend.large.resumedAfterDrop', { percent: Math.floor(resumedFrom * 100) })}</>;
}

/** Videos on their way after the tip: progress, pauses while offline, and a way to resume. */
export function LargeUploadList({ items, onRetry, headingLevel: Heading = 'h2' }: Props) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  const active = items.some((item) => item.status !== 'done' && item.status !== 'failed');
  const plain = items.some((item) => item.plain);
  return (
    <section className="large-uploads" aria-labelledby="large-uploads-heading">
      <Heading id="large-uploads-heading" className="large-uploads__heading">
        {t('tipSend.large.heading')}
      </Heading>
      {active && <p className="large-uploads__keep-open">{t('tipSend.large.keepOpen')}</p>}
      {plain && <p className="large-uploads__note">{t('tipSend.large.notResumable')}</p>}
      <ul className="file-list">
        {items.map((item) => (
          <li key={item.key} className={`file-row file-row--${item.status}`}>
            <div className="file-row__body">
              <p className="file-row__name">{item.name}</p>
              <p className="file-row__meta">
                {t(`tip.files.kind.${item.kind}`)} · <FileSize bytes={item.size} />
              </p>
              {item.status !== 'failed' && (
                <progress
                  className="file-row__progress"
                  max={100}
                  value={Math.round(item.fraction * 100)}
                  aria-label={t('tip.files.progressLabel', { name: item.name })}
                />
              )}
              {item.status === 'uploading' && (
                <p className="file-row__status" aria-hidden="true">
                  <StatusText item={item} />
                </p>
              )}
              {/* Announced when the state changes, not at every percent. */}
              <p className="file-row__status" role="status">
                {item.status !== 'uploading' && <StatusText item={item} />}
                {item.status === 'uploading' && item.dropped && item.resumedFrom !== undefined && (
                  <ResumedText resumedFrom={item.resumedFrom} />
                )}
              </p>
            </div>
            {(item.status === 'failed' || item.status === 'paused') && item.failure !== 'expired' && (
              <button type="button" className="button button--secondary" onClick={() => onRetry(item.key)}>
                {t('tipSend.large.retry')}
                <span className="visually-hidden"> {item.name}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {!plain && items.some((item) => item.status !== 'done') && (
        <p className="field__hint">{t('tipSend.large.resumeHint')}</p>
      )}
    </section>
  );
}
