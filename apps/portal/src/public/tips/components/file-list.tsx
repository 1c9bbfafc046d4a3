import type { MediaKind } from '@vigie/common';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sizeParts } from '../api/tip-files';

export interface FileRow {
  key: string;
  name: string;
  size: number;
  kind: MediaKind;
  previewUrl?: string;
  large?: boolean;
  /** 0–1 while sending; undefined before. */
  progress?: number;
  /** Why the API refused this file at the last sending (translated). */
  error?: string;
}

interface Props {
  files: readonly FileRow[];
  onRemove?: (key: string) => void;
  label: string;
}

/** A size as the tipster reads it: "4 GB", "3.2 MB", "640 KB". */
export function sizeText(t: TFunction, bytes: number): string {
  const { unit, size } = sizeParts(bytes);
  return t(`tip.files.${unit}`, { size: size.toLocaleString() });
}

export function FileSize({ bytes }: { bytes: number }) {
  const { t } = useTranslation();
  return <>{sizeText(t, bytes)}</>;
}

function Thumbnail({ file }: { file: FileRow }) {
  // HEIC and some other photos cannot be drawn by every browser: show the kind's icon instead.
  const [broken, setBroken] = useState(false);
  if (file.previewUrl && !broken)
    return <img className="file-row__thumb" src={file.previewUrl} alt="" onError={() => setBroken(true)} />;
  return (
    <span className={`file-row__thumb file-row__thumb--${file.kind}`} aria-hidden="true">
      <svg viewBox="0 0 24 24" focusable="false">
        <path fill="currentColor" d={ICONS[file.kind]} />
      </svg>
    </span>
  );
}

const ICONS: Record<MediaKind, string> = {
  image:
    'M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2Zm0 11.6V18h16v-2.4l-4-4-2.3 2.3-3.3-3.3L4 15.6Z',
  video: 'M4 5h11a2 2 0 0 1 2 2v2.5l5-3v11l-5-3V17a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2Z',
  audio:
    'M12 2a3 3 0 0 1 3 3v6a3 3 0 0 1-6 0V5a3 3 0 0 1 3-3Zm-7 9h2a5 5 0 0 0 10 0h2a7 7 0 0 1-6 6.9V21h-2v-3.1A7 7 0 0 1 5 11Z',
};

/** Chosen files, each with a thumbnail (photos) or its kind, its size, its progress and a way to remove it. */
export function FileList({ files, onRemove, label }: Props) {
  const { t } = useTranslation();
  return (
    <ul className="file-list" aria-label={label}>
      {files.map((file) => (
        <li key={file.key} className="file-row">
          <Thumbnail file={file} />
          <div className="file-row__body">
            <p className="file-row__name">{file.name}</p>
            <p className="file-row__meta">
              {t(`tip.files.kind.${file.kind}`)} · <FileSize bytes={file.size} />
            </p>
            {file.large && <p className="file-row__note">{t('tip.files.large')}</p>}
            {file.error && <p className="file-row__error">{file.error}</p>}
            {file.progress !== undefined && (
              <progress
                className="file-row__progress"
                max={100}
                value={Math.round(file.progress * 100)}
                aria-label={t('tip.files.progressLabel', { name: file.name })}
              />
            )}
          </div>
          {onRemove && (
            <button
              type="button"
              className="button button--secondary file-row__remove"
              onClick={() => onRemove(file.key)}
            >
              {t('tip.files.remove')}
              <span className="visually-hidden"> {file.name}</span>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
