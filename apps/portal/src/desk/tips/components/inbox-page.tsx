import { TipStatus, tipMovesFrom, type SavedView, type TipSummary } from '@vigie/common';
import { useQueryClient } from '@tanstack/react-query';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
} from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useStaffProfile } from '../../hooks/use-staff-profile';
import { deskPermissions } from '../../permissions';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { updateTip } from '../api/tips.api';
import { liveTipEvents, type LiveTipEvent } from '../hooks/use-live-events';
import { prefetchTipPane, useInbox, useTipsWrite } from '../hooks/use-tips';
import { useWideScreen } from '../hooks/use-wide-screen';
import { BulkBar, type BulkReport } from './bulk-bar';
import {
  decisionErrorMessage,
  planDecision,
  sendDecision,
  type DecisionKind,
  type DecisionPlan,
} from './duplicate-decision';
import { DuplicateDecisionDialog } from './duplicate-decision-dialog';
import { GroupActions } from './group-actions';
import { groupsById, inboxLines } from './inbox-lines';
import { InboxFilterBar, InboxTabs, filtersFrom } from './inbox-filters';
import { SETTABLE_STATUSES } from './inbox-keys';
import { InboxList, type InboxListHandle } from './inbox-list';
import { SavedViewsBar } from './saved-views';
import { ShortcutsDialog } from './shortcuts-dialog';
import { TipDetailPane } from './tip-detail-page';
import { KEEP_FOCUS, useInboxAddress, whenIdle } from '../hooks/use-inbox-address';
import { useInboxKeys } from '../hooks/use-inbox-keys';
import { useRowSelection } from '../hooks/use-row-selection';
import './inbox.css';

