import {
  APPEAL_KIND_WORDING,
  RESOLVED_INSTRUCTION,
  type AppealImage,
  type PublicAppeal,
} from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../shared/i18n/format';
import type { PortalLanguage } from '../../shared/i18n/language';
import { appealKindFamily, langOf, outcomeLabel, pickText, type Text } from '../api/appeal-card-view';
import { loadTipFormPage, prefetchOnIntent } from '../page-loaders';
// The article carries its own styles: the desk's previews render it without the public page around it.
import './appeal-page.css';
import { AppealPicture } from './appeal-picture';
import { AppealShare } from './appeal-share';
import { SubjectDetails } from './subject-details';

interface Props {
  appeal: PublicAppeal;
  lang: PortalLanguage;
  /** In the desk's preview: a heading level lower, no live links, no sharing. */
  preview?: boolean;
}

/** Paragraphs split on blank lines; single line breaks are kept by the stylesheet (pre-line). */
function Paragraphs({ text, className }: { text: Text; className?: string }) {
  return (
    <div className={className} lang={text.lang}>
      {text.text.split(/\n\s*\n/).map((paragraph, index) => (
        <p key={index}>{paragraph.trim()}</p>
      ))}
    </div>
  );
}

function ImageFigure({
  image,
  lang,
  main,
  compositeLabel,
}: {
  image: AppealImage;
  lang: PortalLanguage;
  main: boolean;
  compositeLabel: string;
}) {
  return (
    <figure className={main ? 'appeal-figure appeal-figure--main' : 'appeal-figure'}>
      <AppealPicture
        image={image}
        alt={pickText(image.alt, lang)}
        pageLang={lang}
        className="appeal-figure__image"
        sizes={main ? '(min-width: 52em) 28rem, 100vw' : '(min-width: 52em) 9rem, 33vw'}
        largest={main ? 'full' : 'card'}
        eager={main}
      />
      {image.isComposite && <figcaption className="appeal-figure__composite">{compositeLabel}</figcaption>}
    </figure>
  );
}

/**
 * Everything the public sees of an appeal, in the reader's language (or the other one, marked with
 * `lang`, when the agency has not translated a text). The desk shows the same component as its preview.
 */
