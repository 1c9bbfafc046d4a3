import type { TipSummary } from '@vigie/common';
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useImperativeHandle, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxLine } from './inbox-lines';
import { InboxRow } from './inbox-row';

/** Every row has this height (three short lines): the list draws only the rows on screen. */
export const ROW_HEIGHT = 76;

export interface InboxListHandle {
  /** Brings a row into view, then focuses its link (it may not be drawn until scrolled to). */
  focusRow(tipId: string): void;
}

/**
 * The inbox list, virtualised: thousands of rows cost what a screenful costs. When tips stream
 * in above what the investigator is looking at, the list scrolls by as much as was inserted, so
 * the rows on screen, and the selection, stay where they were (the live region says what arrived).
 */
export const InboxList = forwardRef<
  InboxListHandle,
  {
    lines: InboxLine[];
    activeId: string | null;
    selected: ReadonlySet<string>;
    me?: string;
    hrefOf: (tip: TipSummary) => string;
    linkState?: unknown;
    onToggle: (tipId: string, range: boolean) => void;
    onFocusRow: (tipId: string) => void;
    onNearEnd: () => void;
    onToggleGroup: (groupId: string) => void;
  }
>(function InboxList(
  { lines, activeId, selected, me, hrefOf, linkState, onToggle, onFocusRow, onNearEnd, onToggleGroup },
  ref,
) {
  const { t } = useTranslation();
  // The rows are memoised: they get callbacks that never change and call the latest ones given here.
  const latest = useRef({ onToggle, onFocusRow, onToggleGroup });
  useLayoutEffect(() => {
    latest.current = { onToggle, onFocusRow, onToggleGroup };
  });
  const rowCallbacks = useMemo(
    () => ({
      onToggle: (tipId: string, range: boolean) => latest.current.onToggle(tipId, range),
      onFocus: (tipId: string) => latest.current.onFocusRow(tipId),
      onToggleGroup: (groupId: string) => latest.current.onToggleGroup(groupId),
    }),
    [],
  );
  const tips = useMemo(() => lines.map((line) => line.tip), [lines]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tips.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => tips[index]?.id ?? index,
  });

  // Keep what is on screen in place when rows arrive above it: anchor on the first visible row.
  const anchor = useRef<{ id: string; index: number } | null>(null);
  useLayoutEffect(() => {
    const element = scroller.current;
    const previous = anchor.current;
    if (element && previous) {
      const index = tips.findIndex((tip) => tip.id === previous.id);
      if (index >= 0 && index !== previous.index) element.scrollTop += (index - previous.index) * ROW_HEIGHT;
    }
    const first = element ? Math.floor(element.scrollTop / ROW_HEIGHT) : 0;
    anchor.current = tips[first] ? { id: tips[first].id, index: first } : null;
  }, [tips]);

  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  useLayoutEffect(() => {
    if (last && last.index >= tips.length - 10) onNearEnd();
  }, [last, tips.length, onNearEnd]);

  useImperativeHandle(
    ref,
    () => ({
      focusRow(tipId: string) {
        const index = tips.findIndex((tip) => tip.id === tipId);
        if (index < 0) return;
        // A row already on screen needs no scrolling: the virtualiser's scrollToIndex would still
        // re-read the layout for several frames, which `j` paid for on every move.
        const element = scroller.current;
        const top = index * ROW_HEIGHT;
        const visible =
          element && top >= element.scrollTop && top + ROW_HEIGHT <= element.scrollTop + element.clientHeight;
        if (!visible) virtualizer.scrollToIndex(index, { align: 'auto' });
        const focus = (attempt: number) =>
          requestAnimationFrame(() => {
            const link = scroller.current?.querySelector<HTMLElement>(
              `[data-tip-id="${tipId}"] .inbox-row__open`,
            );
            if (link) link.focus({ preventScroll: true });
            else if (attempt < 5) focus(attempt + 1);
          });
        focus(0);
      },
    }),
    [tips, virtualizer],
  );

  return (
    <div
      className="inbox-list__scroller"
      ref={scroller}
      onScroll={() => {
        const element = scroller.current;
        if (!element) return;
        const first = Math.floor(element.scrollTop / ROW_HEIGHT);
        anchor.current = tips[first] ? { id: tips[first].id, index: first } : null;
      }}
    >
      <ul
        className="inbox-list"
        aria-label={t('desk.inbox.listLabel')}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const line = lines[item.index];
          const tip = line.tip;
          return (
            <InboxRow
              key={tip.id}
              line={line}
              href={hrefOf(tip)}
              linkState={linkState}
              active={tip.id === activeId}
              selected={selected.has(tip.id)}
              me={me}
              position={item.index + 1}
              setSize={tips.length}
              top={item.start}
              height={ROW_HEIGHT}
              {...rowCallbacks}
            />
          );
        })}
      </ul>
    </div>
  );
});
