import { useCallback, useDeferredValue, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ApiError } from '../../shared/api/api-error';

/**
 * What the public pages read from the API (the appeals, an appeal, a tipster's follow-up), kept in memory
 * by key. It does the part of TanStack Query these pages use: one request per key at a time, an answer
 * reused while fresh, retries with backoff for what a retry can fix, a wait for the connection to come
 * back, a refresh on return to the tab or on a timer. TanStack Query stays with the staff desk: on a
 * citizen's phone it weighed a tenth of the JavaScript of every public page.
 */

/** What a reader sees of a key; replaced, never changed in place (useSyncExternalStore compares them). */
interface Snapshot {
  data?: unknown;
  error?: unknown;
  /** When `data` arrived (ms since the epoch); 0 when it never did. */
  updatedAt: number;
  /** `data` came before any reader (fetched early): fresh as of the first one. */
  early?: boolean;
  fetching: boolean;
}

type Fetcher<T> = (signal: AbortSignal) => Promise<T>;

const IDLE: Snapshot = { updatedAt: 0, fetching: false };
const snapshots = new Map<string, Snapshot>();
const requests = new Map<string, { promise: Promise<void>; controller: AbortController }>();
const readers = new Map<string, number>();
const fetchers = new Map<string, Fetcher<unknown>>();
const listeners = new Set<() => void>();

const read = (key: string): Snapshot => snapshots.get(key) ?? IDLE;

