import {
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import type { InboxPage, TipDetail, TipSummary } from '@vigie/common';
import { useEffect } from 'react';
import {
  bulkUpdateTips,
  duplicatesKey,
  fetchDuplicates,
  fetchInboxPage,
  fetchTip,
  inboxKey,
  tipKey,
  TIPS_KEY,
  type InboxFilters,
} from '../api/tips.api';
import { filtersFrom } from '../components/inbox-filters';
import { tipObservablesQuery } from '../../observables/hooks/use-observables';
import { legalHoldQuery } from '../../records/records.api';

const inboxQuery = (filters: InboxFilters) => ({
  queryKey: inboxKey(filters),
  queryFn: ({ pageParam, signal }: { pageParam: string | null; signal?: AbortSignal }) =>
    fetchInboxPage(filters, pageParam, signal),
  initialPageParam: null as string | null,
  getNextPageParam: (last: InboxPage) => last.nextCursor,
  staleTime: 5_000,
});

export function useInbox(filters: InboxFilters) {
  return useInfiniteQuery(inboxQuery(filters));
}

/**
 * Opening the desk on the inbox asks for its first page at once, beside the session check, instead
 * of after it (the `desk` benchmark showed the page asking 1.1 s in). Someone who may not read tips
 * gets a refusal nobody waits for; the inbox itself asks again if this one failed.
 */
export function usePrefetchInbox(onInbox: boolean, search: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (onInbox) void queryClient.prefetchInfiniteQuery(inboxQuery(filtersFrom(new URLSearchParams(search))));
    // Only the first moment matters: the inbox page keeps its own query from then on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

const tipQuery = (id: string) =>
  queryOptions({ queryKey: tipKey(id), queryFn: ({ signal }) => fetchTip(id, signal), staleTime: 5_000 });

const duplicatesQuery = (id: string) =>
  queryOptions({
    queryKey: duplicatesKey(id),
    queryFn: ({ signal }) => fetchDuplicates(id, signal),
    staleTime: 5_000,
  });

export const useTip = (id: string) => useQuery(tipQuery(id));
export const useDuplicates = (id: string) => useQuery(duplicatesQuery(id));

/**
 * Fetches ahead what the tip pane shows of a tip: the tip and what its sections ask for on their own
 * (likely duplicates, observables, legal hold). `j` then draws the whole tip at once, with no section
 * saying "Loading" and drawing itself again a moment later.
 */
export function prefetchTipPane(queryClient: QueryClient, id: string): void {
  void queryClient.prefetchQuery(tipQuery(id));
  void queryClient.prefetchQuery(duplicatesQuery(id));
  void queryClient.prefetchQuery(tipObservablesQuery(id));
  void queryClient.prefetchQuery(legalHoldQuery('tips', id));
}

/** A change to one tip: keep the tip as the API now returns it, and let every list that shows it fetch again. */
export function useTipAction<TInput>(action: (input: TInput) => Promise<TipDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (tip) => {
      queryClient.setQueryData(tipKey(tip.id), tip);
      void queryClient.invalidateQueries({ queryKey: [...TIPS_KEY, 'inbox'] });
    },
  });
}

/** Any other write about tips (bulk, merge, links): refresh everything the desk shows of them. */
export function useTipsWrite<TInput, TResult>(action: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TIPS_KEY }),
  });
}

export const useBulkUpdate = () => useTipsWrite(bulkUpdateTips);

/**
 * A tip just read brings its line in the inbox up to date at once (opening it clears the "new from
 * the tipster" marker; someone may have changed it since the list was fetched), without refetching.
 */
export function useSyncInboxRow(tip: TipDetail | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!tip) return;
    const stale = (item: TipSummary) =>
      item.id === tip.id &&
      (item.version !== tip.version ||
        item.newFromTipster !== tip.newFromTipster ||
        item.status !== tip.status ||
        item.priority !== tip.priority ||
        item.assignee?.id !== tip.assignee?.id ||
        item.tags.join('\n') !== tip.tags.join('\n'));
    const sync = <T extends TipSummary>(item: T): T =>
      stale(item)
        ? {
            ...item,
            status: tip.status,
            priority: tip.priority,
            assignee: tip.assignee,
            tags: tip.tags,
            version: tip.version,
            newFromTipster: tip.newFromTipster,
          }
        : item;
    // Only a list whose line differs is written: on most moves none does, and nothing is copied,
    // compared or redrawn inside the frame that shows the tip.
    const lists = queryClient.getQueriesData<InfiniteData<InboxPage>>({ queryKey: [...TIPS_KEY, 'inbox'] });
    for (const [key, data] of lists) {
      const differs = data?.pages.some(
        (page) => page.items.some(stale) || page.groups?.some((group) => group.members.some(stale)),
      );
      if (!data || !differs) continue;
      queryClient.setQueryData<InfiniteData<InboxPage>>(key, {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map(sync),
          // The same tip inside a group of likely duplicates: its version is what a decision sends.
          groups: page.groups?.map((group) => ({ ...group, members: group.members.map(sync) })),
        })),
      });
    }
  }, [tip, queryClient]);
}
