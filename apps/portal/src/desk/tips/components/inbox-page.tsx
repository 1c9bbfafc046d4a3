import { TipStatus, type TipSummary } from '@vigie/common';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import { deskPermissions } from '../../permissions';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { updateTip } from '../api/tips.api';
import { liveTipEvents, type LiveTipEvent } from '../hooks/use-live-events';
import { useBulkUpdate, useInbox, useTipsWrite } from '../hooks/use-tips';
import { isTypingTarget, SETTABLE_STATUSES } from './inbox-keys';
import { filtersFrom, InboxFilterBar, InboxTabs } from './inbox-filters';
import { bulkOutcome } from './bulk-outcome';
import { ShortcutsDialog } from './shortcuts-dialog';
import { ForwardedBadge } from '../../forwarding/components/forwarded-badge';
import { ChannelBadge, PriorityBadge, TipStatusBadge } from './tip-badges';
import './inbox.css';

/** `/desk` and `/desk/inbox`: incoming tips, urgent first, live, and usable from the keyboard alone. */
export function InboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.inbox.heading'));
  const lang = usePortalLanguage();
  const id = useId();
  const navigate = useNavigate();
  const me = useStaffProfile().data;
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const inbox = useInbox(filters);
  const tips = useMemo(() => inbox.data?.pages.flatMap((page) => page.items) ?? [], [inbox.data]);
  const firstPage = inbox.data?.pages[0];

  const [activeId, setActiveId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [statusMode, setStatusMode] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [bulkStatus, setBulkStatus] = useState('');
  const [refusal, setRefusal] = useState<{ message: string; retry?: () => void } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const active = tips.find((tip) => tip.id === activeId) ?? tips[0];
  const canTriage = deskPermissions(me?.roles ?? []).triage;

  // New tips are announced politely; the list refreshes by itself (see useLiveEvents) and focus stays put.
  useEffect(() => {
    let received = 0;
    const onLive = (event: Event) => {
      const detail = (event as CustomEvent<LiveTipEvent>).detail;
      if (detail.type !== 'tip.received') return;
      received += 1;
      setAnnouncement(t('desk.inbox.live.received', { count: received }));
    };
    liveTipEvents.addEventListener('live', onLive);
    return () => liveTipEvents.removeEventListener('live', onLive);
  }, [t]);

  const focusRow = useCallback((tipId: string) => {
    setActiveId(tipId);
    requestAnimationFrame(() => {
      listRef.current?.querySelector<HTMLElement>(`[data-tip-id="${tipId}"] .inbox-row__open`)?.focus();
    });
  }, []);

  const change = useTipsWrite(
    (input: { tip: TipSummary; assigneeId?: string | null; status?: TipStatus; label: string }) =>
      updateTip(input.tip.id, {
        version: input.tip.version,
        assigneeId: input.assigneeId,
        status: input.status,
      }).then(() => input.label),
  );
  const bulk = useBulkUpdate();

  const run = (input: Parameters<typeof change.mutate>[0]) => {
    setRefusal(null);
    change.mutate(input, {
      onSuccess: (label) => setAnnouncement(label),
      onError: (error) => setRefusal({ message: deskErrorMessage(t, error) }),
    });
  };

  const claim = (tip: TipSummary, takeOver = false) => {
    if (!me) return;
    if (tip.assignee && tip.assignee.id !== me.id && !takeOver) {
      setAnnouncement(t('desk.inbox.heldBy', { name: tip.assignee.displayName }));
      return;
    }
    run({ tip, assigneeId: me.id, label: t('desk.inbox.assigned', { code: tip.code }) });
  };

  const setStatus = (tip: TipSummary, status: TipStatus) =>
    run({
      tip,
      status,
      label: t('desk.inbox.statusSet', { code: tip.code, status: t(`desk.tipStatus.${status}`) }),
    });

  const toggleSelected = (tipId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(tipId)) next.delete(tipId);
      else next.add(tipId);
      return next;
    });

  const nextNew = () => {
    const start = active ? tips.indexOf(active) : -1;
    const next = [...tips.slice(start + 1), ...tips.slice(0, start + 1)].find(
      (tip) => tip.status === TipStatus.NEW && !tip.assignee,
    );
    if (next) focusRow(next.id);
    else setAnnouncement(t('desk.inbox.noNextNew'));
  };

  const runBulk = (
    body: { status?: TipStatus; assigneeId?: string },
    force = false,
    ids: string[] = [...selected],
  ) => {
    setRefusal(null);
    bulk.mutate(
      { ids, ...body, force },
      {
        onSuccess: (result) => {
          const outcome = bulkOutcome(t, result, tips);
          setSelected(new Set(result.refused.map((refusal) => refusal.id)));
          setAnnouncement(outcome.done);
          if (outcome.refused)
            setRefusal({
              message: outcome.refused,
              retry:
                outcome.held && body.assigneeId && !force
                  ? () =>
                      runBulk(
                        body,
                        true,
                        result.refused
                          .filter((refusal) => refusal.code === 'HELD')
                          .map((refusal) => refusal.id),
                      )
                  : undefined,
            });
        },
        onError: (error) =>
          setRefusal({
            message: deskErrorMessage(t, error),
          }),
      },
    );
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (helpOpen) return;
      const index = active ? tips.indexOf(active) : -1;
      if (statusMode) {
        setStatusMode(false);
        const status = SETTABLE_STATUSES[Number(event.key) - 1];
        if (status && active && canTriage) {
          event.preventDefault();
          setStatus(active, status);
        }
        return;
      }
      switch (event.key) {
        // The first j or k lands on the highlighted tip (the first one) rather than skipping it.
        case 'j':
          if (activeId === null && active) focusRow(active.id);
          else if (tips[index + 1]) focusRow(tips[index + 1].id);
          break;
        case 'k':
          if (activeId === null && active) focusRow(active.id);
          else if (index > 0) focusRow(tips[index - 1].id);
          break;
        case 'Enter': {
          const target = event.target as HTMLElement;
          if (target.closest('a, button')) return;
          if (active) void navigate(`/desk/tips/${active.id}`);
          break;
        }
        case 'a':
          if (active && canTriage) claim(active);
          break;
        case 's':
          if (active && canTriage) {
            setStatusMode(true);
            setAnnouncement(t('desk.inbox.statusPrompt'));
          }
          break;
        case 'n':
          nextNew();
          break;
        case 'x':
          if (active) toggleSelected(active.id);
          break;
        case '?':
          setHelpOpen(true);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams(params);
    for (const key of ['q', 'tag']) {
      const value = String(data.get(key) ?? '').trim();
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const counts = firstPage?.counts ?? null;

  return (
    <section className="container page-section desk-page inbox" aria-labelledby="inbox-heading">
      <div className="desk-page__head">
        <h2 id="inbox-heading">{t('desk.inbox.heading')}</h2>
        <button type="button" className="button button--secondary" onClick={() => setHelpOpen(true)}>
          {t('desk.inbox.keys.button')}
        </button>
      </div>
      <p className="inbox__live visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {statusMode && (
        <p className="inbox__mode" aria-hidden="true">
          {t('desk.inbox.statusPrompt')}
        </p>
      )}

      <InboxTabs filters={filters} counts={counts} countCap={firstPage?.countCap} setFilter={setFilter} />

      <InboxFilterBar filters={filters} setFilter={setFilter} onSearch={onSearch} />

      {refusal && (
        <Notice
          tone="error"
          action={
            refusal.retry && (
              <button type="button" className="button button--secondary" onClick={refusal.retry}>
                {t('desk.inbox.bulk.force')}
              </button>
            )
          }
        >
          <p>{refusal.message}</p>
        </Notice>
      )}

      {canTriage && active && (
        <div
          className="inbox-actions"
          role="group"
          aria-label={t('desk.inbox.activeActions', { code: active.code })}
        >
          <span className="inbox-actions__code">{active.code}</span>
          <Link className="button button--secondary button--small" to={`/desk/tips/${active.id}`}>
            {t('desk.inbox.open')}
          </Link>
          {active.assignee && active.assignee.id !== me?.id ? (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={change.isPending}
              onClick={() => claim(active, true)}
            >
              {t('desk.inbox.takeOver', { name: active.assignee.displayName })}
            </button>
          ) : (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={change.isPending || active.assignee?.id === me?.id}
              onClick={() => claim(active)}
            >
              {t('desk.inbox.assignMe')}
            </button>
          )}
          <label className="visually-hidden" htmlFor={`${id}-row-status`}>
            {t('desk.inbox.setStatus')}
          </label>
          <select
            id={`${id}-row-status`}
            className="field__input inbox-actions__select"
            value=""
            onChange={(event) => event.target.value && setStatus(active, event.target.value as TipStatus)}
          >
            <option value="">{t('desk.inbox.setStatus')}</option>
            {SETTABLE_STATUSES.map((status, index) => (
              <option key={status} value={status}>
                {index + 1}. {t(`desk.tipStatus.${status}`)}
              </option>
            ))}
          </select>
          <button type="button" className="button button--secondary button--small" onClick={nextNew}>
            {t('desk.inbox.nextNew')}
          </button>
        </div>
      )}

      {canTriage && selected.size > 0 && (
        <div className="inbox-bulk" role="group" aria-label={t('desk.inbox.bulk.label')}>
          <span>{t('desk.inbox.bulk.selected', { count: selected.size })}</span>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={bulk.isPending || !me}
            onClick={() => me && runBulk({ assigneeId: me.id })}
          >
            {t('desk.inbox.bulk.assignMe')}
          </button>
          <label className="visually-hidden" htmlFor={`${id}-bulk-status`}>
            {t('desk.inbox.setStatus')}
          </label>
          <select
            id={`${id}-bulk-status`}
            className="field__input inbox-actions__select"
            value={bulkStatus}
            onChange={(event) => setBulkStatus(event.target.value)}
          >
            <option value="">{t('desk.inbox.setStatus')}</option>
            {SETTABLE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`desk.tipStatus.${status}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={bulk.isPending || !bulkStatus}
            onClick={() => runBulk({ status: bulkStatus as TipStatus })}
          >
            {t('desk.inbox.bulk.apply')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setSelected(new Set())}
          >
            {t('desk.inbox.bulk.clear')}
          </button>
        </div>
      )}

      {inbox.isPending ? (
        <PageLoading />
      ) : inbox.isError ? (
        <Notice
          tone="error"
          action={
            <button type="button" className="button button--secondary" onClick={() => void inbox.refetch()}>
              {t('common.retry')}
            </button>
          }
        >
          <p>{deskErrorMessage(t, inbox.error)}</p>
        </Notice>
      ) : tips.length === 0 ? (
        <Notice tone="info" live={false} title={t('desk.inbox.emptyTitle')}>
          <p>{t('desk.inbox.emptyBody')}</p>
        </Notice>
      ) : (
        <>
          <p className="inbox__hint">{t('desk.inbox.hint')}</p>
          <ul className="inbox-list" ref={listRef} aria-label={t('desk.inbox.listLabel')}>
            {tips.map((tip) => {
              const isActive = tip.id === active?.id;
              const heldByOther = tip.assignee && tip.assignee.id !== me?.id;
              return (
                <li
                  key={tip.id}
                  data-tip-id={tip.id}
                  className={`inbox-row${isActive ? ' inbox-row--active' : ''}${selected.has(tip.id) ? ' inbox-row--selected' : ''}`}
                  onFocusCapture={() => setActiveId(tip.id)}
                >
                  <input
                    type="checkbox"
                    className="inbox-row__select"
                    id={`${id}-select-${tip.id}`}
                    checked={selected.has(tip.id)}
                    onChange={() => toggleSelected(tip.id)}
                    aria-label={t('desk.inbox.select', { code: tip.code })}
                  />
                  <div className="inbox-row__main">
                    <p className="inbox-row__title">
                      <PriorityBadge priority={tip.priority} />
                      <Link
                        className="inbox-row__open"
                        to={`/desk/tips/${tip.id}`}
                        aria-current={isActive ? 'true' : undefined}
                      >
                        {tip.code}
                      </Link>
                      <TipStatusBadge status={tip.status} />
                      <ChannelBadge channel={tip.channel} />
                      {tip.forwardedFrom && <ForwardedBadge forwardedFrom={tip.forwardedFrom} />}
                    </p>
                    <p className="inbox-row__excerpt">{tip.excerpt}</p>
                    <ul className="inbox-row__meta">
                      <li>{formatDate(tip.receivedAt, lang, true)}</li>
                      {tip.appeal && <li>{t('desk.inbox.appeal', { slug: tip.appeal.slug })}</li>}
                      <li className={heldByOther ? 'inbox-row__held' : undefined}>
                        {tip.assignee
                          ? tip.assignee.id === me?.id
                            ? t('desk.inbox.heldByMe')
                            : t('desk.inbox.heldBy', { name: tip.assignee.displayName })
                          : t('desk.inbox.unassigned')}
                      </li>
                      {tip.mediaCount > 0 && (
                        <li className="inbox-row__icon inbox-row__icon--media">
                          {t('desk.inbox.media', { count: tip.mediaCount })}
                        </li>
                      )}
                      {tip.hasLocation && (
                        <li className="inbox-row__icon inbox-row__icon--place">{t('desk.inbox.located')}</li>
                      )}
                      {tip.duplicateCount > 0 && (
                        <li className="inbox-row__dupes">
                          {t('desk.inbox.duplicates', { count: tip.duplicateCount })}
                        </li>
                      )}
                      {tip.tags.map((tag) => (
                        <li key={tag} className="inbox-row__tag">
                          {tag}
                        </li>
                      ))}
                    </ul>
                  </div>
                </li>
              );
            })}
          </ul>
          {inbox.hasNextPage && (
            <button
              type="button"
              className="button button--secondary"
              disabled={inbox.isFetchingNextPage}
              onClick={() => void inbox.fetchNextPage()}
            >
              {inbox.isFetchingNextPage ? t('common.loading') : t('desk.inbox.loadMore')}
            </button>
          )}
        </>
      )}
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </section>
  );
}
