import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { SelectField } from '../../../shared/components/form-fields';
import { TextField } from '../../../shared/components/text-field';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import type { ArchiveSearch } from '../api/reach.api';
import { useSocialArchive } from '../hooks/use-social-archive';
import { ArchiveMessage } from './archive-message';
import './reach.css';

const DIRECTIONS = ['', 'RECEIVED', 'SENT'] as const;

/** The search in the address (`?q=&direction=`), so a search can be shared, reloaded and gone back to. */
function useArchiveSearch(): [ArchiveSearch, (next: ArchiveSearch) => void] {
  const [params, setParams] = useSearchParams();
  const direction = params.get('direction');
  const search: ArchiveSearch = {
    q: params.get('q')?.trim() ?? '',
    direction: direction === 'SENT' || direction === 'RECEIVED' ? direction : '',
  };
  const change = (next: ArchiveSearch) => {
    const query = new URLSearchParams();
    if (next.q.trim()) query.set('q', next.q.trim());
    if (next.direction) query.set('direction', next.direction);
    setParams(query);
  };
  return [search, change];
}

/**
 * `/desk/reach/archive`: everything the agency's accounts sent and received, newest first, searchable
 * by text or author; a received reply, mention or message can be made a tip from here.
 */
export function SocialArchivePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.reach.archive.heading'));
  const id = useId();
  const [search, setSearch] = useArchiveSearch();
  const [q, setQ] = useState(search.q);
  const [direction, setDirection] = useState<ArchiveSearch['direction']>(search.direction);
  const archive = useSocialArchive(search);
  const [announcement, setAnnouncement] = useState('');
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const searched = useRef(false);
  const messages = archive.data?.pages.flatMap((page) => page.items) ?? [];

  // A new search read out: the count, from the results' heading.
  useEffect(() => {
    if (searched.current && archive.isSuccess) resultsRef.current?.focus();
  }, [archive.isSuccess, search.q, search.direction]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    searched.current = true;
    setAnnouncement('');
    setSearch({ q, direction });
  };
  const filtered = Boolean(search.q || search.direction);

  return (
    <section className="container page-section desk-page reach-page" aria-labelledby={`${id}-heading`}>
      <div className="desk-page__head">
        <h2 id={`${id}-heading`}>{t('desk.reach.archive.heading')}</h2>
      </div>
      <p className="reach-page__intro">{t('desk.reach.archive.intro')}</p>
      <form className="form reach-search" role="search" onSubmit={submit}>
        <TextField
          name="q"
          type="search"
          label={t('desk.reach.archive.q')}
          hint={t('desk.reach.archive.qHint')}
          maxLength={200}
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
        <SelectField
          name="direction"
          label={t('desk.reach.archive.directionLabel')}
          value={direction}
          onChange={(event) => setDirection(event.target.value as ArchiveSearch['direction'])}
        >
          {DIRECTIONS.map((value) => (
            <option key={value} value={value}>
              {t(`desk.reach.archive.directions.${value || 'ALL'}`)}
            </option>
          ))}
        </SelectField>
        <div className="reach-search__submit">
          <button type="submit" className="button button--primary">
            {t('desk.reach.archive.search')}
          </button>
        </div>
      </form>
      <div role="status" className="reach-page__announcement">
        {announcement && <p className="notice notice--success">{announcement}</p>}
      </div>
      {archive.isPending ? (
        <PageLoading />
      ) : !archive.data ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, archive.error)}</p>
        </Notice>
      ) : (
        <>
          <h3 ref={resultsRef} tabIndex={-1} className="reach-results focus-target">
            {messages.length === 0
              ? filtered
                ? t('desk.reach.archive.noMatch')
                : t('desk.reach.archive.empty')
              : t(archive.hasNextPage ? 'desk.reach.archive.countMore' : 'desk.reach.archive.count', {
                  count: messages.length,
                })}
          </h3>
          {messages.length > 0 && (
            <ol className="reach-messages">
              {messages.map((message) => (
                <ArchiveMessage key={message.id} message={message} onTipMade={setAnnouncement} />
              ))}
            </ol>
          )}
          {archive.isFetchNextPageError && (
            <Notice tone="error">
              <p>{deskErrorMessage(t, archive.error)}</p>
            </Notice>
          )}
          {archive.hasNextPage && (
            <button
              type="button"
              className="button button--secondary"
              disabled={archive.isFetchingNextPage}
              onClick={() => void archive.fetchNextPage()}
            >
              {archive.isFetchingNextPage
                ? t('desk.reach.archive.loadingOlder')
                : t('desk.reach.archive.older')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
