import { TipChannel, TipPriority, TipStatus, type InboxPage as InboxPageView } from '@vigie/common';
import { memo, useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale, usePortalLanguage } from '../../../shared/i18n/language';
import type { InboxFilters } from '../api/tips.api';
import { formatCount } from './inbox-keys';

const STATUSES = Object.values(TipStatus);
const PRIORITIES = Object.values(TipPriority);
const CHANNELS = Object.values(TipChannel);

/** The inbox's filters from the URL, anything unknown dropped. */
export function filtersFrom(params: URLSearchParams): InboxFilters {
  const status = params.get('status') ?? '';
  const priority = params.get('priority') ?? '';
  const assignee = params.get('assignee') ?? '';
  const channel = params.get('channel') ?? '';
  return {
    status: (STATUSES as string[]).includes(status) ? (status as TipStatus) : undefined,
    priority: (PRIORITIES as string[]).includes(priority) ? (priority as TipPriority) : undefined,
    channel: (CHANNELS as string[]).includes(channel) ? (channel as TipChannel) : undefined,
    assignee: assignee === 'me' || assignee === 'unassigned' ? assignee : undefined,
    hasMedia: params.get('hasMedia') === 'true' || undefined,
    hasLocation: params.get('hasLocation') === 'true' || undefined,
    tag: params.get('tag') || undefined,
    q: params.get('q') || undefined,
  };
}

type SetFilter = (key: string, value: string | undefined) => void;

/** One tab per status, with its (capped) count when the API gives counts. */
export const InboxTabs = memo(function InboxTabs({
  filters,
  counts,
  countCap,
  setFilter,
}: {
  filters: InboxFilters;
  counts: InboxPageView['counts'];
  countCap?: number;
  setFilter: SetFilter;
}) {
  const { t } = useTranslation();
  const locale = intlLocale(usePortalLanguage());
  return (
    <nav aria-label={t('desk.inbox.tabsLabel')}>
      <ul className="inbox-tabs">
        {[undefined, ...STATUSES].map((status) => (
          <li key={status ?? 'all'}>
            <button
              type="button"
              className="inbox-tabs__tab"
              aria-pressed={filters.status === status}
              onClick={() => setFilter('status', status)}
            >
              {status ? t(`desk.tipStatus.${status}`) : t('desk.inbox.allStatuses')}
              {status && counts && (
                <span className="inbox-tabs__count">
                  {formatCount(counts[status], countCap ?? Infinity, locale)}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
});

/**
 * Assignee, priority, channel, files, place, and a search by text and tag (applied on submit). Below a
 * desktop's width the first five fold behind one button that says how many are set (inbox.css), so the
 * list starts higher; the search stays in view (`/` goes to it).
 */
export const InboxFilterBar = memo(function InboxFilterBar({
  filters,
  setFilter,
  onSearch,
  open,
  onToggle,
}: {
  filters: InboxFilters;
  setFilter: SetFilter;
  onSearch: (event: FormEvent<HTMLFormElement>) => void;
  /** The folded filters shown (below a desktop's width; on a desktop they always are). */
  open: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = [
    filters.assignee,
    filters.priority,
    filters.channel,
    filters.hasMedia,
    filters.hasLocation,
  ].filter(Boolean).length;
  return (
    <div className="inbox-filters" role="group" aria-label={t('desk.inbox.filters.label')}>
      <button
        type="button"
        className="button button--secondary inbox-filters__toggle"
        aria-expanded={open}
        aria-controls={`${id}-more`}
        onClick={onToggle}
      >
        {set ? t('desk.inbox.filters.moreSet', { count: set }) : t('desk.inbox.filters.more')}
      </button>
      <div id={`${id}-more`} className={`inbox-filters__more${open ? ' inbox-filters__more--open' : ''}`}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-assignee`}>
            {t('desk.inbox.filters.assignee')}
          </label>
          <select
            id={`${id}-assignee`}
            className="field__input"
            value={filters.assignee ?? ''}
            onChange={(event) => setFilter('assignee', event.target.value)}
          >
            <option value="">{t('desk.inbox.filters.anyone')}</option>
            <option value="me">{t('desk.inbox.filters.mine')}</option>
            <option value="unassigned">{t('desk.inbox.filters.unassigned')}</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-priority`}>
            {t('desk.inbox.filters.priority')}
          </label>
          <select
            id={`${id}-priority`}
            className="field__input"
            value={filters.priority ?? ''}
            onChange={(event) => setFilter('priority', event.target.value)}
          >
            <option value="">{t('desk.inbox.filters.anyPriority')}</option>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {t(`desk.tipPriority.${priority}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-channel`}>
            {t('desk.inbox.filters.channel')}
          </label>
          <select
            id={`${id}-channel`}
            className="field__input"
            value={filters.channel ?? ''}
            onChange={(event) => setFilter('channel', event.target.value)}
          >
            <option value="">{t('desk.inbox.filters.anyChannel')}</option>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`desk.tipChannel.${channel}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox inbox-filters__check">
          <input
            type="checkbox"
            checked={filters.hasMedia ?? false}
            onChange={(event) => setFilter('hasMedia', event.target.checked ? 'true' : undefined)}
          />
          {t('desk.inbox.filters.hasMedia')}
        </label>
        <label className="checkbox inbox-filters__check">
          <input
            type="checkbox"
            checked={filters.hasLocation ?? false}
            onChange={(event) => setFilter('hasLocation', event.target.checked ? 'true' : undefined)}
          />
          {t('desk.inbox.filters.hasLocation')}
        </label>
      </div>
      <form className="inbox-filters__search" role="search" onSubmit={onSearch}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-q`}>
            {t('desk.inbox.filters.search')}
          </label>
          <input
            id={`${id}-q`}
            name="q"
            className="field__input"
            defaultValue={filters.q}
            maxLength={200}
            placeholder={t('desk.inbox.filters.search')}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-tag`}>
            {t('desk.inbox.filters.tag')}
          </label>
          <input
            id={`${id}-tag`}
            name="tag"
            className="field__input"
            defaultValue={filters.tag}
            maxLength={40}
            placeholder={t('desk.inbox.filters.tag')}
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t('desk.inbox.filters.apply')}
        </button>
      </form>
    </div>
  );
});