export function AppealArticle({ appeal, lang, preview = false }: Props) {
  // Labels in `lang` too: the desk previews a page in either language, whatever its own language is.
  const { t } = useTranslation(undefined, { lng: lang });
  // In the desk's preview the page sits under the editor's own headings.
  const Title = preview ? 'h5' : 'h1';
  const Section = preview ? 'h6' : 'h2';
  const family = appealKindFamily(appeal.kind);
  const outcome = appeal.status === 'RESOLVED' || appeal.outcome ? outcomeLabel(appeal.outcome) : null;
  const title = pickText(appeal.title, lang);
  const summary = pickText(appeal.summary, lang);
  const body = pickText(appeal.body, lang);
  const caution = pickText(appeal.caution, lang);
  const note = pickText(appeal.resolution?.note, lang);
  const published = formatDate(appeal.publishedAt, lang);
  const updated = appeal.updatedAt !== appeal.publishedAt ? formatDate(appeal.updatedAt, lang) : null;
  const images = appeal.images ?? [];
  const subjects = appeal.subjects ?? [];
  const vehicles = (appeal.vehicles ?? []).filter((v) =>
    Object.values(v).some((x) => x !== undefined && x !== ''),
  );
  const updates = [...(appeal.updates ?? [])].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  const reward = !outcome ? appeal.reward : undefined;
  const lastSeen = appeal.lastSeen;
  const lastSeenPlace = pickText(lastSeen?.place, lang);
  const lastSeenAt = formatDate(lastSeen?.at, lang, true);
  const hasCoordinates = typeof lastSeen?.latitude === 'number' && typeof lastSeen?.longitude === 'number';
  const compositeLabel = t('appeal.compositeLabel');
  const tipPath = `/tips/new?appeal=${encodeURIComponent(appeal.slug)}`;
  const headingId = preview ? 'preview-title' : 'appeal-title';
  // The same words CAP, the poster and the feeds give for this kind (libs/common's public wording).
  const instruction = outcome
    ? RESOLVED_INSTRUCTION[lang]
    : APPEAL_KIND_WORDING[appeal.kind as keyof typeof APPEAL_KIND_WORDING]?.instruction[lang];

  const cta = (
    <div className="appeal__cta">
      {preview ? (
        <span className="button button--accent button--large">{t('appeal.cta')}</span>
      ) : (
        <Link
          to={tipPath}
          className="button button--accent button--large"
          {...prefetchOnIntent(loadTipFormPage)}
        >
          {t('appeal.cta')}
        </Link>
      )}
      <p className="appeal__cta-hint">{t('appeal.ctaHint')}</p>
    </div>
  );

  return (
    <article className={`appeal appeal--${family}`} aria-labelledby={headingId}>
      <p className={`appeal__banner appeal__banner--${family}`}>{t(`appeals.kind.${family}`)}</p>
      {outcome && (
        <p className="appeal__outcome">
          <strong>{t(`appeals.outcome.${outcome}`)}</strong>
          {appeal.resolution?.resolvedAt && <span> · {formatDate(appeal.resolution.resolvedAt, lang)}</span>}
        </p>
      )}

      <div className={images.length ? 'appeal__top' : 'appeal__top appeal__top--text'}>
        {images.length > 0 && (
          <div className="appeal__media">
            <ImageFigure image={images[0]} lang={lang} main compositeLabel={compositeLabel} />
            {images.length > 1 && (
              <div className="appeal__thumbs">
                {images.slice(1).map((image) => (
                  <ImageFigure
                    key={image.id}
                    image={image}
                    lang={lang}
                    main={false}
                    compositeLabel={compositeLabel}
                  />
                ))}
              </div>
            )}
          </div>
        )}

        <div className="appeal__lead">
          <Title id={headingId} className="appeal__title" lang={langOf(title, lang)}>
            {title?.text ?? t(`appeals.kind.${family}`)}
          </Title>
          <p className="appeal__meta">
            {appeal.agency?.name && <span className="appeal__agency">{appeal.agency.name}</span>}
            {published && <span>{t('appeal.published', { date: published })}</span>}
            {updated && <span>{t('appeal.updated', { date: updated })}</span>}
          </p>
          {summary && (
            <p className="appeal__summary" lang={langOf(summary, lang)}>
              {summary.text}
            </p>
          )}
          {caution && (
            <div className="appeal__caution" role="note">
              <p className="appeal__caution-title">{t('appeal.caution')}</p>
              <p lang={langOf(caution, lang)}>{caution.text}</p>
            </div>
          )}
          {reward && typeof reward.amount === 'number' && (
            <section className="reward" aria-labelledby={`${headingId}-reward`}>
              <Section id={`${headingId}-reward`} className="reward__heading">
                {t('appeal.reward.heading')}
              </Section>
              <p className="reward__amount">
                {t('appeal.reward.amount', { amount: formatMoney(reward.amount, reward.currency, lang) })}
              </p>
              {pickText(reward.terms, lang) && (
                <p className="reward__terms" lang={langOf(pickText(reward.terms, lang), lang)}>
                  {pickText(reward.terms, lang)?.text}
                </p>
              )}
              {reward.expiresAt && formatDate(reward.expiresAt, lang) && (
                <p className="reward__expiry">
                  {t('appeal.reward.expires', { date: formatDate(reward.expiresAt, lang) })}
                </p>
              )}
            </section>
          )}
          {!outcome && cta}
          <div className="appeal__emergency">
            {instruction && <p className="appeal__instruction">{instruction}</p>}
            <p>
              <strong>{t('appeal.emergency')}</strong>{' '}
              {preview ? (
                <span>{t('appeal.emergencyCall')}</span>
              ) : (
                <a href="tel:911">{t('appeal.emergencyCall')}</a>
              )}
            </p>
          </div>
        </div>
      </div>

      {note && (
        <section className="appeal__section" aria-labelledby={`${headingId}-resolution`}>
          <Section id={`${headingId}-resolution`}>{t('appeal.resolutionHeading')}</Section>
          <Paragraphs text={note} className="appeal__text" />
        </section>
      )}

      {updates.length > 0 && (
        <section className="appeal__section" aria-labelledby={`${headingId}-updates`}>
          <Section id={`${headingId}-updates`}>
            {t(outcome ? 'appeal.updates.supersededHeading' : 'appeal.updates.heading')}
          </Section>
          {outcome && <p className="updates__superseded-note">{t('appeal.updates.supersededNote')}</p>}
          <ol className={outcome ? 'updates updates--superseded' : 'updates'}>
            {updates.map((update) => {
              const text = pickText(update.text, lang);
              // Once resolved, a correction is history, not a warning: it loses its red.
              const rumour = update.kind === 'RUMOUR_CORRECTION' && !outcome;
              return (
                <li key={update.id} className={rumour ? 'update update--rumour' : 'update'}>
                  <p className="update__meta">
                    <span className="update__kind">
                      {t(`appeal.updates.${update.kind}`)}
                      {outcome && ` · ${t('appeal.updates.superseded')}`}
                    </span>
                    <time dateTime={update.publishedAt}>{formatDate(update.publishedAt, lang, true)}</time>
                  </p>
                  {text && <Paragraphs text={text} className="update__text" />}
                </li>
              );
            })}
          </ol>
        </section>
      )}

      {body && (
        <section className="appeal__section" aria-labelledby={`${headingId}-details`}>
          <Section id={`${headingId}-details`}>{t('appeal.details')}</Section>
          <Paragraphs text={body} className="appeal__text" />
        </section>
      )}

      {subjects.length > 0 && (
        <section className="appeal__section" aria-labelledby={`${headingId}-subjects`}>
          <Section id={`${headingId}-subjects`}>{t('appeal.subjectsHeading')}</Section>
          <div className="subjects">
            {subjects.map((subject, index) => (
              <SubjectDetails
                key={index}
                subject={subject}
                lang={lang}
                headingLevel={preview ? 'h6' : 'h3'}
              />
            ))}
          </div>
        </section>
      )}

      {(lastSeenPlace || lastSeenAt || hasCoordinates) && (
        <section className="appeal__section" aria-labelledby={`${headingId}-last-seen`}>
          <Section id={`${headingId}-last-seen`}>{t('appeal.lastSeen.heading')}</Section>
          <dl className="facts">
            {lastSeenPlace && (
              <div className="facts__row">
                <dt>{t('appeal.lastSeen.place')}</dt>
                <dd lang={langOf(lastSeenPlace, lang)}>{lastSeenPlace.text}</dd>
              </div>
            )}
            {lastSeenAt && (
              <div className="facts__row">
                <dt>{t('appeal.lastSeen.at')}</dt>
                <dd>
                  <time dateTime={lastSeen?.at}>{lastSeenAt}</time>
                </dd>
              </div>
            )}
            {hasCoordinates && (
              <div className="facts__row">
                <dt>{t('appeal.lastSeen.coordinates')}</dt>
                <dd>
                  {preview ? (
                    `${lastSeen?.latitude}, ${lastSeen?.longitude}`
                  ) : (
                    <a
                      href={`https://www.openstreetmap.org/?mlat=${lastSeen?.latitude}&mlon=${lastSeen?.longitude}#map=16/${lastSeen?.latitude}/${lastSeen?.longitude}`}
                      rel="noopener noreferrer"
                    >
                      {t('appeal.lastSeen.map', { lat: lastSeen?.latitude, lon: lastSeen?.longitude })}
                    </a>
                  )}
                </dd>
              </div>
            )}
          </dl>
        </section>
      )}

      {vehicles.length > 0 && (
        <section className="appeal__section" aria-labelledby={`${headingId}-vehicles`}>
          <Section id={`${headingId}-vehicles`}>{t('appeal.vehicles.heading')}</Section>
          <ul className="vehicles">
            {vehicles.map((vehicle, index) => (
              <li key={index} className="vehicle">
                <span className="vehicle__name">
                  {[vehicle.year, vehicle.make, vehicle.model].filter(Boolean).join(' ') ||
                    t('appeal.vehicles.unknown')}
                </span>
                {vehicle.colour && <span>{t('appeal.vehicles.colour', { colour: vehicle.colour })}</span>}
                {vehicle.plate && (
                  <span className="vehicle__plate">
                    {t('appeal.vehicles.plate', {
                      plate: vehicle.plate,
                      region: vehicle.plateRegion ? ` (${vehicle.plateRegion})` : '',
                    })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {!outcome && (body || subjects.length > 0) && cta}
      {/* A resolved appeal is not to be spread any further. */}
      {!preview && !outcome && <AppealShare appeal={appeal} title={title?.text ?? ''} />}
    </article>
  );
}
