import type { TipDetail } from '@vigie/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../components/reason-dialog';
import { openSealedOriginal } from '../../records/records.api';

/** The tip's files as cleaned renditions; the sealed original only on an explicit, audited request. */
export function MediaSection({ tip, canTriage }: { tip: TipDetail; canTriage: boolean }) {
  const { t } = useTranslation();
  const [original, setOriginal] = useState<string | null>(null);
  if (tip.media.length === 0) return null;
  return (
    <section className="tip-card" aria-labelledby="tip-media-heading">
      <h3 id="tip-media-heading">{t('desk.tip.media')}</h3>
      <ul className="tip-media">
        {tip.media.map((media, index) => {
          const preview =
            media.renditions.find((r) => r.name === 'preview' || r.name === 'thumb') ?? media.renditions[0];
          const poster = media.renditions.find((r) => r.name === 'poster');
          const video = media.renditions.find((r) => r.format.startsWith('video') || r.name === 'video');
          return (
            <li key={media.id} className="tip-media__item">
              {media.state !== 'READY' ? (
                <p className="tip-muted">{t(`desk.tip.mediaState.${media.state}`)}</p>
              ) : media.kind === 'video' && video ? (
                <video
                  controls
                  preload="none"
                  poster={poster?.url}
                  src={video.url}
                  className="tip-media__img"
                >
                  <track kind="captions" />
                </video>
              ) : preview ? (
                <img
                  src={preview.url}
                  alt={t('desk.tip.mediaAlt', { n: index + 1 })}
                  className="tip-media__img"
                />
              ) : null}
              {canTriage && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setOriginal(media.id)}
                >
                  {t('desk.tip.openOriginal')}
                </button>
              )}
              {media.evidence && (
                <div className="tip-evidence">
                  <p className="tip-evidence__label">{t('desk.tip.staffOnly')}</p>
                  <dl className="tip-facts">
                    {Object.entries(media.evidence).map(([key, value]) => (
                      <div key={key}>
                        <dt>{key}</dt>
                        <dd>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</dd>
                      </div>
                    ))}
                  </dl>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <ReasonDialog
        open={original !== null}
        title={t('desk.tip.originalTitle')}
        warning={t('desk.tip.originalWarning')}
        submitLabel={t('desk.tip.originalSubmit')}
        onClose={() => setOriginal(null)}
        onSubmit={(reason) => (original ? openSealedOriginal(tip.id, original, reason) : Promise.resolve())}
      />
    </section>
  );
}
