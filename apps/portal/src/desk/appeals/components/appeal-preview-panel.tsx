import type { AppealKind, PublicAppeal, StaffAppeal } from '@vigie/common';
import { useId, useState } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { appealKindFamily, outcomeLabel, pickText } from '../../../public/api/appeal-card-view';
import { AppealArticle } from '../../../public/components/appeal-article';
import { formatMoney } from '../../../shared/i18n/format';
import { PORTAL_LANGUAGES, usePortalLanguage, type PortalLanguage } from '../../../shared/i18n/language';
import { toAppealContent, type AppealFormValues } from '../api/appeal-form-values';
import { toPreviewAppeal } from '../api/appeal-preview';

/**
 * A client-side approximation of the 1200x630 card the API renders for social networks (see the API's
 * social-card.ts): kind banner in both languages, first image, French title then English, reward, agency.
 */
export function SocialCardPreview({ appeal }: { appeal: PublicAppeal }) {
  const { t } = useTranslation();
  const family = appealKindFamily(appeal.kind);
  const resolved = appeal.status === 'RESOLVED';
  const label = (lng: PortalLanguage) =>
    resolved
      ? t(`appeals.outcome.${outcomeLabel(appeal.outcome)}`, { lng })
      : t(`appeals.kind.${family}`, { lng });
  const image = appeal.images[0];
  const titleFr = pickText(appeal.title, 'fr');
  const titleEn = appeal.title.fr?.trim() && appeal.title.en?.trim() ? appeal.title.en : null;
  return (
    <div
      className="social-card"
      role="img"
      aria-label={t('desk.preview.socialLabel', { title: titleFr?.text ?? '' })}
    >
      <p
        className={
          resolved
            ? 'social-card__banner social-card__banner--resolved'
            : `social-card__banner social-card__banner--${family}`
        }
      >
        {label('fr')} · {label('en')}
      </p>
      <div className={image ? 'social-card__body social-card__body--photo' : 'social-card__body'}>
        {image && (
          <div className="social-card__photo">
            <img src={image.card.jpeg} alt="" width={image.card.width} height={image.card.height} />
            {image.isComposite && (
              <p className="social-card__composite">
                {t('appeals.composite', { lng: 'fr' })} · {t('appeals.composite', { lng: 'en' })}
              </p>
            )}
          </div>
        )}
        <div className="social-card__text">
          <p className="social-card__title" lang={titleFr?.lang}>
            {titleFr?.text}
          </p>
          {titleEn && (
            <p className="social-card__title-en" lang="en">
              {titleEn}
            </p>
          )}
          {appeal.reward && typeof appeal.reward.amount === 'number' && (
            <p className="social-card__reward">
              {t('desk.preview.reward', {
                amount: formatMoney(appeal.reward.amount, appeal.reward.currency, 'fr'),
              })}
            </p>
          )}
          <p className="social-card__agency">{appeal.agency.name}</p>
        </div>
      </div>
    </div>
  );
}

interface Props {
  control: Control<AppealFormValues>;
  kind: AppealKind | '';
  appeal?: StaffAppeal;
  agencyName: string;
}

/** The public page and the social card as they would look if this working copy were approved now. */
export function AppealPreviewPanel({ control, kind, appeal, agencyName }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [lang, setLang] = useState<PortalLanguage>(usePortalLanguage());
  const values = useWatch({ control }) as AppealFormValues;
  if (!kind) {
    return (
      <section className="preview" aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`}>{t('desk.preview.heading')}</h3>
        <p className="field__hint">{t('desk.preview.chooseKind')}</p>
      </section>
    );
  }
  const preview = toPreviewAppeal({
    kind,
    content: toAppealContent(values),
    staffImages: appeal?.images ?? [],
    agencyName,
    slug: appeal?.slug,
    live: appeal,
  });

  return (
    <section className="preview" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('desk.preview.heading')}</h3>
      <fieldset className="preview__lang">
        <legend>{t('desk.preview.language')}</legend>
        {PORTAL_LANGUAGES.map((lng) => (
          <label key={lng} className="preview__lang-option">
            <input type="radio" name={`${id}-lang`} checked={lang === lng} onChange={() => setLang(lng)} />
            {t(`desk.editor.lang.${lng}`)}
          </label>
        ))}
      </fieldset>
      <h4 className="preview__subheading">{t('desk.preview.social')}</h4>
      <SocialCardPreview appeal={preview} />
      <h4 className="preview__subheading">{t('desk.preview.page')}</h4>
      <div className="preview__page" lang={lang}>
        <AppealArticle appeal={preview} lang={lang} preview />
      </div>
    </section>
  );
}
