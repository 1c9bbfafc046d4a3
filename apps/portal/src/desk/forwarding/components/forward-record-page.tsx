import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ForwardRecord } from '@vigie/common';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { useDeskPermissions } from '../../permissions';
import { useForwardRecord, useRevokeForward } from '../hooks/use-forwarding';
import { ForwardState } from './forward-section';
import '../../tips/components/tip-detail.css';
import './forwarding.css';

/** `/desk/forwards/:id`: the read-only record of a tip this agency sent to another one. */
export function ForwardRecordPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const record = useForwardRecord(id);
  useDocumentTitle(
    record.data
      ? t('desk.forward.recordTitle', { code: record.data.snapshot.code })
      : t('desk.forward.loading'),
  );
  if (record.isPending) return <PageLoading label={t('desk.forward.loading')} />;
  if (record.isError)
    return (
      <div className="container page-section">
        <Notice tone="error">
          <p>{deskErrorMessage(t, record.error)}</p>
        </Notice>
      </div>
    );
  return <RecordView record={record.data} />;
}

function RecordView({ record }: { record: ForwardRecord }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const canForward = useDeskPermissions().forwardTips;
  const revoke = useRevokeForward();
  const s = record.snapshot;
  const stillOurs = record.mode === 'COPY' || !!record.revokedAt;
  return (
    <article className="container page-section desk-page forward-record" aria-labelledby="forward-heading">
      <p>
        <Link to="/desk/forwards">{t('desk.forward.backToList')}</Link>
      </p>
      <div className="desk-page__head">
        <h2 id="forward-heading">{t('desk.forward.recordTitle', { code: s.code })}</h2>
        <p className="forward-record__badge">
          {record.mode === 'TRANSFER'
            ? t('desk.forward.sentTransfer', { agency: record.to.name })
            : t('desk.forward.sentCopy', { agency: record.to.name })}
        </p>
      </div>
      <Notice tone="info" live={false}>
        <p>
          {record.mode === 'TRANSFER' && !record.revokedAt
            ? t('desk.forward.readOnly')
            : t('desk.forward.readOnlyCopy')}
        </p>
      </Notice>
      <div className="forward-record__grid">
        <section className="tip-card" aria-labelledby="forward-sent-heading">
          <h3 id="forward-sent-heading">{t('desk.forward.whatWasSent')}</h3>
          <p className="tip-detail__text" lang={s.language !== lang ? s.language : undefined}>
            {s.description}
          </p>
          <dl className="tip-facts">
            <div>
              <dt>{t('desk.tip.received')}</dt>
              <dd>{formatDate(s.receivedAt, lang, true)}</dd>
            </div>
            {s.occurredFrom && (
              <div>
                <dt>{t('desk.tip.when')}</dt>
                <dd>
                  {formatDate(s.occurredFrom, lang, true)}
                  {s.occurredTo && ` – ${formatDate(s.occurredTo, lang, true)}`}
                </dd>
              </div>
            )}
            {s.place && (
              <div>
                <dt>{t('desk.tip.place')}</dt>
                <dd>{s.place}</dd>
              </div>
            )}
            <div>
              <dt>{t('desk.forward.statusThen')}</dt>
              <dd>{t(`desk.tipStatus.${s.status}`)}</dd>
            </div>
            <div>
              <dt>{t('desk.forward.filesSent')}</dt>
              <dd>{t('desk.forward.filesSentValue', { count: s.mediaSent })}</dd>
            </div>
            <div>
              <dt>{t('desk.forward.contactSentLabel')}</dt>
              <dd>{s.contactSent ? t('desk.forward.contactSentYes') : t('desk.forward.contactSentNo')}</dd>
            </div>
          </dl>
        </section>
        <aside className="forward-record__side" aria-label={t('desk.forward.heading')}>
          <section className="tip-card" aria-labelledby="forward-how-heading">
            <h3 id="forward-how-heading">{t('desk.forward.how')}</h3>
            <dl className="tip-facts">
              <div>
                <dt>{t('desk.forward.by')}</dt>
                <dd>
                  {record.forwardedBy?.displayName} · {formatDate(record.forwardedAt, lang, true)}
                </dd>
              </div>
              <div>
                <dt>{t('desk.forward.state')}</dt>
                <dd>
                  <ForwardState forward={record} />
                </dd>
              </div>
            </dl>
            <p className="forward-dialog__note-label">{t('desk.forward.yourNote')}</p>
            <blockquote className="forward-note">{record.note}</blockquote>
            {canForward && record.revocable && (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate({ tipId: record.tipId, forwardId: record.id })}
              >
                {t('desk.forward.revoke', { agency: record.to.name })}
              </button>
            )}
            {revoke.isError && (
              <Notice tone="error">
                <p>{deskErrorMessage(t, revoke.error)}</p>
              </Notice>
            )}
            {stillOurs && (
              <p>
                <Link to={`/desk/tips/${record.tipId}`}>{t('desk.forward.openTip')}</Link>
              </p>
            )}
          </section>
          <section className="tip-card" aria-labelledby="forward-notes-heading">
            <h3 id="forward-notes-heading">{t('desk.forward.ourNotes')}</h3>
            {record.notes.length === 0 ? (
              <p className="tip-muted">{t('desk.tip.noNotes')}</p>
            ) : (
              <ol className="tip-notes">
                {record.notes.map((note) => (
                  <li key={note.id}>
                    <p className="tip-muted">
                      {note.author.displayName} · {formatDate(note.createdAt, lang, true)}
                    </p>
                    <p>{note.body}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </aside>
      </div>
    </article>
  );
}
