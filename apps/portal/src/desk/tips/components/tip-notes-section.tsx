import type { TipDetail } from '@vigie/common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { addTipNote } from '../api/tips.api';
import { useTipAction } from '../hooks/use-tips';

/** Staff notes on the tip (never shown to the tipster). */
export function NotesSection({ tip, canTriage }: { tip: TipDetail; canTriage: boolean }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const id = useId();
  const [body, setBody] = useState('');
  const add = useTipAction((text: string) => addTipNote(tip.id, text));
  return (
    <section className="tip-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('desk.tip.notes')}</h3>
      {tip.notes.length === 0 ? (
        <p className="tip-muted">{t('desk.tip.noNotes')}</p>
      ) : (
        <ul className="tip-notes">
          {tip.notes.map((note) => (
            <li key={note.id}>
              <p className="tip-thread__who">
                {note.author.displayName} · {formatDate(note.createdAt, lang, true)}
              </p>
              <p className="tip-thread__body">{note.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canTriage && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (body.trim()) add.mutate(body, { onSuccess: () => setBody('') });
          }}
        >
          <label className="field__label" htmlFor={`${id}-note`}>
            {t('desk.tip.addNote')}
          </label>
          <textarea
            id={`${id}-note`}
            className="field__input field__input--area"
            value={body}
            maxLength={5000}
            onChange={(event) => setBody(event.target.value)}
          />
          {add.isError && (
            <Notice tone="error">
              <p>{deskErrorMessage(t, add.error)}</p>
            </Notice>
          )}
          <button type="submit" className="button button--secondary" disabled={add.isPending || !body.trim()}>
            {t('desk.tip.saveNote')}
          </button>
        </form>
      )}
    </section>
  );
}
