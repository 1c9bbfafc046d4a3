import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** Opening a tip beside the list is no page change: the keyboard stays in the list (see Layout). */
export const KEEP_FOCUS = { keepFocus: true };

/**
 * Runs `work` when the browser has a moment, after the frame it is drawing (Safari has no
 * requestIdleCallback); answers a function that cancels it.
 */
export function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 300 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 50);
  return () => clearTimeout(handle);
}

/** What the inbox's address names: the open tip (none: the list) and the filters (`URLSearchParams`' text). */
interface Address {
  tipId: string | undefined;
  search: string;
}

/**
 * The inbox's address, which names both the open tip and the filters (a link, a reload). A move (`j`)
 * writes it when the browser is idle, so that the frames showing the tip do not also redraw the desk for
 * the router; a filter writes it at once. Each write takes the other's latest wish from here, not from
 * what the router has drawn: a filter changed while a move's address waits names that tip, and a move's
 * address written after a filter keeps the filter, whatever the order and however quick. A navigation
 * from elsewhere (a link, Back, Forward) drops a move still waiting: it never takes the investigator
 * back to that tip.
 *
 * `openId` and `search` are what the router shows now; the callbacks answered never change, so the bars
 * that call them stay memoised through every `j`.
 */
export function useInboxAddress(openId: string | undefined, search: string) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // The router's navigate and path change with every address: the callbacks read the latest.
  const router = useRef({ navigate, pathname });
  useLayoutEffect(() => {
    router.current = { navigate, pathname };
  });
  // The address last written (the router may not have drawn it yet), and a move waiting for its turn.
  const written = useRef<Address>({ tipId: openId, search });
  const waiting = useRef<{ tipId: string; cancel: () => void } | null>(null);
  // The same, for the page's render: the tip the desk last named. Set in the router's transition, so
  // that it is drawn with the address it names, in one render.
  const [ownTipId, setOwnTipId] = useState(openId);

  const write = useCallback((next: Address, replace: boolean) => {
    written.current = next;
    startTransition(() => setOwnTipId(next.tipId));
    const { navigate: go, pathname: here } = router.current;
    void go(
      {
        pathname: next.tipId ? `/desk/tips/${next.tipId}` : here,
        search: next.search ? `?${next.search}` : '',
      },
      { replace, state: KEEP_FOCUS },
    );
  }, []);

  // An address this page did not write is where the investigator went: a move still waiting is dropped.
  useEffect(() => {
    if (written.current.tipId === openId && written.current.search === search) return;
    waiting.current?.cancel();
    waiting.current = null;
    written.current = { tipId: openId, search };
  }, [openId, search]);
  useEffect(() => () => waiting.current?.cancel(), []);

  /** After a move to `tipId`, once the browser is idle: that tip, with the filters as they are then. */
  const follow = useCallback(
    (tipId: string) => {
      waiting.current?.cancel();
      const cancel = whenIdle(() => {
        waiting.current = null;
        // From a tip to the next, the history entry is replaced: Back returns to the list.
        write({ tipId, search: written.current.search }, written.current.tipId !== undefined);
      });
      waiting.current = { tipId, cancel };
    },
    [write],
  );

  /**
   * A filter, a search or a view: the filters `change` makes of the latest ones, written at once, naming
   * the tip a move is still waiting to name (that move then has nothing left to write).
   */
  const setFilters = useCallback(
    (change: (current: URLSearchParams) => URLSearchParams, { replace = false } = {}) => {
      const move = waiting.current;
      move?.cancel();
      waiting.current = null;
      const from = written.current;
      // A move from the list is a new entry in the history, as its own write would have been.
      write(
        { tipId: move?.tipId ?? from.tipId, search: change(new URLSearchParams(from.search)).toString() },
        replace && (!move || from.tipId !== undefined),
      );
    },
    [write],
  );

  /**
   * Whether the router's tip is the one the desk last named (a move's or a filter's address): then
   * what is on screen is already right, and may be ahead of it (`j` pressed again before the router
   * drew the address); otherwise the investigator went there from elsewhere (a link, Back).
   */
  const named = (tipId: string | undefined) => tipId === ownTipId;

  return { follow, setFilters, named };
}
