import { SAVED_VIEW_LIMITS, type SavedView } from '@vigie/common';
import type { TFunction } from 'i18next';
import { memo, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { filterParams, type InboxFilters } from '../api/tips.api';
import { useCreateView, useSavedViews } from '../hooks/use-saved-views';
import { SavedViewsDialog } from './saved-views-dialog';
import './saved-views.css';

/**
 * The investigator's saved views in the filter bar: one button each (pressed when its filters are
 * the ones shown), "Save this view" for the current filters and search, "Edit views" to rename or
 * delete. Views are the investigator's own (the API never lists anyone else's).
 */
export const SavedViewsBar = memo(function SavedViewsBar({
  filters,
  onApply,
}: {
  filters: InboxFilters;
  onApply: (view: SavedView) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const views = useSavedViews();
  const create = useCreateView();
  const [naming, setNaming] = useState(false);
  const [managing, setManaging] = useState(false);
  const [said, setSaid] = useState('');
  const current = filterParams(filters);
  const shown = views.data?.find((view) => sameFilters(view.filters, current));

  const save = (name: string) =>
    create.mutate(
      { name, filters: current },
      {
        onSuccess: (view) => {
          setNaming(false);
          setSaid(t('desk.inbox.views.saved', { name: view.name }));
        },
      },
    );

  return (
    <div className="saved-views" role="group" aria-labelledby={`${id}-label`}>
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
      <span id={`${id}-label`} className="saved-views__label">
        {t('desk.inbox.views.label')}
      </span>
      {views.data && views.data.length === 0 && (
        <span className="saved-views__none">{t('desk.inbox.views.none')}</span>
      )}
      {views.isError && <span className="saved-views__none">{deskErrorMessage(t, views.error)}</span>}
      {views.data && views.data.length > 0 && (
        <ul className="saved-views__list">
          {views.data.map((view) => (
            <li key={view.id}>
              <button
                type="button"
                className="saved-views__view"
                aria-pressed={shown?.id === view.id}
                onClick={() => {
                  onApply(view);
                  setSaid(t('desk.inbox.views.applied', { name: view.name }));
                }}
              >
                {view.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!naming && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            create.reset();
            setNaming(true);
          }}
        >
          {t('desk.inbox.views.save')}
        </button>
      )}
      {!naming && views.data && views.data.length > 0 && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setManaging(true)}
        >
          {t('desk.inbox.views.manage')}
        </button>
      )}
      {naming && (
        <NameForm
          suggestion={suggestName(t, filters)}
          pending={create.isPending}
          onSave={save}
          onCancel={() => setNaming(false)}
        />
      )}
      {naming && create.isError && (
        <Notice tone="error">
          <p>{deskErrorMessage(t, create.error)}</p>
        </Notice>
      )}
      <SavedViewsDialog
        open={managing}
        views={views.data ?? []}
        onClose={() => setManaging(false)}
        onDone={setSaid}
      />
    </div>
  );
});

/** The name of the view being saved: a suggestion from its filters, to keep or change. */
function NameForm({
  suggestion,
  pending,
  onSave,
  onCancel,
}: {
  suggestion: string;
  pending: boolean;
  onSave: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(suggestion);
  const input = useRef<HTMLInputElement>(null);
  // The form opens on a click meant to name the view: the name is where to type next.
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      className="saved-views__form"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) onSave(name.trim());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <label className="visually-hidden" htmlFor={`${id}-name`}>
        {t('desk.inbox.views.name')}
      </label>
      <input
        id={`${id}-name`}
        className="field__input"
        value={name}
        maxLength={SAVED_VIEW_LIMITS.nameMax}
        required
        ref={input}
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => setName(event.target.value)}
      />
      <button
        type="submit"
        className="button button--primary button--small"
        disabled={pending || !name.trim()}
      >
        {t('desk.inbox.views.submit')}
      </button>
      <button type="button" className="button button--secondary button--small" onClick={onCancel}>
        {t('desk.common.cancel')}
      </button>
    </form>
  );
}

/** Same filters, whatever their order. */
export function sameFilters(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** "New · Urgent · With files · “Léa”": what the filters are, in the desk's language. */
export function suggestName(t: TFunction, filters: InboxFilters): string {
  const parts = [
    filters.status && t(`desk.tipStatus.${filters.status}`),
    filters.priority && t(`desk.tipPriority.${filters.priority}`),
    filters.channel && t(`desk.tipChannel.${filters.channel}`),
    filters.assignee === 'me' && t('desk.inbox.filters.mine'),
    filters.assignee === 'unassigned' && t('desk.inbox.filters.unassigned'),
    filters.hasMedia && t('desk.inbox.filters.hasMedia'),
    filters.hasLocation && t('desk.inbox.filters.hasLocation'),
    filters.tag && `#${filters.tag}`,
    filters.q && t('desk.inbox.views.quoted', { q: filters.q }),
  ].filter((part): part is string => !!part);
  const name = parts.length ? parts.join(' · ') : t('desk.inbox.allStatuses');
  return name.slice(0, SAVED_VIEW_LIMITS.nameMax);
}
