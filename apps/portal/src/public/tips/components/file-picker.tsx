import { useTranslation } from 'react-i18next';
import { MEDIA_ACCEPT, TIP_FILE_MAX_BYTES, TIP_MAX_FILES, type Rejection } from '../api/tip-files';
import { sizeText } from './file-list';

interface Props {
  onPick: (files: FileList | null) => void;
  rejections: readonly Rejection[];
  disabled?: boolean;
  /** How many files may still be added (the follow-up page: what the tip has left). */
  maxFiles?: number;
}

/**
 * Two ways in: the camera (photo, video or sound, captured now) and the phone's gallery or files. Each is
 * a real file input inside its label, styled as a button, so keyboards and screen readers get a plain
 * control.
 */
export function FilePicker({ onPick, rejections, disabled = false, maxFiles = TIP_MAX_FILES }: Props) {
  const { t } = useTranslation();
  const maxSize = sizeText(t, TIP_FILE_MAX_BYTES);
  const pick = (input: HTMLInputElement) => {
    onPick(input.files);
    // The same file may be picked again after being removed.
    input.value = '';
  };
  return (
    <div className="file-picker">
      <div className="file-picker__buttons">
        <label
          className={
            disabled
              ? 'button button--primary file-picker__button is-disabled'
              : 'button button--primary file-picker__button'
          }
        >
          <input
            type="file"
            className="visually-hidden"
            accept={MEDIA_ACCEPT}
            capture="environment"
            disabled={disabled}
            onChange={(event) => pick(event.currentTarget)}
          />
          <CameraIcon />
          <span>{t('tip.files.camera')}</span>
        </label>
        <label
          className={
            disabled
              ? 'button button--secondary file-picker__button is-disabled'
              : 'button button--secondary file-picker__button'
          }
        >
          <input
            type="file"
            className="visually-hidden"
            accept={MEDIA_ACCEPT}
            multiple
            disabled={disabled}
            onChange={(event) => pick(event.currentTarget)}
          />
          <GalleryIcon />
          <span>{t('tip.files.gallery')}</span>
        </label>
      </div>
      {rejections.length > 0 && (
        <ul className="file-picker__rejections" role="alert">
          {rejections.map((rejection, index) => (
            <li key={index}>
              {rejection.reason === 'count'
                ? t('tip.files.rejectedCount', { max: maxFiles })
                : rejection.reason === 'size'
                  ? t('tip.files.rejectedSize', { name: rejection.name, max: maxSize })
                  : t('tip.files.rejectedType', { name: rejection.name })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CameraIcon() {
  return (
    <svg className="file-picker__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M9 3 7.2 5H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3H9Zm3 5a5 5 0 1 1 0 10 5 5 0 0 1 0-10Zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z"
      />
    </svg>
  );
}

function GalleryIcon() {
  return (
    <svg className="file-picker__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2Zm0 2v9.6l4.3-4.3a1 1 0 0 1 1.4 0l3.3 3.3 2.3-2.3a1 1 0 0 1 1.4 0L20 15.6V6H4Zm11 1.5a2 2 0 1 1 0 4 2 2 0 0 1 0-4Z"
      />
    </svg>
  );
}
