import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface AdminDialogProps {
  title: string;
  /** Rendered only while open; closing (Escape, Cancel, the backdrop's close) calls onClose. */
  onClose: () => void;
  children: ReactNode;
  /** The buttons at the bottom, after which a Close/Cancel button is always offered. */
  actions?: ReactNode;
  /** "Close" once the act is done, "Cancel" before. */
  dismissLabel?: string;
  /** For an act that cannot be taken back easily: focus starts on Cancel, so Enter does no harm. */
  cautious?: boolean;
  /** Where focus goes back on close, when not what had it on open. */
  returnFocus?: HTMLElement | null;
}

/**
 * A modal dialog for one act on one person. Mounted when asked for: the browser moves focus into it and
 * traps it there (showModal); on close, focus goes back to what opened it, so a keyboard user keeps their
 * place in the table.
 */
export function AdminDialog({
  title,
  onClose,
  children,
  actions,
  dismissLabel,
  cautious,
  returnFocus,
}: AdminDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const opener = returnFocus ?? active;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    dialog.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      // The row's button may have been re-rendered; it is still the same element unless the row left.
      if (opener?.isConnected) opener.focus();
    };
    // Once per dialog: it is mounted when opened and unmounted when closed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <dialog
      ref={ref}
      className="desk-dialog admin-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        // Escape: let React unmount the dialog rather than the browser close it under React's feet.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${id}-title`} className="admin-dialog__title">
        {title}
      </h2>
      {children}
      <div className="button-row admin-dialog__actions">
        {actions}
        <button
          type="button"
          className="button button--secondary"
          data-initial-focus={cautious ? '' : undefined}
          onClick={() => onClose()}
        >
          {dismissLabel ?? t('desk.common.cancel')}
        </button>
      </div>
    </dialog>
  );
}
