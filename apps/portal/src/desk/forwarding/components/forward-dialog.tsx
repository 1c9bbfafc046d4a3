import { ForwardMode, FORWARD_LIMITS, type ForwardRecord, type TipDetail } from '@vigie/common';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { useForwardForm } from '../hooks/use-forward-form';
import { useForwardTargets } from '../hooks/use-forwarding';

interface ForwardDialogProps {
  tip: TipDetail;
  open: boolean;
  onClose: () => void;
  onSent: (record: ForwardRecord) => void;
}

/** Why a transfer would be refused, known from the tip's page (the API checks again, merges included). */
function transferBlocked(tip: TipDetail): 'SMS' | 'CASE' | 'REWARD' | undefined {
  if (tip.channel === 'SMS') return 'SMS';
  if (tip.cases.length > 0) return 'CASE';
  if (tip.rewardClaim) return 'REWARD';
  return undefined;
}

/**
 * Sends a tip to another agency: which agency, a transfer or an information copy, and a note; then a
 * confirmation that says exactly what will leave (and what will not) before it does.
 */
export function ForwardDialog({ tip, open, onClose, onSent }: ForwardDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const targets = useForwardTargets(open);
  const { form, review, send, confirming, back, reset, sending, fieldError, submitError } = useForwardForm(
    tip.id,
    (record) => {
      onClose();
      onSent(record);
    },
  );
  const { register, watch } = form;
  const blocked = transferBlocked(tip);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  // Moving to the confirmation puts the reader on its title, so it is read from the start.
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      reset();
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
    // reset is a new function each render; the dialog resets only when it opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const mode = watch('mode');
  const agencyName = (agencyId: string) => targets.data?.find((a) => a.id === agencyId)?.name ?? '';
  const ready = tip.media.filter((m) => m.state === 'READY').length;
  const notYet = tip.media.length - ready;

  return (
    <dialog
      ref={ref}
      className="desk-dialog forward-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
    >
      {confirming ? (
        <div className="forward-dialog__confirm">
          <h2 id={`${id}-title`} ref={confirmHeading} tabIndex={-1}>
            {confirming.mode === ForwardMode.TRANSFER
              ? t('desk.forward.confirmTransferTitle', { agency: agencyName(confirming.agency) })
              : t('desk.forward.confirmCopyTitle', { agency: agencyName(confirming.agency) })}
          </h2>
          <p>{t('desk.forward.whatIsSent')}</p>
          {confirming.mode === ForwardMode.TRANSFER ? (
            <ul className="forward-dialog__list">
              <li>{t('desk.forward.sent.text')}</li>
              <li>
                {tip.media.length > 0
                  ? t('desk.forward.sent.filesWithOriginals', { count: tip.media.length })
                  : t('desk.forward.sent.filesNone')}
              </li>
              <li>
                {tip.messages.length > 0
                  ? t('desk.forward.sent.thread', { count: tip.messages.length })
                  : t('desk.forward.sent.threadNone')}
              </li>
              <li>{tip.hasContact ? t('desk.forward.sent.contact') : t('desk.forward.sent.noContact')}</li>
            </ul>
          ) : (
            <ul className="forward-dialog__list">
              <li>{t('desk.forward.sent.text')}</li>
              <li>
                {ready > 0
                  ? t('desk.forward.sent.cleanedFiles', { count: ready })
                  : t('desk.forward.sent.cleanedNone')}
              </li>
              {notYet > 0 && <li>{t('desk.forward.sent.notProcessed', { count: notYet })}</li>}
            </ul>
          )}
          <p>
            {confirming.mode === ForwardMode.TRANSFER
              ? t('desk.forward.afterTransfer', { agency: agencyName(confirming.agency) })
              : t('desk.forward.afterCopy')}
          </p>
          <p className="forward-dialog__note-label">{t('desk.forward.yourNote')}</p>
          <blockquote className="forward-note">{confirming.note}</blockquote>
          <p className="tip-muted">{t('desk.forward.revocable')}</p>
          <div className="tip-controls">
            <button
              type="button"
              className="button button--primary"
              disabled={sending}
              onClick={() => void send()}
            >
              {confirming.mode === ForwardMode.TRANSFER
                ? t('desk.forward.doTransfer')
                : t('desk.forward.doCopy')}
            </button>
            <button type="button" className="button button--secondary" disabled={sending} onClick={back}>
              {t('desk.forward.back')}
            </button>
          </div>
        </div>
      ) : (
        <form noValidate onSubmit={(event) => void review(event)}>
          <h2 id={`${id}-title`}>{t('desk.forward.title', { code: tip.code })}</h2>
          <div className={fieldError('agency') ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor={`${id}-agency`}>
              {t('desk.forward.agency')}
            </label>
            {targets.isError ? (
              <Notice tone="error">
                <p>{deskErrorMessage(t, targets.error)}</p>
              </Notice>
            ) : (
              <select
                id={`${id}-agency`}
                className="field__input"
                aria-invalid={fieldError('agency') ? true : undefined}
                aria-describedby={fieldError('agency') ? `${id}-agency-error` : undefined}
                disabled={!targets.data}
                {...register('agency')}
              >
                <option value="">
                  {targets.data
                    ? targets.data.length > 0
                      ? t('desk.forward.chooseAgency')
                      : t('desk.forward.noAgency')
                    : t('desk.forward.loadingAgencies')}
                </option>
                {targets.data?.map((agency) => (
                  <option key={agency.id} value={agency.id}>
                    {agency.name}
                  </option>
                ))}
              </select>
            )}
            {fieldError('agency') && (
              <p className="field__error" id={`${id}-agency-error`} role="alert">
                {fieldError('agency')}
              </p>
            )}
          </div>
          <fieldset className="forward-dialog__modes">
            <legend className="field__label">{t('desk.forward.mode')}</legend>
            <div className="checkbox forward-dialog__mode">
              <input id={`${id}-copy`} type="radio" value={ForwardMode.COPY} {...register('mode')} />
              <label htmlFor={`${id}-copy`}>
                <span className="forward-dialog__mode-name">{t('desk.forward.copy')}</span>
                <span className="field__hint">{t('desk.forward.copyHint')}</span>
              </label>
            </div>
            <div className="checkbox forward-dialog__mode">
              <input
                id={`${id}-transfer`}
                type="radio"
                value={ForwardMode.TRANSFER}
                disabled={!!blocked}
                aria-describedby={`${id}-transfer-hint`}
                {...register('mode')}
              />
              <label htmlFor={`${id}-transfer`}>
                <span className="forward-dialog__mode-name">{t('desk.forward.transfer')}</span>
                <span className="field__hint" id={`${id}-transfer-hint`}>
                  {blocked ? t(`desk.forward.transferBlocked.${blocked}`) : t('desk.forward.transferHint')}
                </span>
              </label>
            </div>
          </fieldset>
          <div className={fieldError('note') ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor={`${id}-note`}>
              {t('desk.forward.note')}
            </label>
            <p className="field__hint" id={`${id}-note-hint`}>
              {t('desk.forward.noteHint')}
            </p>
            <textarea
              id={`${id}-note`}
              className="field__input field__input--area"
              maxLength={FORWARD_LIMITS.noteMax}
              aria-invalid={fieldError('note') ? true : undefined}
              aria-describedby={fieldError('note') ? `${id}-note-hint ${id}-note-error` : `${id}-note-hint`}
              {...register('note')}
            />
            {fieldError('note') && (
              <p className="field__error" id={`${id}-note-error`} role="alert">
                {fieldError('note')}
              </p>
            )}
          </div>
          {submitError && (
            <Notice tone="error">
              <p>{submitError}</p>
            </Notice>
          )}
          <div className="tip-controls">
            <button type="submit" className="button button--primary">
              {mode === ForwardMode.TRANSFER
                ? t('desk.forward.reviewTransfer')
                : t('desk.forward.reviewCopy')}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('desk.common.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
