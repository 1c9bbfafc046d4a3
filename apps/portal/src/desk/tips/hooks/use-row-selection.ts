import type { TipSummary } from '@vigie/common';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';

export interface RowSelection {
  selected: ReadonlySet<string>;
  /** Selects or unselects one tip; with `range`, everything from the last one toggled to it. */
  toggle(tipId: string, range?: boolean): void;
  /** Adds a tip to the selection (shift with j/k grows it as the highlight moves). */
  add(tipId: string): void;
  clear(): void;
  /** After a bulk action: only the tips that were left as they were stay selected. */
  keepOnly(ids: string[]): void;
}

/** The inbox's selection for bulk actions, by tip id: it survives the list refreshing around it. */
export function useRowSelection(tips: TipSummary[]): RowSelection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const tipsRef = useRef(tips);
  useLayoutEffect(() => {
    tipsRef.current = tips;
  }, [tips]);

  const toggle = useCallback((tipId: string, range = false) => {
    // Read now: the state updater runs later, after the anchor has moved to this tip.
    const list = tipsRef.current;
    const from = anchor.current ? list.findIndex((tip) => tip.id === anchor.current) : -1;
    const to = list.findIndex((tip) => tip.id === tipId);
    anchor.current = tipId;
    setSelected((current) => {
      const next = new Set(current);
      if (range && from >= 0 && to >= 0) {
        const [start, end] = from < to ? [from, to] : [to, from];
        for (const tip of list.slice(start, end + 1)) next.add(tip.id);
      } else if (next.has(tipId)) next.delete(tipId);
      else next.add(tipId);
      return next;
    });
  }, []);
  const add = useCallback((tipId: string) => {
    setSelected((current) => (current.has(tipId) ? current : new Set([...current, tipId])));
    anchor.current = tipId;
  }, []);
  const clear = useCallback(() => setSelected(new Set()), []);
  const keepOnly = useCallback((ids: string[]) => setSelected(new Set(ids)), []);
  return useMemo(
    () => ({ selected, toggle, add, clear, keepOnly }),
    [selected, toggle, add, clear, keepOnly],
  );
}
