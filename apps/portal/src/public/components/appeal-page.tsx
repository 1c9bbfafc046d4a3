import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../shared/api/api-error';
import { Notice } from '../../shared/components/notice';
import { PageLoading } from '../../shared/components/page-loading';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { usePortalLanguage } from '../../shared/i18n/language';
import { pickText } from '../api/appeal-card-view';
import { usePublicAppeal } from '../hooks/use-public-appeal';
import { AppealArticle } from './appeal-article';
import './appeal-page.css';

/** `/appeals/:slug`: the page a shared link opens. Unknown (404) and withdrawn (410) appeals say so. */
export function AppealPage() {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const { slug = '' } = useParams();
  const appeal = usePublicAppeal(slug);
  const status = ApiError.isApiError(appeal.error) ? appeal.error.statusCode : null;
  const title = appeal.data
    ? (pickText(appeal.data.title, lang)?.text ?? '')
    : status === 410
      ? t('appeal.goneTitle')
      : status === 404
        ? t('appeal.notFoundTitle')
        : '';
  useDocumentTitle(title);

  if (appeal.isPending) {
    return (
      <div className="container page-section">
        <PageLoading label={t('appeal.loading')} fill />
      </div>
    );
  }

  if (appeal.isError) {
    const known = status === 404 || status === 410;
    return (
      <div className="container page-section">
        <h1>
          {status === 410
            ? t('appeal.goneTitle')
            : status === 404
              ? t('appeal.notFoundTitle')
              : t('appeal.errorTitle')}
        </h1>
        <Notice
          tone={known ? 'info' : 'error'}
          action={
            known ? (
              <Link to="/" className="button button--secondary">
                {t('appeal.backToList')}
              </Link>
            ) : (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void appeal.refetch()}
              >
                {t('common.retry')}
              </button>
            )
          }
        >
          <p>
            {status === 410
              ? t('appeal.goneBody')
              : status === 404
                ? t('appeal.notFoundBody')
                : t('appeal.errorBody')}
          </p>
        </Notice>
      </div>
    );
  }

  return (
    <div className="container page-section page-section--tight">
      <p className="appeal-back">
        <Link to="/">{t('appeal.backToList')}</Link>
      </p>
      <AppealArticle appeal={appeal.data} lang={lang} />
    </div>
  );
}
