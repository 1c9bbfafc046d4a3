import { SAVED_VIEW_LIMITS, type SavedView } from '@vigie/common';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { useDeleteView, useRenameView } from '../hooks/use-saved-views';

/** Renaming and deleting one's saved views, in a modal dialog (native <dialog>: Escape closes it). */
export function SavedViewsDialog({
  open,
  views,
  onClose,
  onDone,
}: {
  open: boolean;
  views: SavedView[];
  onClose: () => void;
  /** What was done, for the bar's live region. */
  onDone: (said: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const rename = useRenameView();
  const remove = useDeleteView();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      rename.reset();
      remove.reset();
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
    // Only opening and closing matter here; the mutations' reset functions are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const error = rename.error ?? remove.error;
  return (
    <dialog ref={ref} className="desk-dialog" aria-labelledby={`${id}-heading`} onClose={onClose}>
      <h2 id={`${id}-heading`}>{t('desk.inbox.views.manageHeading')}</h2>
      {views.length === 0 ? (
        <p>{t('desk.inbox.views.none')}</p>
      ) : (
        <ul className="saved-views__manage">
          {views.map((view) => (
            <ViewLine
              key={`${view.id}:${view.name}`}
              view={view}
              pending={rename.isPending || remove.isPending}
              onRename={(name) =>
                rename.mutate(
                  { id: view.id, name },
                  { onSuccess: (next) => onDone(t('desk.inbox.views.renamed', { name: next.name })) },
                )
              }
              onDelete={() =>
                remove.mutate(view.id, {
                  onSuccess: () => onDone(t('desk.inbox.views.deleted', { name: view.name })),
                })
              }
            />
          ))}
        </ul>
      )}
      {error && (
        <Notice tone="error">
          <p>{deskErrorMessage(t, error)}</p>
        </Notice>
      )}
      <button type="button" className="button button--primary" onClick={onClose}>
        {t('desk.common.close')}
      </button>
    </dialog>
  );
}

function ViewLine({
  view,
  pending,
  onRename,
  onDelete,
}: {
  view: SavedView;
  pending: boolean;
  onRename: (name: string) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(view.name);
  const changed = name.trim() !== '' && name.trim() !== view.name;
  return (
    <li>
      <form
        className="saved-views__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (changed) onRename(name.trim());
        }}
      >
        <label className="visually-hidden" htmlFor={`${id}-name`}>
          {t('desk.inbox.views.renameLabel', { name: view.name })}
        </label>
        <input
          id={`${id}-name`}
          className="field__input"
          value={name}
          maxLength={SAVED_VIEW_LIMITS.nameMax}
          required
          onChange={(event) => setName(event.target.value)}
        />
        <button
          type="submit"
          className="button button--secondary button--small"
          disabled={pending || !changed}
        >
          {t('desk.inbox.views.rename')}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={pending}
          aria-label={t('desk.inbox.views.deleteLabel', { name: view.name })}
          onClick={onDelete}
        >
          {t('desk.inbox.views.delete')}
        </button>
      </form>
    </li>
  );
}
