import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { pickText } from '../../api/appeal-card-view';
import { pendingReceipt } from '../api/pending-receipt';
import { useFollowUp } from '../hooks/use-follow-up';
import { useTipsCatalogue } from '../i18n/tips-catalogue';
import { FollowUpFiles } from './follow-up-files';
import { FollowUpSignIn } from './follow-up-sign-in';
import { FollowUpStatus } from './follow-up-status';
import { FollowUpThread } from './follow-up-thread';
import './tip-form.css';
import './follow-up.css';

/**
 * `/tips/follow-up`: the tipster comes back with the code and password from the receipt to read and
 * answer the investigators, add media, and see whether the tip is eligible for the reward. A lazy chunk.
 */
export function FollowUpPage() {
  useTipsCatalogue('tip', 'tipSend', 'followUp');
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  useDocumentTitle(t('followUp.title'));
  const followUp = useFollowUp();
  const { session, view, access } = followUp;
  // A receipt not yet saved stays one tap away, in this tab only.
  const reminder = pendingReceipt() && (
    <Notice tone="info" live={false}>
      <p>{t('followUp.receiptReminder')}</p>
      <p>
        <Link to="/tips/new">{t('followUp.receiptShow')}</Link>
      </p>
    </Notice>
  );

  if (!session || !access) {
    return (
      <div className="container page-section page-section--tight tip-page">
        {reminder}
        <FollowUpSignIn notice={followUp.notice} onSignedIn={followUp.signedIn} />
      </div>
    );
  }

  if (view.isPending) {
    return (
      <div className="container page-section page-section--tight tip-page">
        <PageLoading />
      </div>
    );
  }

  if (view.isError) {
    return (
      <div className="container page-section page-section--tight tip-page">
        <h1>{t('followUp.title')}</h1>
        <Notice
          tone="error"
          title={t('followUp.errors.load')}
          action={
            <button type="button" className="button button--secondary" onClick={() => void view.refetch()}>
              {t('common.retry')}
            </button>
          }
        />
      </div>
    );
  }

  const tip = view.data;
  const appealTitle = tip.appeal ? pickText(tip.appeal.title, lang) : null;

  return (
    <div className="container page-section page-section--tight tip-page follow-up">
      <h1 className="follow-up__title">
        {t('followUp.heading')}{' '}
        <span className="follow-up__code" translate="no">
          {tip.code}
        </span>
      </h1>
      {reminder}
      <div className="follow-up__facts">
        <p>{t('followUp.sentOn', { date: formatDate(tip.receivedAt, lang, true) })}</p>
        {tip.appeal && appealTitle && (
          <p>
            {t('followUp.appeal')}
            <Link
              to={`/appeals/${tip.appeal.slug}`}
              lang={appealTitle.lang !== lang ? appealTitle.lang : undefined}
            >
              {appealTitle.text}
            </Link>
          </p>
        )}
      </div>

      <FollowUpStatus view={tip} />
      <FollowUpThread
        view={tip}
        token={session.token}
        onUpdate={followUp.update}
        onExpired={followUp.expire}
        onRefresh={() => void view.refetch()}
        refreshing={view.isFetching}
      />
      <FollowUpFiles
        view={tip}
        token={session.token}
        access={access}
        onUpdate={followUp.update}
        onRefresh={() => void view.refetch()}
        onExpired={followUp.expire}
      />

      <div className="follow-up__end">
        <p>{t('followUp.sessionNote')}</p>
        <button type="button" className="button button--secondary" onClick={followUp.signOut}>
          {t('followUp.signOut')}
        </button>
      </div>
    </div>
  );
}
