import { AppealStatus, RevisionState, type StaffAppeal } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { apiErrorMessage } from '../../../shared/i18n/api-error-message';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import { appealPermissions, deskPermissions } from '../../permissions';
import { SocialPostsSection } from '../../reach/components/social-posts-section';
import { useStaffAppeal } from '../hooks/use-staff-appeals';
import { AppealEditor } from './appeal-editor';
import { useAppealTitle } from './appeals-list-page';
import { PublishedActions } from './published-actions';
import { AppealStatusBadges } from './status-badge';

function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="desk-back">
      <Link to="/desk/appeals">{t('desk.appeals.back')}</Link>
    </p>
  );
}

/** `/desk/appeals/new`. Once saved, the appeal has an address of its own, and photos can be added. */
export function NewAppealPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.editor.newHeading'));
  const navigate = useNavigate();
  const profile = useStaffProfile().data;
  const can = appealPermissions(profile?.roles ?? []);
  return (
    <section className="container container--wide page-section desk-page" aria-labelledby="editor-heading">
      <BackLink />
      <h2 id="editor-heading">{t('desk.editor.newHeading')}</h2>
      {can.author ? (
        <AppealEditor
          agencyName={profile?.agency?.name ?? ''}
          readOnly={false}
          onSaved={(appeal, created) => {
            if (created)
              void navigate(`/desk/appeals/${appeal.id}`, { replace: true, state: { created: true } });
          }}
        />
      ) : (
        <Notice tone="error">{t('errors.FORBIDDEN')}</Notice>
      )}
    </section>
  );
}

function AppealState({ appeal }: { appeal: StaffAppeal }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  return (
    <div className="appeal-state">
      <AppealStatusBadges appeal={appeal} />
      {appeal.live && (
        <span className="appeal-state__live">
          {t('desk.editor.liveVersion', {
            n: appeal.live.versionNo,
            date: formatDate(appeal.live.publishedAt, lang, true),
          })}
        </span>
      )}
    </div>
  );
}

/** `/desk/appeals/:id`: the working copy in the editor, and what can be done to the live appeal. */
export function AppealEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  const profile = useStaffProfile().data;
  const can = appealPermissions(profile?.roles ?? []);
  const query = useStaffAppeal(id);
  const titleOf = useAppealTitle();
  const title = query.data ? titleOf(query.data) : null;
  useDocumentTitle(title?.text ?? t('desk.editor.heading'));

  if (query.isPending) return <PageLoading />;
  if (query.isError) {
    return (
      <div className="container page-section">
        <BackLink />
        <Notice tone="error">{apiErrorMessage(t, query.error)}</Notice>
      </div>
    );
  }

  const appeal = query.data;
  const inReview = appeal.revisionState === RevisionState.IN_REVIEW;
  const closed = appeal.status === AppealStatus.RESOLVED || appeal.status === AppealStatus.ARCHIVED;
  const readOnly = !can.author || inReview || closed;

  return (
    <section className="container container--wide page-section desk-page" aria-labelledby="editor-heading">
      <BackLink />
      <h2 id="editor-heading" lang={title?.lang}>
        {title?.text}
      </h2>
      <AppealState appeal={appeal} />
      {appeal.live && (
        <p>
          <Link to={`/desk/appeals/${appeal.id}/dashboard`}>{t('desk.dashboard.link')}</Link>
        </p>
      )}
      {created && <Notice tone="success">{t('desk.editor.created')}</Notice>}
      {appeal.rejectionReason && (
        <Notice tone="error" title={t('desk.editor.rejectedTitle')} live={false}>
          <p>{appeal.rejectionReason}</p>
        </Notice>
      )}
      {inReview && (
        <Notice tone="info" live={false}>
          {t('desk.editor.inReview')}
        </Notice>
      )}
      {closed && (
        <Notice tone="info" live={false}>
          {t('desk.editor.closed')}
        </Notice>
      )}
      {appeal.live && appeal.draft && !inReview && (
        <Notice tone="info" live={false}>
          {t('desk.editor.pendingRevision')}
        </Notice>
      )}

      {appeal.live && <PublishedActions appeal={appeal} permissions={can} />}
      {(appeal.live || closed) && deskPermissions(profile?.roles ?? []).seeSocialPosts && (
        <SocialPostsSection appeal={appeal} />
      )}

      <h3 className="desk-page__section-title">
        {appeal.live ? t('desk.editor.reviseHeading') : t('desk.editor.contentHeading')}
      </h3>
      <AppealEditor
        key={appeal.id}
        appeal={appeal}
        agencyName={profile?.agency?.name ?? ''}
        readOnly={readOnly}
        onSaved={() => undefined}
      />
    </section>
  );
}
