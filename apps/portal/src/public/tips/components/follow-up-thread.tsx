import { CoarseTipStatus, type FollowUpView } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { TextAreaField } from '../../../shared/components/form-fields';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { useFollowUpReplyForm } from '../hooks/use-follow-up-forms';

interface Props {
  view: FollowUpView;
  token: string;
  onUpdate: (view: FollowUpView) => void;
  onExpired: () => void;
  onRefresh: () => void;
  refreshing: boolean;
}

/** The conversation with the investigators (never named), oldest first, and the reply box. */
export function FollowUpThread({ view, token, onUpdate, onExpired, onRefresh, refreshing }: Props) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const reply = useFollowUpReplyForm(token, onUpdate, onExpired);
  const closed = view.status === CoarseTipStatus.CLOSED;

  return (
    <section className="follow-up-section" aria-labelledby="follow-up-messages">
      <div className="follow-up-section__head">
        <h2 id="follow-up-messages">{t('followUp.thread.heading')}</h2>
        <button type="button" className="button button--secondary" onClick={onRefresh} disabled={refreshing}>
          {t('followUp.refresh')}
        </button>
      </div>
      {view.messages.length === 0 ? (
        <p className="follow-up-empty">{t('followUp.thread.empty')}</p>
      ) : (
        <ol className="thread">
          {view.messages.map((message, index) => (
            <li key={`${message.at}-${index}`} className={`message message--${message.from.toLowerCase()}`}>
              <p className="message__meta">
                <strong>{t(`followUp.thread.${message.from}`)}</strong>{' '}
                <time dateTime={message.at}>
                  {t('followUp.thread.at', { date: formatDate(message.at, lang, true) })}
                </time>
              </p>
              <p className="message__body">{message.body}</p>
            </li>
          ))}
        </ol>
      )}

      {closed ? (
        <Notice tone="info" live={false}>
          {t('followUp.thread.closed')}
        </Notice>
      ) : (
        <form className="form reply" noValidate onSubmit={(event) => void reply.onSubmit(event)}>
          {reply.failure && <Notice tone="error">{reply.failure}</Notice>}
          <TextAreaField
            label={t('followUp.thread.reply')}
            hint={t('followUp.thread.replyHint')}
            rows={4}
            error={reply.bodyError}
            {...reply.form.register('body')}
          />
          <div className="reply__actions">
            <button type="submit" className="button button--primary" disabled={reply.isSubmitting}>
              {reply.isSubmitting ? t('followUp.thread.sending') : t('followUp.thread.send')}
            </button>
            <p className="reply__status" role="status">
              {reply.sent && t('followUp.thread.sent')}
            </p>
          </div>
        </form>
      )}
    </section>
  );
}