/**
 * `/desk`, `/desk/inbox` and `/desk/tips/:id`: the triage workspace. On a desktop (≥ 1280 px) the
 * inbox and the open tip sit side by side and the URL names the open tip (a link, Back); on a tablet
 * or phone, the list, then the tip. Live, urgent first, and usable from the keyboard alone.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const wide = useWideScreen();
  const { id: openId } = useParams();
  const me = useStaffProfile().data;
  const [params] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const inbox = useInbox(filters);
  const pageTips = useMemo(() => inbox.data?.pages.flatMap((page) => page.items) ?? [], [inbox.data]);
  const groups = useMemo(() => groupsById(inbox.data?.pages ?? []), [inbox.data]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  // The lines as drawn (a group is one line, its other tips under it when expanded): j and k walk these.
  const lines = useMemo(() => inboxLines(pageTips, groups, expanded), [pageTips, groups, expanded]);
  const tips = useMemo(() => lines.map((line) => line.tip), [lines]);
  // Every tip the page knows of, drawn or inside a collapsed group: the selection may hold any of them.
  const known = useMemo(
    () =>
      new Map<string, TipSummary>(
        [...[...groups.values()].flatMap((g) => g.members), ...pageTips].map((tip) => [tip.id, tip]),
      ),
    [groups, pageTips],
  );
  const firstPage = inbox.data?.pages[0];
  const canTriage = deskPermissions(me?.roles ?? []).triage;
  useDocumentTitle(t('desk.inbox.heading'));

  const [localActive, setLocalActive] = useState<string | null>(null);
  // The open tip is the highlighted one until the investigator moves (a click, a link, Back).
  const [seenOpenId, setSeenOpenId] = useState(openId);
  // On a desktop, the tip `j`/`k` (or a click) moved to shows in the pane at once; the address follows
  // as the router's transition, a render later (waiting for it made every move a frame or two slower).
  const [opening, setOpening] = useState<string | null>(null);
  // The address names the open tip and the filters; a move's follows when the browser is idle.
  const { follow, setFilters, named } = useInboxAddress(openId, params.toString());
  if (seenOpenId !== openId) {
    setSeenOpenId(openId);
    // The desk's own address for a move: the investigator may have moved on since (j pressed again
    // before the router drew it), and what is on screen stays.
    if (!named(openId)) {
      setLocalActive(openId ?? null);
      setOpening(null);
    }
  }
  const shownId = (wide && opening) || openId;
  const activeId = localActive ?? openId ?? null;
  const active = tips.find((tip) => tip.id === activeId) ?? (activeId ? undefined : tips[0]);
  const selection = useRowSelection(tips);
  const selectedTips = [...selection.selected].flatMap((tipId) => known.get(tipId) ?? []);
  const [statusMode, setStatusMode] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [report, setReport] = useState<BulkReport | null>(null);
  const [plan, setPlan] = useState<DecisionPlan | null>(null);
  const list = useRef<InboxListHandle>(null);
  const bulkBar = useRef<HTMLDivElement>(null);
  const detailPane = useRef<HTMLDivElement>(null);
  // Another tip beside the list is read from its top, not from where the last one was scrolled to.
  useLayoutEffect(() => {
    if (detailPane.current) detailPane.current.scrollTop = 0;
  }, [shownId]);

  const search = params.toString() ? `?${params.toString()}` : '';
  const hrefOf = useCallback((tip: Pick<TipSummary, 'id'>) => `/desk/tips/${tip.id}${search}`, [search]);

  // New tips are announced politely; the list refreshes by itself and keeps what is on screen in place.
  useEffect(() => {
    let received = 0;
    const onLive = (event: Event) => {
      if ((event as CustomEvent<LiveTipEvent>).detail.type !== 'tip.received') return;
      received += 1;
      setAnnouncement(t('desk.inbox.live.received', { count: received }));
    };
    liveTipEvents.addEventListener('live', onLive);
    return () => liveTipEvents.removeEventListener('live', onLive);
  }, [t]);

  /** Moves the highlight (and, on a desktop, the open tip) to a row; the next one is fetched ahead. */
  const moveTo = useCallback(
    (tipId: string) => {
      setLocalActive(tipId);
      setReport(null);
      // Moving from tip to tip replaces the open one in the history: Back returns to the list.
      if (wide) {
        setOpening(tipId);
        // The address follows once the move is drawn: the router's render of the whole desk for it
        // (nothing on screen changes) would otherwise share the frames that show the tip.
        follow(tipId);
      }
      list.current?.focusRow(tipId);
      // The tip after it, in the direction the investigator is going (k walks up the list).
      const index = tips.findIndex((tip) => tip.id === tipId);
      const from = tips.findIndex((tip) => tip.id === activeId);
      const next = tips[from > index ? index - 1 : index + 1];
      // Once the move is drawn: starting four requests costs the main thread a few milliseconds,
      // which the frame that shows this tip should not wait for.
      if (next) whenIdle(() => prefetchTipPane(queryClient, next.id));
    },
    [wide, follow, tips, activeId, queryClient],
  );

  const change = useTipsWrite(
    (input: { tip: TipSummary; assigneeId?: string | null; status?: TipStatus; label: string }) =>
      updateTip(input.tip.id, {
        version: input.tip.version,
        assigneeId: input.assigneeId,
        status: input.status,
      }).then(() => input.label),
  );
  const run = (input: Parameters<typeof change.mutate>[0]) => {
    setReport(null);
    change.mutate(input, {
      onSuccess: (label) => setAnnouncement(label),
      onError: (error) => setReport({ refused: deskErrorMessage(t, error) }),
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
  /** Only the moves the workflow allows from where the tip is; any other is explained, not sent. */
  const setStatus = (tip: TipSummary, status: TipStatus) => {
    if (status === tip.status) return;
    if (!tipMovesFrom(tip.status).includes(status)) {
      setReport({ refused: explainMoves(t, tip.code, tip.status) });
      return;
    }
    run({
      tip,
      status,
      label: t('desk.inbox.statusSet', { code: tip.code, status: t(`desk.tipStatus.${status}`) }),
    });
  };
  const nextNew = () => {
    const start = active ? tips.indexOf(active) : -1;
    const next = [...tips.slice(start + 1), ...tips.slice(0, start + 1)].find(
      (tip) => tip.status === TipStatus.NEW && !tip.assignee,
    );
    if (next) moveTo(next.id);
    else setAnnouncement(t('desk.inbox.noNextNew'));
  };

  /** Shows or hides a group's other tips; hiding it while on one of them moves to the group's line. */
  const toggleGroup = (groupId: string) => {
    const group = groups.get(groupId);
    const open = expanded.has(groupId);
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.delete(groupId);
      else next.add(groupId);
      return next;
    });
    if (group && open && active?.groupId === groupId && active.id !== group.members[0]?.id)
      moveTo(group.members[0].id);
    else if (active) list.current?.focusRow(active.id);
  };

  const decision = useTipsWrite((input: DecisionPlan) => sendDecision(input));
  /** From a key or a button: what would be decided, shown in the confirmation dialog first. */
  const askDecision = (kind: DecisionKind) => {
    if (!canTriage) return;
    setReport(null);
    decision.reset();
    const next = planDecision(kind, { selected: selectedTips, active, groups });
    if (typeof next === 'string') setReport({ refused: t(`desk.groups.problem.${next}`) });
    else setPlan(next);
  };
  const confirmDecision = () => {
    if (!plan) return;
    decision.mutate(plan, {
      onSuccess: () => {
        const code = plan.kind === 'merge' ? plan.target?.code : plan.tips[0]?.tip.code;
        setAnnouncement(t(`desk.groups.done.${plan.kind}`, { count: plan.tips.length, code }));
        if (plan.kind !== 'unmerge') selection.clear();
        const groupId = (plan.target ?? plan.tips[0]?.tip)?.groupId;
        if (groupId) setExpanded((current) => new Set([...current, groupId]));
        setPlan(null);
      },
    });
  };

  // The dialogs are memoised (closed, they are the same on every `j`): their callbacks never change.
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  const cancelDecision = useCallback(() => setPlan(null), []);
  const latestConfirm = useRef(confirmDecision);
  useLayoutEffect(() => {
    latestConfirm.current = confirmDecision;
  });
  const onConfirmDecision = useCallback(() => latestConfirm.current(), []);

  useInboxKeys({
    disabled: helpOpen || plan !== null,
    tips,
    active,
    hasActive: activeId !== null,
    statusMode,
    setStatusMode: (on) => {
      setStatusMode(on);
      if (on) setAnnouncement(t('desk.inbox.statusPrompt'));
    },
    canTriage,
    moveTo,
    open: (tip) => (wide ? document.getElementById('tip-heading')?.focus() : void navigate(hrefOf(tip))),
    claim: (tip) => claim(tip),
    setStatus,
    nextNew,
    selection,
    focusBulk: () => bulkBar.current?.focus(),
    toggleGroup: (tip) => tip.groupId && toggleGroup(tip.groupId),
    decide: askDecision,
    help: () => setHelpOpen(true),
    focusSearch: () =>
      document.querySelector<HTMLInputElement>('.inbox-filters__search input[name="q"]')?.focus(),
    focusViews: () =>
      document.querySelector<HTMLElement>('.saved-views [aria-pressed="true"], .saved-views button')?.focus(),
  });

  // The bars above the list are memoised and skip the redraw of each `j`: their callbacks never change.
  const setFilter = useCallback(
    (key: string, value: string | undefined) =>
      setFilters(
        (next) => {
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setFilters],
  );
  const applyView = useCallback(
    (view: SavedView) => setFilters(() => new URLSearchParams(view.filters)),
    [setFilters],
  );
  const onSearch = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const data = new FormData(event.currentTarget);
      setFilters(
        (next) => {
          for (const key of ['q', 'tag']) {
            const value = String(data.get(key) ?? '').trim();
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setFilters],
  );

  // Below a desktop's width the filters other than the search fold away (see InboxFilterBar).
  const [filtersOpen, setFiltersOpen] = useState(false);
  const toggleFilters = useCallback(() => setFiltersOpen((open) => !open), []);

  const { fetchNextPage, hasNextPage, isFetchingNextPage } = inbox;
  const onNearEnd = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const showList = wide || !openId;
  const showDetail = !!shownId;
  const activeLine = lines.find((line) => line.tip.id === active?.id);

  return (
    <section
      className={`desk-page inbox${wide ? ' inbox--split' : ' container page-section'}`}
      aria-labelledby="inbox-heading"
    >
      <p className="inbox__live visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {showList && (
        <div className="inbox__pane inbox__pane--list">
          <div className="inbox__bar">
            <h2 id="inbox-heading" tabIndex={-1}>
              {t('desk.inbox.heading')}
            </h2>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setHelpOpen(true)}
            >
              {t('desk.inbox.keys.button')}
            </button>
          </div>
          <InboxTabs
            filters={filters}
            counts={firstPage?.counts ?? null}
            countCap={firstPage?.countCap}
            setFilter={setFilter}
          />
          <InboxFilterBar
            // A saved view changes the search from outside the form: the fields start again from it.
            key={`${filters.q ?? ''}\n${filters.tag ?? ''}`}
            filters={filters}
            setFilter={setFilter}
            onSearch={onSearch}
            open={filtersOpen}
            onToggle={toggleFilters}
          />
          <SavedViewsBar filters={filters} onApply={applyView} />
          {statusMode && (
            <p className="inbox__mode" aria-hidden="true">
              {t('desk.inbox.statusPrompt')}
            </p>
          )}
          {report?.refused && (
            <Notice
              tone="error"
              action={
                report.retry && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={report.retry}
                  >
                    {t('desk.inbox.bulk.force')}
                  </button>
                )
              }
            >
              <p>{report.refused}</p>
            </Notice>
          )}
          {canTriage && selectedTips.length > 0 && (
            <BulkBar
              ref={bulkBar}
              tips={selectedTips}
              me={me?.id}
              onClear={selection.clear}
              onReport={(next, keep) => {
                setReport(next);
                if (next.done) setAnnouncement(next.done);
                selection.keepOnly(keep);
              }}
            />
          )}
          {!wide && canTriage && active && (
            <div
              className="inbox-actions"
              role="group"
              aria-label={t('desk.inbox.activeActions', { code: active.code })}
            >
              <span className="inbox-actions__code">{active.code}</span>
              <Link className="button button--secondary button--small" to={hrefOf(active)}>
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
                {tipMovesFrom(active.status).map((status) => (
                  <option key={status} value={status}>
                    {SETTABLE_STATUSES.indexOf(status) + 1}. {t(`desk.tipStatus.${status}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {inbox.isPending ? (
            <PageLoading />
          ) : inbox.isError ? (
            <Notice
              tone="error"
              action={
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void inbox.refetch()}
                >
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
            <InboxList
              key={params.toString()}
              ref={list}
              lines={lines}
              activeId={active?.id ?? null}
              selected={selection.selected}
              me={me?.id}
              hrefOf={hrefOf}
              linkState={wide ? KEEP_FOCUS : undefined}
              onToggle={selection.toggle}
              onFocusRow={setLocalActive}
              onNearEnd={onNearEnd}
              onToggleGroup={toggleGroup}
            />
          )}
          {/* Below the list, so that moving into a group never shifts the rows on screen. */}
          {canTriage && activeLine && activeLine.kind !== 'tip' && (
            <GroupActions
              line={activeLine}
              selected={selectedTips.length}
              onToggle={() => toggleGroup(activeLine.group.id)}
              onDecide={askDecision}
            />
          )}
          <p className="inbox__hint">{t('desk.inbox.hint')}</p>
        </div>
      )}
      {wide && !showDetail && (
        <div className="inbox__pane inbox__pane--detail inbox__pane--empty">
          <p>{t('desk.inbox.chooseTip')}</p>
        </div>
      )}
      {shownId && (
        <div className="inbox__pane inbox__pane--detail" ref={detailPane}>
          <TipDetailPane id={shownId} backTo={`/desk${search}`} showBack={!wide} />
        </div>
      )}
      <ShortcutsDialog open={helpOpen} onClose={closeHelp} />
      <DuplicateDecisionDialog
        plan={plan}
        pending={decision.isPending}
        error={decision.isError ? decisionErrorMessage(t, decision.error) : null}
        onConfirm={onConfirmDecision}
        onCancel={cancelDecision}
      />
    </section>
  );
}

/** "A New tip can move to: In review, Not actionable." */
export function explainMoves(t: TFunction, code: string, from: TipStatus) {
  return t('desk.inbox.movesFrom', {
    code,
    status: t(`desk.tipStatus.${from}`),
    moves: tipMovesFrom(from)
      .map((to) => t(`desk.tipStatus.${to}`))
      .join(', '),
  });
}
