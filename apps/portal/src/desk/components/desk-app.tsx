import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError } from '../../shared/api/api-error';
import { NotFoundPage } from '../../shared/components/not-found-page';
import { Notice } from '../../shared/components/notice';
import { PageLoading } from '../../shared/components/page-loading';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { apiErrorMessage } from '../../shared/i18n/api-error-message';
import { useStaffProfile } from '../hooks/use-staff-profile';
import { InboxPlaceholder } from './inbox-placeholder';
import { StaffBar } from './staff-bar';
import '../i18n/desk-catalogue';
import './desk.css';

/**
 * Everything under /desk. Loaded on demand, so public pages never download it. Without a session the
 * API answers 401 and the visitor is sent to sign in, then brought back here.
 */
export function DeskApp() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.title'));
  const location = useLocation();
  const profile = useStaffProfile();

  if (profile.isPending) return <PageLoading label={t('desk.loading')} />;
  if (profile.isError) {
    if (ApiError.isApiError(profile.error) && profile.error.statusCode === 401) {
      return <Navigate to="/login" replace state={{ from: location.pathname }} />;
    }
    return (
      <div className="container page-section">
        <Notice
          tone="error"
          title={t('desk.loadErrorTitle')}
          action={
            <button type="button" className="button button--secondary" onClick={() => void profile.refetch()}>
              {t('common.retry')}
            </button>
          }
        >
          <p>{apiErrorMessage(t, profile.error)}</p>
        </Notice>
      </div>
    );
  }

  return (
    <div className="desk">
      <StaffBar profile={profile.data} />
      <div className="container">
        <h1 className="desk__title">{t('desk.title')}</h1>
        {profile.data.totpEnrolmentRequired && (
          <Notice tone="info" live={false}>
            {t('desk.totpEnrolmentRequired')}
          </Notice>
        )}
      </div>
      <Routes>
        <Route index element={<InboxPlaceholder />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