function write(key: string, change: Partial<Snapshot>): void {
  snapshots.set(key, { ...read(key), ...change });
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Attempts after the first, for failures a retry may fix (no answer, 5xx, 429). */
const RETRIES = 2;
const retryDelayMs = (failures: number) => Math.min(30_000, 1_000 * 2 ** failures);

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/** Resolves after `ms`, or once `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/** Resolves when the browser is back online, or once `signal` aborts. */
function backOnline(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      window.removeEventListener('online', done);
      resolve();
    };
    window.addEventListener('online', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Fetches `key` unless a request for it is already on its way; the answer reaches every reader. */
function load(key: string): Promise<void> {
  const fetcher = fetchers.get(key);
  if (!fetcher) return Promise.resolve();
  const pending = requests.get(key);
  if (pending) return pending.promise;

  const controller = new AbortController();
  const { signal } = controller;
  const run = async () => {
    for (let failures = 0; ;) {
      try {
        const data = await fetcher(signal);
        if (!signal.aborted) write(key, { data, error: undefined, updatedAt: Date.now() });
        return;
      } catch (error) {
        if (signal.aborted) return;
        const final = ApiError.isApiError(error) && error.isClientError;
        // Offline: wait for the connection without counting a failure (a phone in a tunnel).
        if (!final && isOffline()) await backOnline(signal);
        else if (!final && failures < RETRIES) await pause(retryDelayMs(failures++), signal);
        else return write(key, { error });
        if (signal.aborted) return;
      }
    }
  };
  const promise = run().finally(() => {
    if (requests.get(key)?.controller !== controller) return;
    requests.delete(key);
    write(key, { fetching: false });
  });
  requests.set(key, { promise, controller });
  write(key, { fetching: true });
  return promise;
}

const isStale = (snapshot: Snapshot, staleMs: number) =>
  snapshot.updatedAt === 0 || Date.now() - snapshot.updatedAt >= staleMs;

export interface PublicResourceOptions<T> {
  /** How long an answer is reused without asking again (default: a minute, as the API's cache). */
  staleMs?: number;
  /** An answer already in hand for this key (fetched early, before React started). */
  initialData?: () => T | undefined;
  /** While a new key loads, keep showing the last key's answer (a list being filtered). */
  keepPrevious?: boolean;
  /** Ask again every so often while the page is visible. */
  refreshMs?: number;
  /** Ask again, if stale, when the tab becomes visible again. */
  refreshOnReturn?: boolean;
}

interface Common {
  /** A request is on its way (the first, a retry, or a refresh). */
  isFetching: boolean;
  /** Asks again now (the "Retry" button); resolves once answered or given up. */
  refetch: () => Promise<void>;
}

/** The three states a page draws: nothing yet (retries included), a final error, an answer. */
export type PublicResource<T> = Common &
  (
    | { isPending: true; isError: false; isSuccess: false; data: undefined; error: undefined }
    | { isPending: false; isError: true; isSuccess: false; data: undefined; error: unknown }
    | {
        isPending: false;
        isError: false;
        isSuccess: true;
        data: T;
        error: undefined;
        /** `data` is the previous key's answer, shown while this one loads (keepPrevious). */
        isPlaceholderData: boolean;
      }
  );

/** Called off only if nobody takes the key back at once (React's StrictMode remounts, a quick re-render). */
function release(key: string): void {
  readers.set(key, (readers.get(key) ?? 1) - 1);
  setTimeout(() => {
    if ((readers.get(key) ?? 0) > 0) return;
    // Nobody reads this key any more (a search typed past it): its request is no longer needed.
    requests.get(key)?.controller.abort();
    requests.delete(key);
    if (read(key).fetching) write(key, { fetching: false });
  });
}

/** One API answer for a page, by key; with a `null` key the page has nothing to ask for yet. */
export function usePublicResource<T>(
  key: string | null,
  fetcher: Fetcher<T>,
  { staleMs = 60_000, initialData, keepPrevious, refreshMs, refreshOnReturn }: PublicResourceOptions<T> = {},
): PublicResource<T> {
  const latestFetcher = useRef(fetcher);
  useEffect(() => {
    latestFetcher.current = fetcher;
  });
  if (key !== null && read(key) === IDLE) {
    // An answer in hand is shown from the first render (no loading state flashes): seeded before anyone
    // subscribes, so there is no one to tell.
    const initial = initialData?.();
    if (initial !== undefined) snapshots.set(key, { ...IDLE, data: initial, early: true });
  }

  // An answer is drawn as a deferred update: React renders the page it fills (a list of cards, an appeal)
  // in slices of a few milliseconds rather than in one long task that would freeze a slow phone.
  const snapshot = useDeferredValue(
    useSyncExternalStore(
      subscribe,
      () => (key === null ? IDLE : read(key)),
      () => IDLE,
    ),
  );

  useEffect(() => {
    if (key === null) return;
    fetchers.set(key, (signal) => latestFetcher.current(signal));
    readers.set(key, (readers.get(key) ?? 0) + 1);
    const current = read(key);
    if (current.early) write(key, { early: false, updatedAt: Date.now() });
    else if (isStale(current, staleMs) || current.error !== undefined) void load(key);
    return () => release(key);
  }, [key, staleMs]);

  useEffect(() => {
    if (key === null || (!refreshMs && !refreshOnReturn)) return;
    const visible = () => document.visibilityState === 'visible';
    const timer = refreshMs ? setInterval(() => visible() && void load(key), refreshMs) : undefined;
    const onReturn = () => {
      if (visible() && isStale(read(key), staleMs)) void load(key);
    };
    if (refreshOnReturn) document.addEventListener('visibilitychange', onReturn);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, [key, refreshMs, refreshOnReturn, staleMs]);

  // The last answer shown, for keepPrevious (kept as state derived during render, as React advises).
  const [shown, setShown] = useState<unknown>(undefined);
  if (keepPrevious && snapshot.data !== undefined && snapshot.data !== shown) setShown(snapshot.data);
  const refetch = useCallback(() => (key === null ? Promise.resolve() : load(key)), [key]);
  const isFetching = snapshot.fetching;

  if (snapshot.data !== undefined) {
    return {
      isPending: false,
      isError: false,
      isSuccess: true,
      data: snapshot.data as T,
      error: undefined,
      isPlaceholderData: false,
      isFetching,
      refetch,
    };
  }
  if (snapshot.error !== undefined) {
    return {
      isPending: false,
      isError: true,
      isSuccess: false,
      data: undefined,
      error: snapshot.error,
      isFetching,
      refetch,
    };
  }
  if (keepPrevious && shown !== undefined) {
    return {
      isPending: false,
      isError: false,
      isSuccess: true,
      data: shown as T,
      error: undefined,
      isPlaceholderData: true,
      isFetching,
      refetch,
    };
  }
  return {
    isPending: true,
    isError: false,
    isSuccess: false,
    data: undefined,
    error: undefined,
    isFetching,
    refetch,
  };
}

/** Replaces the answer for `key` (the API answered a change with the new state: no need to ask again). */
export function setPublicResource<T>(key: string, data: T): void {
  write(key, { data, error: undefined, updatedAt: Date.now() });
}

/** Forgets every answer whose key starts with `prefix` (a tipster signing out; each test, with no prefix). */
export function forgetPublicResources(prefix = ''): void {
  for (const key of [...snapshots.keys(), ...requests.keys()]) {
    if (!key.startsWith(prefix)) continue;
    requests.get(key)?.controller.abort();
    requests.delete(key);
    snapshots.delete(key);
    fetchers.delete(key);
  }
  for (const listener of listeners) listener();
}
