import { AppealKind } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Notice } from '../../shared/components/notice';
import { PageLoading } from '../../shared/components/page-loading';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { usePortalLanguage } from '../../shared/i18n/language';
import { usePublicAppeals } from '../hooks/use-public-appeals';
import { alertsLink as enAlertsLink } from '../../locales/en.json?lazy=alertsLink';
import { alertsLink as frAlertsLink } from '../../locales/fr.json?lazy=alertsLink';
import { loadAlertsPage, loadTipFormPage, prefetchOnIntent } from '../page-loaders';
import type { AppealFilters as Filters } from '../api/public-appeals.api';
import { AppealCard } from './appeal-card';
import { AppealFilters } from './appeal-filters';
import './home-page.css';

export function HomePage() {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  useDocumentTitle(t('home.title'));
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind') ?? '';
  const filters: Filters = {
    kind: (Object.values(AppealKind) as string[]).includes(kindParam) ? (kindParam as AppealKind) : undefined,
    q: params.get('q')?.trim() || undefined,
  };
  const filtered = Boolean(filters.kind || filters.q);
  const appeals = usePublicAppeals(filters);

  const applyFilters = (next: Filters) => {
    const search = new URLSearchParams();
    if (next.kind) search.set('kind', next.kind);
    if (next.q) search.set('q', next.q);
    setParams(search, { replace: true });
  };

  return (
    <>
      <section className="hero" aria-labelledby="home-heading">
        <div className="container">
          <h1 id="home-heading" className="hero__heading">
            {t('home.heading')}
          </h1>
          <p className="hero__intro">{t('home.intro')}</p>
          <div className="hero__actions">
            <Link
              to="/tips/new"
              className="button button--accent button--large"
              {...prefetchOnIntent(loadTipFormPage)}
            >
              {t('home.sendTip')}
            </Link>
            <Link to="/tips/follow-up" className="hero__follow-up">
              {t('home.followUp')}
            </Link>
            <Link to="/alerts" className="hero__follow-up" {...prefetchOnIntent(loadAlertsPage)}>
              {lang === 'en' ? enAlertsLink : frAlertsLink}
            </Link>
          </div>
        </div>
      </section>

      <section className="container page-section" aria-labelledby="appeals-heading">
        <h2 id="appeals-heading">{t('home.listHeading')}</h2>
        <AppealFilters filters={filters} onChange={applyFilters} />
        <p className="appeal-count" role="status">
          {appeals.isSuccess && !appeals.isPlaceholderData
            ? t('home.count', { count: appeals.data.items.length })
            : ''}
        </p>
        {appeals.isPending ? (
          <PageLoading label={t('home.loading')} />
        ) : appeals.isError ? (
          <Notice
            tone="error"
            title={t('home.errorTitle')}
            action={
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void appeals.refetch()}
              >
                {t('common.retry')}
              </button>
            }
          >
            <p>{t('home.errorBody')}</p>
          </Notice>
        ) : appeals.data.items.length === 0 ? (
          filtered ? (
            <Notice
              tone="info"
              title={t('home.noMatchTitle')}
              action={
                <button type="button" className="button button--secondary" onClick={() => applyFilters({})}>
                  {t('home.filters.clear')}
                </button>
              }
            >
              <p>{t('home.noMatchBody')}</p>
            </Notice>
          ) : (
            <Notice tone="info" title={t('home.emptyTitle')}>
              <p>{t('home.emptyBody')}</p>
            </Notice>
          )
        ) : (
          <ul className="appeal-grid">
            {appeals.data.items.map((appeal) => (
              <li key={appeal.slug}>
                <AppealCard appeal={appeal} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
