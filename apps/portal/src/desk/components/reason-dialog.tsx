import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../shared/components/notice';
import { deskErrorMessage } from '../i18n/desk-error-message';

interface ReasonDialogProps {
  open: boolean;
  title: string;
  /** Said before the reason is asked: what will be recorded, and by whom it can be read. */
  warning: string;
  submitLabel: string;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
  /** Extra fields (a checkbox), shown under the reason. */
  children?: ReactNode;
}

/** Asks why before an audited act (opening an original, exporting evidence, a legal hold). */
export function ReasonDialog({
  open,
  title,
  warning,
  submitLabel,
  onClose,
  onSubmit,
  children,
}: ReasonDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setReason('');
      setError(null);
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) return;
    setBusy(true);
    setError(null);
    onSubmit(reason.trim()).then(
      () => {
        setBusy(false);
        onClose();
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };

  return (
    <dialog ref={ref} className="desk-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{title}</h2>
        <p className="reason-dialog__warning">{warning}</p>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-reason`}>
            {t('desk.reason.label')}
          </label>
          <textarea
            id={`${id}-reason`}
            className="field__input field__input--area"
            required
            minLength={3}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        {children}
        {error !== null && (
          <Notice tone="error">
            <p>{deskErrorMessage(t, error)}</p>
          </Notice>
        )}
        <div className="tip-controls">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || reason.trim().length < 3}
          >
            {submitLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('desk.common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
