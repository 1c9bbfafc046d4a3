import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../shared/i18n/format';
import { usePortalLanguage } from '../../shared/i18n/language';
import { langOf, toAppealCardView } from '../api/appeal-card-view';
import { loadAppealPage, prefetchOnIntent } from '../page-loaders';
import type { AppealSummary } from '../api/public-appeals.api';

export function AppealCard({ appeal }: { appeal: AppealSummary }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const view = toAppealCardView(appeal, lang);
  const published = formatDate(view.publishedAt, lang);
  const kindLabel = t(`appeals.kind.${view.family}`);

  return (
    <article className={`appeal-card appeal-card--${view.family}`}>
      <div className="appeal-card__media">
        {view.image ? (
          <picture>
            {view.image.avif && <source srcSet={view.image.avif} type="image/avif" />}
            {view.image.webp && <source srcSet={view.image.webp} type="image/webp" />}
            <img
              className="appeal-card__image"
              src={view.image.src}
              width={view.image.width}
              height={view.image.height}
              alt={view.image.alt?.text ?? ''}
              lang={langOf(view.image.alt, lang)}
              loading="lazy"
              decoding="async"
            />
          </picture>
        ) : (
          <svg className="appeal-card__placeholder" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
            <circle cx="32" cy="24" r="11" fill="currentColor" />
            <path d="M12 56c1.8-11 9.8-17 20-17s18.2 6 20 17Z" fill="currentColor" />
          </svg>
        )}
        {view.image?.isComposite && <p className="appeal-card__composite">{t('appeals.composite')}</p>}
      </div>
      <div className="appeal-card__body">
        <p className={`badge badge--${view.family}`}>{kindLabel}</p>
        {view.outcome && <p className="appeal-card__outcome">{t(`appeals.outcome.${view.outcome}`)}</p>}
        <h3 className="appeal-card__title">
          <Link
            to={`/appeals/${encodeURIComponent(view.slug)}`}
            className="appeal-card__link"
            lang={langOf(view.title, lang)}
            {...prefetchOnIntent(loadAppealPage)}
          >
            {view.title?.text ?? kindLabel}
          </Link>
        </h3>
        {view.agencyName && <p className="appeal-card__agency">{view.agencyName}</p>}
        {view.summary && (
          <p className="appeal-card__summary" lang={langOf(view.summary, lang)}>
            {view.summary.text}
          </p>
        )}
        {view.reward && (
          <p className="appeal-card__reward">
            {t('appeals.reward', { amount: formatMoney(view.reward.amount, view.reward.currency, lang) })}
          </p>
        )}
        {published && (
          <p className="appeal-card__date">
            <time dateTime={view.publishedAt}>{t('home.publishedOn', { date: published })}</time>
          </p>
        )}
      </div>
    </article>
  );
}
