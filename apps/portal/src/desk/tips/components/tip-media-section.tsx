import type { TipDetail, TipMediaView } from '@vigie/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../components/reason-dialog';
import { openSealedOriginal } from '../../records/records.api';
import { EvidenceRows } from '../media/evidence-rows';
import { PhotoViewer, type ViewedPhoto } from '../media/photo-viewer';
import '../media/media.css';

type Rendition = TipMediaView['renditions'][number];
const named = (media: TipMediaView, name: string): Rendition | undefined =>
  media.renditions.find((r) => r.name === name);

/** The tip's files as cleaned renditions; the sealed original only on an explicit, audited request. */
export function MediaSection({ tip, canTriage }: { tip: TipDetail; canTriage: boolean }) {
  const { t } = useTranslation();
  const [original, setOriginal] = useState<string | null>(null);
  const [viewing, setViewing] = useState<ViewedPhoto | null>(null);
  if (tip.media.length === 0) return null;
  return (
    <section className="tip-card" aria-labelledby="tip-media-heading">
      <h3 id="tip-media-heading">{t('desk.tip.media')}</h3>
      <ul className="tip-media">
        {tip.media.map((media, index) => (
          <li key={media.id} className="tip-media__item">
            <MediaView media={media} n={index + 1} onOpenPhoto={setViewing} />
            {/* An information copy carries no sealed original: it stays with the agency that sent it. */}
            {canTriage && !tip.informationCopy && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setOriginal(media.id)}
              >
                {t('desk.tip.openOriginal')}
              </button>
            )}
            {media.evidence && <EvidenceRows evidence={media.evidence} />}
          </li>
        ))}
      </ul>
      <PhotoViewer photo={viewing} onClose={() => setViewing(null)} />
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

/**
 * One file: a video plays from its playable copy with the poster frame, a recording in a player, a
 * photo opens full size. Players ask the server for byte ranges, so a long video starts at once.
 */
function MediaView({
  media,
  n,
  onOpenPhoto,
}: {
  media: TipMediaView;
  n: number;
  onOpenPhoto: (photo: ViewedPhoto) => void;
}) {
  const { t } = useTranslation();
  if (media.state !== 'READY') return <p className="tip-muted">{t(`desk.tip.mediaState.${media.state}`)}</p>;
  const playable = media.renditions.find((r) => r.playable);
  const poster = named(media, 'poster');

  if (media.kind === 'video') {
    if (!playable)
      return (
        <>
          {poster && (
            <img src={poster.url} alt={t('desk.media.posterAlt', { n })} className="tip-media__img" />
          )}
          <p className="tip-muted">{t('desk.media.notPlayable')}</p>
        </>
      );
    return (
      <>
        <video
          controls
          preload="metadata"
          poster={poster?.url}
          src={playable.url}
          width={playable.width}
          height={playable.height}
          className="tip-media__video"
          aria-label={t('desk.media.videoLabel', { n })}
        >
          <track kind="captions" />
        </video>
        {playable.durationS !== undefined && (
          <p className="tip-muted">
            {t('desk.media.playCut', { minutes: Math.round(playable.durationS / 60) })}
          </p>
        )}
      </>
    );
  }

  if (media.kind === 'audio') {
    return playable ? (
      <audio controls preload="metadata" src={playable.url} aria-label={t('desk.media.audioLabel', { n })}>
        <track kind="captions" />
      </audio>
    ) : (
      <p className="tip-muted">{t('desk.media.notPlayable')}</p>
    );
  }

  const full = named(media, 'preview') ?? media.renditions[0];
  const small = named(media, 'thumb') ?? full;
  if (!full || !small) return null;
  const alt = t('desk.tip.mediaAlt', { n });
  return (
    <button
      type="button"
      className="tip-media__open"
      onClick={() => onOpenPhoto({ url: full.url, width: full.width, height: full.height, alt })}
    >
      <img src={small.url} alt={alt} className="tip-media__img" loading="lazy" />
      <span className="tip-media__open-label">{t('desk.media.openFull')}</span>
    </button>
  );
}
