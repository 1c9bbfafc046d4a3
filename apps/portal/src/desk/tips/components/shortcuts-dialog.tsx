import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SETTABLE_STATUSES } from './inbox-keys';

/** The keys as shown (several keys to one line where they go together), and what each does. */
const KEYS = [
  ['j', 'next'],
  ['k', 'previous'],
  ['Shift + j / k', 'extend'],
  ['Enter', 'open'],
  ['x', 'select'],
  ['Shift + x', 'selectRange'],
  ['b', 'bulk'],
  ['Escape', 'clearSelection'],
  ['a', 'assign'],
  ['s', 'status'],
  ['n', 'nextNew'],
  ['/', 'search'],
  ['v', 'views'],
  ['e', 'group'],
  ['m', 'merge'],
  ['d', 'separate'],
  ['u', 'unmerge'],
  ['?', 'help'],
] as const;

/** The inbox's keys, in a modal dialog (native <dialog>: focus is kept inside and Escape closes it). */
export const ShortcutsDialog = memo(function ShortcutsDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  return (
    <dialog ref={ref} className="desk-dialog" aria-labelledby="shortcuts-heading" onClose={onClose}>
      <h2 id="shortcuts-heading">{t('desk.inbox.keys.heading')}</h2>
      <dl className="shortcut-list">
        {KEYS.map(([key, text]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(`desk.inbox.keys.${text}`)}</dd>
          </div>
        ))}
      </dl>
      <p>{t('desk.inbox.keys.statusDigits')}</p>
      <ol className="shortcut-digits">
        {SETTABLE_STATUSES.map((status, index) => (
          <li key={status}>
            <kbd>{index + 1}</kbd> {t(`desk.tipStatus.${status}`)}
          </li>
        ))}
      </ol>
      <button type="button" className="button button--primary" onClick={onClose}>
        {t('desk.common.close')}
      </button>
    </dialog>
  );
});
