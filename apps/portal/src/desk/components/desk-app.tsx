// First, before anything that may load the shared DTOs (see reflect-metadata.ts).
import '../reflect-metadata';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError } from '../../shared/api/api-error';
import { NotFoundPage } from '../../shared/components/not-found-page';
import { Notice } from '../../shared/components/notice';
import { PageLoading } from '../../shared/components/page-loading';
import { useDocumentTitle } from '../../shared/hooks/use-document-title';
import { apiErrorMessage } from '../../shared/i18n/api-error-message';
import { deskPermissions } from '../permissions';
import { AppealEditorPage, NewAppealPage } from '../appeals/components/appeal-editor-page';
import { AppealsListPage } from '../appeals/components/appeals-list-page';
import { ReviewQueuePage } from '../appeals/components/review-queue-page';
import { useStaffProfile } from '../hooks/use-staff-profile';
import { AgencySettingsPage } from '../admin/components/agency-settings-page';
import { MySessionsPage } from '../admin/components/my-sessions-page';
import { PlatformPage } from '../admin/components/platform-page';
import { StaffPage } from '../admin/components/staff-page';
import { AppealDashboardPage } from '../dashboard/components/appeal-dashboard-page';
import { RetentionPage } from '../records/retention-page';
import { RewardsPage } from '../rewards/rewards-page';
import { CasePage } from '../cases/components/case-page';
import { CasesListPage } from '../cases/components/cases-list-page';
import { ObservablePage } from '../observables/components/observable-page';
import { ForwardRecordPage } from '../forwarding/components/forward-record-page';
import { SentForwardsPage } from '../forwarding/components/sent-forwards-page';
import { InboxPage } from '../tips/components/inbox-page';
import { CallBackPage } from '../phone/components/call-back-page';
import { PhoneTipPage } from '../phone/components/phone-tip-page';
import { SocialAccountsPage } from '../reach/components/social-accounts-page';
import { SocialArchivePage } from '../reach/components/social-archive-page';
import { SocialAttentionPage } from '../reach/components/social-attention-page';
import { useLiveEvents } from '../tips/hooks/use-live-events';
import { usePrefetchInbox } from '../tips/hooks/use-tips';
import { DeskNav } from './desk-nav';
import { StaffBar } from './staff-bar';
import { withDeskQueries } from './with-desk-queries';
import '../i18n/desk-catalogue';
import '../appeals/components/appeals.css';
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
  usePrefetchInbox(/^\/desk(\/inbox|\/tips\/[^/]+)?\/?$/.test(location.pathname), location.search);
  // A PIO has no live stream (the API refuses it): they never see tips.
  const can = deskPermissions(profile.data?.roles ?? []);
  const readsTips = can.readTips;
  useLiveEvents(readsTips);
  // The platform operator belongs to no agency: their desk is the list of agencies, nothing else.
  const operator = can.operatePlatform;

  if (profile.isPending) return <PageLoading label={t('desk.loading')} />;
  if (profile.isError) {
    if (ApiError.isApiError(profile.error) && profile.error.statusCode === 401) {
      // Had a profile, now 401: the session was ended elsewhere (signed out, disabled by an admin).
      return (
        <Navigate
          to="/login"
          replace
          state={{ from: location.pathname, sessionEnded: profile.data !== undefined }}
        />
      );
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
      <DeskNav profile={profile.data} />
      <Routes>
        {/* One workspace for the list and the open tip, so moving between tips never remounts the list. */}
        <Route
          element={
            operator ? (
              <Navigate to="/desk/platform" replace />
            ) : readsTips ? (
              <InboxPage />
            ) : can.takeCalls && !can.readAppeals ? (
              <Navigate to="/desk/phone" replace />
            ) : (
              <Navigate to="/desk/appeals" replace />
            )
          }
        >
          <Route index element={null} />
          <Route path="inbox" element={null} />
          <Route path="tips/:id" element={null} />
        </Route>
        {operator && <Route path="platform" element={<PlatformPage />} />}
        <Route path="observables/:kind/:value" element={<ObservablePage />} />
        <Route path="forwards" element={<SentForwardsPage />} />
        <Route path="forwards/:id" element={<ForwardRecordPage />} />
        <Route path="cases" element={<CasesListPage />} />
        <Route path="cases/:id" element={<CasePage />} />
        <Route path="rewards" element={<RewardsPage />} />
        {can.administer && (
          <>
            <Route path="staff" element={<StaffPage />} />
            <Route path="settings/agency" element={<AgencySettingsPage />} />
            <Route path="settings/retention" element={<RetentionPage />} />
          </>
        )}
        {can.takeCalls && (
          <>
            <Route path="phone" element={<PhoneTipPage />} />
            <Route path="phone/call-back" element={<CallBackPage />} />
          </>
        )}
        {can.seeSocialAccounts && <Route path="reach/accounts" element={<SocialAccountsPage />} />}
        {can.readSocialArchive && <Route path="reach/archive" element={<SocialArchivePage />} />}
        {can.seeSocialPosts && <Route path="reach/attention" element={<SocialAttentionPage />} />}
        <Route path="sessions" element={<MySessionsPage />} />
        <Route path="appeals" element={<AppealsListPage />} />
        <Route path="appeals/new" element={<NewAppealPage />} />
        <Route path="appeals/:id" element={<AppealEditorPage />} />
        <Route path="appeals/:id/dashboard" element={<AppealDashboardPage />} />
        {can.appeals.review && <Route path="review" element={<ReviewQueuePage />} />}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}

/** `/desk/*`: the desk with its query cache (the one the sign-in page filled). */
export const DeskRoute = withDeskQueries(DeskApp);
