import { useTranslation } from 'react-i18next';
import { Notice } from '../../shared/components/notice';
import { PageLoading } from '../../shared/components/page-loading';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { usePublicAppeals } from '../hooks/use-public-appeals';
import { AppealCard } from './appeal-card';
import './home-page.css';

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const appeals = usePublicAppeals();

  return (
    <>
      <section className="hero" aria-labelledby="home-heading">
        <div className="container">
          <h1 id="home-heading" className="hero__heading">
            {t('home.heading')}
          </h1>
          <p className="hero__intro">{t('home.intro')}</p>
        </div>
      </section>

      <section className="container page-section" aria-labelledby="appeals-heading">
        <h2 id="appeals-heading">{t('home.listHeading')}</h2>
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
          <Notice tone="info" title={t('home.emptyTitle')}>
            <p>{t('home.emptyBody')}</p>
          </Notice>
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
