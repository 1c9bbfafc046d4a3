import type { TipDetail } from '@vigie/common';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { messageTipster } from '../api/tips.api';
import { useTipAction } from '../hooks/use-tips';

/** The conversation with the tipster, and a message to them. */
export function ThreadSection({ tip, canTriage }: { tip: TipDetail; canTriage: boolean }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const id = useId();
  const [body, setBody] = useState('');
  const send = useTipAction((text: string) => messageTipster(tip.id, text));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    send.mutate(body, { onSuccess: () => setBody('') });
  };
  return (
    <section className="tip-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('desk.tip.thread')}</h3>
      {tip.messages.length === 0 ? (
        <p className="tip-muted">{t('desk.tip.noMessages')}</p>
      ) : (
        <ol className="tip-thread">
          {tip.messages.map((message) => (
            <li
              key={message.id}
              className={`tip-thread__message tip-thread__message--${message.from.toLowerCase()}`}
            >
              <p className="tip-thread__who">
                {message.from === 'TIPSTER'
                  ? t('desk.tip.tipster')
                  : (message.author?.displayName ?? t('desk.tip.staff'))}
                {' · '}
                {formatDate(message.createdAt, lang, true)}
              </p>
              <p className="tip-thread__body">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {tip.informationCopy && <p className="tip-muted">{t('desk.forward.noThreadOnCopy')}</p>}
      {canTriage && !tip.informationCopy && (
        <form onSubmit={onSubmit} className="tip-reply">
          <label className="field__label" htmlFor={`${id}-reply`}>
            {t('desk.tip.reply')}
          </label>
          <textarea
            id={`${id}-reply`}
            className="field__input field__input--area"
            value={body}
            maxLength={5000}
            onChange={(event) => setBody(event.target.value)}
          />
          {send.isError && (
            <Notice tone="error">
              <p>{deskErrorMessage(t, send.error)}</p>
            </Notice>
          )}
          <button type="submit" className="button button--primary" disabled={send.isPending || !body.trim()}>
            {t('desk.tip.send')}
          </button>
        </form>
      )}
    </section>
  );
}
