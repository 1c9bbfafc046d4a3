import type { StaffAppeal } from '@vigie/common';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealFormApi } from '../hooks/use-appeal-form';
import { IMAGE_ACCEPT, useImageUploads, type PendingImage } from '../hooks/use-image-uploads';
import { LocalizedFields } from './localized-fields';

interface Props {
  api: AppealFormApi;
  staffImages: StaffAppeal['images'];
  disabled: boolean;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function PendingUpload({
  item,
  onChange,
  onUpload,
  onDiscard,
}: {
  item: PendingImage;
  onChange: (change: Partial<PendingImage>) => void;
  onUpload: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const busy = item.status === 'uploading';
  return (
    <li className="pending-image">
      <img className="pending-image__preview" src={item.previewUrl} alt="" width={96} height={96} />
      <div className="pending-image__body">
        <p className="pending-image__name">
          {item.file.name}{' '}
          <span className="pending-image__size">
            ({t('desk.images.size', { mb: megabytes(item.file.size) })})
          </span>
        </p>
        <div className="checkbox">
          <input
            id={`${id}-composite`}
            type="checkbox"
            checked={item.isComposite}
            disabled={busy}
            onChange={(event) => onChange({ isComposite: event.target.checked })}
          />
          <label htmlFor={`${id}-composite`}>{t('desk.images.composite')}</label>
        </div>
        <LocalizedFields
          labels={{ fr: t('desk.images.altFr'), en: t('desk.images.altEn') }}
          maxLength={200}
          field={(lng) => ({
            name: `${id}-alt-${lng}`,
            value: lng === 'fr' ? item.altFr : item.altEn,
            disabled: busy,
            onChange: (event) =>
              onChange(lng === 'fr' ? { altFr: event.target.value } : { altEn: event.target.value }),
          })}
        />
        <div className="pending-image__progress">
          <progress
            max={1}
            value={item.progress}
            aria-label={t('desk.images.progressLabel', { name: item.file.name })}
          />
          <span aria-live="polite">
            {item.status === 'uploading' &&
              t('desk.images.uploading', { percent: Math.round(item.progress * 100) })}
          </span>
        </div>
        {item.error && (
          <p className="field__error" role="alert">
            {item.error}
          </p>
        )}
        <div className="button-row">
          <button
            type="button"
            className="button button--primary button--small"
            disabled={busy}
            onClick={onUpload}
          >
            {item.status === 'failed' ? t('desk.images.retry') : t('desk.images.upload')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={onDiscard}>
            {busy ? t('desk.images.cancel') : t('desk.images.discard')}
          </button>
        </div>
      </div>
    </li>
  );
}

/**
 * Photos and composite sketches. Uploading needs a saved appeal (the file is attached to it); each upload
 * joins the working copy, where its composite flag and alt texts stay editable. The first image is the
 * one cards and the social card show.
 */
export function ImageManager({ api, staffImages, disabled }: Props) {
  const { t } = useTranslation();
  const picker = useRef<HTMLInputElement>(null);
  const pickerId = useId();
  const uploads = useImageUploads(api.appealId, api.adoptUpload);
  const { register } = api.form;
  const byId = new Map(staffImages.map((image) => [image.id, image]));
  const pending = uploads.items.filter((item) => item.status !== 'done');
  const done = uploads.items.filter((item) => item.status === 'done');
  const ready = pending.filter((item) => item.status === 'ready').length;

  return (
    <section className="editor-section" aria-labelledby="images-heading">
      <h3 id="images-heading">{t('desk.images.heading')}</h3>
      {api.images.fields.length > 0 && (
        <ol className="image-list">
          {api.images.fields.map((field, index) => {
            const image = byId.get(field.id);
            return (
              <li key={field.key} className="image-list__item">
                {image ? (
                  <picture>
                    <source type="image/webp" srcSet={image.thumb.webp} />
                    <img
                      className="image-list__thumb"
                      src={image.thumb.jpeg}
                      width={image.thumb.width}
                      height={image.thumb.height}
                      alt=""
                    />
                  </picture>
                ) : (
                  <span className="image-list__thumb image-list__thumb--missing" aria-hidden="true" />
                )}
                <div className="image-list__body">
                  <p className="image-list__title">
                    {index === 0 ? t('desk.images.main') : t('desk.images.number', { n: index + 1 })}
                  </p>
                  <div className="checkbox">
                    <input
                      id={`${field.key}-composite`}
                      type="checkbox"
                      {...register(`content.images.${index}.isComposite`)}
                    />
                    <label htmlFor={`${field.key}-composite`}>{t('desk.images.composite')}</label>
                  </div>
                  <LocalizedFields
                    path={`content.images.${index}.alt`}
                    legend={t('desk.images.alt')}
                    hint={t('desk.images.altHint')}
                    error={api.fieldError(`content.images.${index}.alt`)}
                    register={register}
                    maxLength={200}
                  />
                  <div className="button-row">
                    {index > 0 && (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => api.images.move(index, 0)}
                      >
                        {t('desk.images.makeMain')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => {
                        api.images.remove(index);
                        picker.current?.focus();
                      }}
                    >
                      {t('desk.images.remove')}
                    </button>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}

      {!api.appealId ? (
        <p className="field__hint">{t('desk.images.saveFirst')}</p>
      ) : (
        !disabled && (
          <div className="uploader">
            <label className="field__label" htmlFor={pickerId}>
              {t('desk.images.pick')}
            </label>
            <p className="field__hint" id={`${pickerId}-hint`}>
              {t('desk.images.pickHint')}
            </p>
            <input
              ref={picker}
              id={pickerId}
              className="uploader__input"
              type="file"
              multiple
              accept={IMAGE_ACCEPT}
              aria-describedby={`${pickerId}-hint`}
              onChange={(event) => {
                if (event.target.files?.length) uploads.add(event.target.files);
                event.target.value = '';
              }}
            />
            {pending.length > 0 && (
              <ul className="pending-list" aria-label={t('desk.images.pendingLabel')}>
                {pending.map((item) => (
                  <PendingUpload
                    key={item.key}
                    item={item}
                    onChange={(change) => uploads.update(item.key, change)}
                    onUpload={() => void uploads.upload(item)}
                    onDiscard={() => {
                      uploads.discard(item.key);
                      picker.current?.focus();
                    }}
                  />
                ))}
              </ul>
            )}
            {ready > 1 && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => void uploads.uploadAll()}
              >
                {t('desk.images.uploadAll', { count: ready })}
              </button>
            )}
            <p className="visually-hidden" role="status">
              {done.length > 0 && t('desk.images.added', { name: done[done.length - 1].file.name })}
            </p>
          </div>
        )
      )}
    </section>
  );
}
