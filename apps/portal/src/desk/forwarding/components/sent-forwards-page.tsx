import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { useSentForwards } from '../hooks/use-forwarding';
import { ForwardState } from './forward-section';
import './forwarding.css';

/** `/desk/forwards`: every tip this agency sent to another one, newest first. */
export function SentForwardsPage() {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const sent = useSentForwards();
  useDocumentTitle(t('desk.forward.listTitle'));
  if (sent.isPending) return <PageLoading label={t('desk.forward.loading')} />;
  return (
    <section className="container page-section desk-page" aria-labelledby="forwards-heading">
      <div className="desk-page__head">
        <h2 id="forwards-heading">{t('desk.forward.listTitle')}</h2>
      </div>
      <p className="field__hint">{t('desk.forward.listIntro')}</p>
      {sent.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, sent.error)}</p>
        </Notice>
      ) : sent.data.length === 0 ? (
        <p className="tip-muted">{t('desk.forward.listEmpty')}</p>
      ) : (
        <div className="forward-table-wrap">
          <table className="forward-table">
            <thead>
              <tr>
                <th scope="col">{t('desk.forward.colTip')}</th>
                <th scope="col">{t('desk.forward.colTo')}</th>
                <th scope="col">{t('desk.forward.colWhen')}</th>
                <th scope="col">{t('desk.forward.colState')}</th>
              </tr>
            </thead>
            <tbody>
              {sent.data.map((forward) => (
                <tr key={forward.id}>
                  <td>
                    <Link to={`/desk/forwards/${forward.id}`}>{forward.snapshot.code}</Link>
                    <span className="forward-table__excerpt">
                      {forward.snapshot.description.slice(0, 120)}
                    </span>
                  </td>
                  <td>
                    {forward.mode === 'TRANSFER'
                      ? t('desk.forward.sentTransfer', { agency: forward.to.name })
                      : t('desk.forward.sentCopy', { agency: forward.to.name })}
                  </td>
                  <td>{formatDate(forward.forwardedAt, lang, true)}</td>
                  <td>
                    <ForwardState forward={forward} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
