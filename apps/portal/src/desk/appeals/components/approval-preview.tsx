import type { AppealImage, StaffAppeal } from '@vigie/common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../../public/api/appeal-card-view';
import { AppealArticle } from '../../../public/components/appeal-article';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { apiErrorMessage } from '../../../shared/i18n/api-error-message';
import { PORTAL_LANGUAGES, usePortalLanguage, type PortalLanguage } from '../../../shared/i18n/language';
import { useAppealPreview } from '../hooks/use-staff-appeals';

/**
 * What approving publishes, made by the API from the revision in review with the code that makes the
 * real page, feeds, CAP and card: the supervisor reads what will go out, not an approximation of it.
 * Images are shown from the desk's own URLs (the public ones answer only once published).
 */
export function ApprovalPreview({ appeal }: { appeal: StaffAppeal }) {
  const { t } = useTranslation();
  const id = useId();
  const [lang, setLang] = useState<PortalLanguage>(usePortalLanguage());
  const preview = useAppealPreview(appeal.id, appeal.version);

  if (preview.isPending) return <PageLoading />;
  if (preview.isError) return <Notice tone="error">{apiErrorMessage(t, preview.error)}</Notice>;

  const staffImages = new Map(appeal.images.map((image) => [image.id, image]));
  const shown = (image: AppealImage): AppealImage => {
    const staff = staffImages.get(image.id);
    return staff ? { ...staff, isComposite: image.isComposite, alt: image.alt } : image;
  };
  const page = {
    ...preview.data.appeal,
    images: preview.data.appeal.images.map(shown),
    thumbnail: preview.data.appeal.thumbnail && shown(preview.data.appeal.thumbnail),
  };
  const feed = preview.data.feed[lang];
  const title = pickText(page.title, lang)?.text ?? '';

  return (
    <section className="preview approval-preview" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('desk.approval.heading', { version: page.versionNo })}</h4>
      <p className="field__hint">{t('desk.approval.intro')}</p>
      <fieldset className="preview__lang">
        <legend>{t('desk.preview.language')}</legend>
        {PORTAL_LANGUAGES.map((lng) => (
          <label key={lng} className="preview__lang-option">
            <input type="radio" name={`${id}-lang`} checked={lang === lng} onChange={() => setLang(lng)} />
            {t(`desk.editor.lang.${lng}`)}
          </label>
        ))}
      </fieldset>

      <div className="approval-preview__columns">
        <div className="approval-preview__column">
          <h5 className="preview__subheading">{t('desk.preview.page')}</h5>
          <div className="preview__page" lang={lang} data-testid="approval-page">
            <AppealArticle appeal={page} lang={lang} preview />
          </div>
        </div>
        <div className="approval-preview__column">
          <h5 className="preview__subheading">{t('desk.approval.feed')}</h5>
          <div className="approval-preview__feed" lang={lang} data-testid="approval-feed">
            <p className="approval-preview__feed-title">{feed.title}</p>
            <p>{feed.summary}</p>
            <p className="approval-preview__link">{feed.link}</p>
          </div>

          <h5 className="preview__subheading">{t('desk.approval.card')}</h5>
          <img
            className="approval-preview__card"
            src={`${preview.data.socialCard}?v=${appeal.version}`}
            alt={t('desk.preview.socialLabel', { title })}
            width={1200}
            height={630}
          />

          <h5 className="preview__subheading">{t('desk.approval.cap')}</h5>
          {preview.data.cap ? (
            <details className="approval-preview__cap">
              <summary>{t('desk.approval.capShow')}</summary>
              <pre data-testid="approval-cap">{preview.data.cap}</pre>
            </details>
          ) : (
            <p className="field__hint">{t('desk.approval.noCap')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
