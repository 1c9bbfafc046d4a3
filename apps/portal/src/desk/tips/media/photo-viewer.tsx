import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** A photo as the viewer opens it: the largest cleaned copy, at its own pixel size. */
export interface ViewedPhoto {
  url: string;
  width?: number;
  height?: number;
  /** "Photo 2 sent with the tip". */
  alt: string;
}

/** 0 fits the photo to the window; the others are multiples of its pixel size. */
const ZOOMS = [0, 1, 1.5, 2, 3, 4] as const;

/**
 * A photo at full size, with zoom, in a modal dialog: + and − (or the buttons) zoom, 0 fits it
 * back to the window, the arrows scroll a zoomed photo, Escape closes, and focus goes back to what
 * opened it. The picture is the cleaned copy (no metadata); the original stays sealed.
 */
export function PhotoViewer({ photo, onClose }: { photo: ViewedPhoto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);
  const [zoom, setZoom] = useState(0);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (photo && !element.open) {
      opener.current = document.activeElement;
      setZoom(0);
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', ''); // jsdom, and browsers before 2022
      stage.current?.focus();
    } else if (!photo && element.open) {
      if (typeof element.close === 'function') element.close();
      else element.removeAttribute('open');
    }
  }, [photo]);

  // However it closes (Escape, the button, the form), focus returns to the photo that opened it.
  const closed = () => {
    if (opener.current instanceof HTMLElement) opener.current.focus();
    opener.current = null;
    onClose();
  };

  const zoomBy = (step: number) => setZoom((z) => Math.min(ZOOMS.length - 1, Math.max(0, z + step)));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const action: Record<string, () => void> = {
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
      _: () => zoomBy(-1),
      '0': () => setZoom(0),
    };
    if (!action[event.key]) return;
    event.preventDefault();
    action[event.key]();
  };

  const factor = ZOOMS[zoom];
  const level =
    factor === 0 ? t('desk.media.viewer.fit') : t('desk.media.viewer.percent', { n: factor * 100 });
  const sized = factor !== 0 && photo?.width ? { width: photo.width * factor, maxWidth: 'none' } : undefined;

  return (
    <dialog
      ref={dialog}
      className="photo-viewer"
      aria-labelledby={titleId}
      onClose={closed}
      onKeyDown={onKeyDown}
    >
      {photo && (
        <>
          <div className="photo-viewer__bar">
            <h2 id={titleId} className="photo-viewer__title">
              {photo.alt}
              {photo.width && photo.height ? (
                <span className="tip-muted">
                  {' '}
                  · {photo.width} × {photo.height} px
                </span>
              ) : null}
            </h2>
            <div className="photo-viewer__tools" role="group" aria-label={t('desk.media.viewer.zoom')}>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => zoomBy(-1)}
                disabled={zoom === 0}
                aria-keyshortcuts="-"
              >
                {t('desk.media.viewer.zoomOut')}
              </button>
              <output className="photo-viewer__level" aria-live="polite">
                {level}
              </output>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => zoomBy(1)}
                disabled={zoom === ZOOMS.length - 1}
                aria-keyshortcuts="+"
              >
                {t('desk.media.viewer.zoomIn')}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setZoom(0)}
                disabled={zoom === 0}
                aria-keyshortcuts="0"
              >
                {t('desk.media.viewer.reset')}
              </button>
              <form method="dialog">
                <button type="submit" className="button button--small" aria-keyshortcuts="Escape">
                  {t('desk.media.viewer.close')}
                </button>
              </form>
            </div>
          </div>
          <p className="photo-viewer__hint tip-muted">{t('desk.media.viewer.keys')}</p>
          <div
            ref={stage}
            className={`photo-viewer__stage${factor === 0 ? ' photo-viewer__stage--fit' : ''}`}
            tabIndex={0}
            role="region"
            aria-label={t('desk.media.viewer.stage')}
          >
            <img src={photo.url} alt={photo.alt} className="photo-viewer__img" style={sized} />
          </div>
        </>
      )}
    </dialog>
  );
}
