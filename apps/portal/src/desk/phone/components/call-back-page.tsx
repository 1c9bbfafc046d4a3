import { CoarseTipStatus } from '@vigie/common';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { TextAreaField } from '../../../shared/components/form-fields';
import { TextField } from '../../../shared/components/text-field';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { useCallBack } from '../hooks/use-call-back';
import './phone.css';

/**
 * `/desk/phone/call-back`: a caller phones back about their tip. With their code and passphrase the
 * call-taker sees what the caller would see on the web (the investigators' questions, never named) and
 * types the caller's answers, each recorded in the audit log under the call-taker's name.
 */
export function CallBackPage() {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  useDocumentTitle(t('desk.callBack.title'));
  const callBack = useCallBack();
  const { call } = callBack;
  const { setFocus } = callBack.signIn;
  const threadHeading = useRef<HTMLHeadingElement>(null);
  const open = call !== null;
  useEffect(() => {
    if (open) threadHeading.current?.focus();
    else setFocus('code');
  }, [open, setFocus]);

  return (
    <div className="container page-section desk-page phone-page">
      <div className="phone-page__head">
        <h2 className="phone-page__title">{t('desk.callBack.title')}</h2>
        <Link to="/desk/phone" className="button button--secondary">
          {t('desk.callBack.toPhoneTip')}
        </Link>
      </div>
      {callBack.failure && <Notice tone="error">{callBack.failure}</Notice>}
      {!call ? (
        <form
          className="form phone-callback__sign-in"
          noValidate
          onSubmit={(event) => void callBack.open(event)}
        >
          <p className="phone-page__script">{t('desk.callBack.script')}</p>
          <TextField
            label={t('desk.callBack.code')}
            hint={t('desk.callBack.codeHint')}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            error={callBack.codeError}
            {...callBack.signIn.register('code')}
          />
          <TextField
            label={t('desk.callBack.password')}
            hint={t('desk.callBack.passwordHint')}
            autoComplete="off"
            spellCheck={false}
            error={callBack.passwordError}
            {...callBack.signIn.register('password')}
          />
          <button type="submit" className="button button--primary" disabled={callBack.opening}>
            {callBack.opening ? t('desk.callBack.opening') : t('desk.callBack.open')}
          </button>
        </form>
      ) : (
        <section className="phone-callback" aria-labelledby="phone-callback-thread">
          <div className="phone-page__head">
            <h3
              id="phone-callback-thread"
              ref={threadHeading}
              tabIndex={-1}
              className="phone-callback__heading"
            >
              {t('desk.callBack.thread', { code: call.thread.code })}
            </h3>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void callBack.refresh()}
            >
              {t('desk.callBack.refresh')}
            </button>
            <button type="button" className="button button--secondary" onClick={callBack.hangUp}>
              {t('desk.callBack.hangUp')}
            </button>
          </div>
          <p className="phone-page__script">
            {t('desk.callBack.received', { date: formatDate(call.thread.receivedAt, lang, true) })}
            {' · '}
            {t(`desk.callBack.status.${call.thread.status}`)}
          </p>
          {call.thread.messages.length === 0 ? (
            <p className="phone-callback__empty">{t('desk.callBack.empty')}</p>
          ) : (
            <ol className="phone-callback__messages">
              {call.thread.messages.map((message, index) => (
                <li
                  key={`${message.at}-${index}`}
                  className={`phone-callback__message phone-callback__message--${message.from.toLowerCase()}`}
                >
                  <p className="phone-callback__meta">
                    <strong>{t(`desk.callBack.from.${message.from}`)}</strong>{' '}
                    <time dateTime={message.at}>{formatDate(message.at, lang, true)}</time>
                  </p>
                  <p className="phone-callback__body">{message.body}</p>
                </li>
              ))}
            </ol>
          )}
          {call.thread.status === CoarseTipStatus.CLOSED ? (
            <Notice tone="info" live={false}>
              {t('desk.callBack.closed')}
            </Notice>
          ) : (
            <form className="form" noValidate onSubmit={(event) => void callBack.send(event)}>
              <TextAreaField
                label={t('desk.callBack.reply')}
                hint={t('desk.callBack.replyHint')}
                rows={4}
                error={callBack.bodyError}
                {...callBack.reply.register('body')}
              />
              <div className="phone-form__actions">
                <button type="submit" className="button button--primary" disabled={callBack.sending}>
                  {callBack.sending ? t('desk.callBack.sending') : t('desk.callBack.send')}
                </button>
                <p role="status">{callBack.sent && t('desk.callBack.sent')}</p>
              </div>
            </form>
          )}
        </section>
      )}
    </div>
  );
}
