import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { SocialArchivePage } from '@vigie/common';
import {
  ARCHIVE_KEY,
  archiveKey,
  fetchArchivePage,
  makeTipFromMessage,
  type ArchiveSearch,
} from '../api/reach.api';

/** The archive, newest first, 50 at a time: each next page is what came before the last one shown. */
export function useSocialArchive(search: ArchiveSearch) {
  return useInfiniteQuery({
    queryKey: archiveKey(search),
    queryFn: ({ pageParam, signal }) => fetchArchivePage(search, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: SocialArchivePage) => last.next,
    staleTime: 10_000,
  });
}

/**
 * Makes a received message a tip. The answer's tip goes into every page that shows the message; a
 * refusal because it already is one (a colleague was quicker) reads the archive again, which then
 * shows that tip.
 */
export function useMakeTip() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => makeTipFromMessage(messageId),
    onSuccess: ({ tipId }, messageId) =>
      queryClient.setQueriesData<InfiniteData<SocialArchivePage>>({ queryKey: ARCHIVE_KEY }, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.map((item) => (item.id === messageId ? { ...item, tipId } : item)),
              })),
            }
          : data,
      ),
    onError: () => void queryClient.invalidateQueries({ queryKey: ARCHIVE_KEY }),
  });
}
