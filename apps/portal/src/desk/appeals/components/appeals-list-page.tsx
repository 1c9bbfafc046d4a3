import { AppealStatus, type StaffAppeal } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { appealKindFamily, pickText } from '../../../public/api/appeal-card-view';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { apiErrorMessage } from '../../../shared/i18n/api-error-message';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { StatusFilter, useStatusParam } from '../../components/status-filter';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import { appealPermissions } from '../../permissions';
import { useAppealList } from '../hooks/use-staff-appeals';
import { AppealStatusBadges } from './status-badge';

/** The appeal's title as the desk shows it: the working copy's, else the live one's. */
export function useAppealTitle() {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  return (appeal: StaffAppeal) => {
    const title = pickText((appeal.draft ?? appeal.live?.content)?.title, lang);
    return { text: title?.text || t('desk.appeals.untitled'), lang: title?.lang };
  };
}

/** `/desk/appeals`: every appeal of the agency, most recently changed first. */
export function AppealsListPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.appeals.heading'));
  const lang = usePortalLanguage();
  const [status, setStatus] = useStatusParam(Object.values(AppealStatus));
  const appeals = useAppealList(status ?? undefined);
  const can = appealPermissions(useStaffProfile().data?.roles ?? []);
  const titleOf = useAppealTitle();

  return (
    <section className="container page-section desk-page" aria-labelledby="appeals-heading">
      <div className="desk-page__head">
        <h2 id="appeals-heading">{t('desk.appeals.heading')}</h2>
        {can.author && (
          <Link to="/desk/appeals/new" className="button button--primary">
            {t('desk.appeals.new')}
          </Link>
        )}
      </div>
      <StatusFilter
        label={t('desk.appeals.filter')}
        allLabel={t('desk.appeals.allStatuses')}
        statuses={Object.values(AppealStatus)}
        labelOf={(value) => t(`desk.status.${value}`)}
        status={status}
        onChange={setStatus}
      />

      {appeals.isPending ? (
        <PageLoading />
      ) : appeals.isError ? (
        <Notice
          tone="error"
          action={
            <button type="button" className="button button--secondary" onClick={() => void appeals.refetch()}>
              {t('common.retry')}
            </button>
          }
        >
          <p>{apiErrorMessage(t, appeals.error)}</p>
        </Notice>
      ) : appeals.data.length === 0 ? (
        <Notice tone="info" live={false} title={t('desk.appeals.emptyTitle')}>
          <p>{t('desk.appeals.emptyBody')}</p>
        </Notice>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">
              {t('desk.appeals.caption', { count: appeals.data.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('desk.appeals.colTitle')}</th>
                <th scope="col">{t('desk.appeals.colKind')}</th>
                <th scope="col">{t('desk.appeals.colStatus')}</th>
                <th scope="col">{t('desk.appeals.colUpdated')}</th>
              </tr>
            </thead>
            <tbody>
              {appeals.data.map((appeal) => {
                const title = titleOf(appeal);
                return (
                  <tr key={appeal.id}>
                    <th scope="row">
                      <Link
                        to={`/desk/appeals/${appeal.id}`}
                        lang={title.lang !== lang ? title.lang : undefined}
                      >
                        {title.text}
                      </Link>
                      {appeal.rejectionReason && (
                        <span className="data-table__flag">{t('desk.appeals.rejected')}</span>
                      )}
                    </th>
                    <td>{t(`appeals.kind.${appealKindFamily(appeal.kind)}`)}</td>
                    <td>
                      <AppealStatusBadges appeal={appeal} />
                    </td>
                    <td>{formatDate(appeal.updatedAt, lang, true)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
