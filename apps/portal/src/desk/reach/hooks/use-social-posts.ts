import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SocialAttentionCount, SocialAttentionPost, SocialPostView } from '@vigie/common';
import {
  ATTENTION_COUNT_KEY,
  ATTENTION_KEY,
  fetchAttention,
  fetchAttentionCount,
  fetchSocialPosts,
  fetchSocialPreview,
  retrySocialPost,
  socialPostsKey,
  socialPreviewKey,
  type SocialPreviewTarget,
} from '../api/reach.api';
import { takedownPending } from '../components/post-failure-words';

/** Posts (and takedowns) on their way are followed until they are done or fail; then the list rests. */
const MOVING = new Set<SocialPostView['state']>(['QUEUED', 'SENDING']);
const moving = (post: SocialPostView) => MOVING.has(post.state) || takedownPending(post);
const FOLLOW_MS = 5_000;
/**
 * The navigation's count is asked for again this often while the desk is in front (and when the window
 * comes back to it): no live event says a post changed state, and the PIO's desk may not open the
 * event stream (it carries tips).
 */
const COUNT_MS = 60_000;

/** An appeal's posts on each network and language, with their state. */
export function useSocialPosts(appealId: string) {
  return useQuery({
    queryKey: socialPostsKey(appealId),
    queryFn: ({ signal }) => fetchSocialPosts(appealId, signal),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.some(moving) ? FOLLOW_MS : false),
  });
}

/** Sends a failed post again; the answer (QUEUED) replaces it in the list, which then follows it. */
export function useRetryPost(appealId: string) {
  const queryClient = useQueryClient();
  const key = socialPostsKey(appealId);
  return useMutation({
    mutationFn: (postId: string) => retrySocialPost(postId),
    onSuccess: (post) =>
      queryClient.setQueryData<SocialPostView[]>(key, (posts) =>
        posts?.map((one) => (one.id === post.id ? post : one)),
      ),
    // Taken down or sent meanwhile: the list is out of date.
    onError: () => void queryClient.invalidateQueries({ queryKey: key }),
    // A failed post sent again no longer needs the PIO: the navigation's count and the list change.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ATTENTION_KEY }),
  });
}

/** What approving a publication (the revision in review, an update, a resolution) will post, for the record's `version`. */
export function useSocialPreview(appealId: string, version: number, target: SocialPreviewTarget) {
  return useQuery({
    queryKey: socialPreviewKey(appealId, version, target),
    queryFn: ({ signal }) => fetchSocialPreview(appealId, target, signal),
    staleTime: 0,
  });
}

/** Every post that needs the PIO, across appeals (failed, takedown failed, up on a disconnected account). */
export function useAttention() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ATTENTION_KEY,
    queryFn: async ({ signal }) => {
      const posts = await fetchAttention(signal);
      // The navigation says what the page shows, not what it read a minute ago.
      queryClient.setQueryData<SocialAttentionCount>(ATTENTION_COUNT_KEY, { count: posts.length });
      return posts;
    },
    staleTime: 0,
  });
}

/** How many posts need the PIO, for the navigation; asked for only by those who may see the list. */
export function useAttentionCount(enabled: boolean) {
  return useQuery({
    queryKey: ATTENTION_COUNT_KEY,
    queryFn: ({ signal }) => fetchAttentionCount(signal),
    enabled,
    staleTime: 0,
    refetchInterval: COUNT_MS,
    refetchOnWindowFocus: true,
  });
}

/** Sends a failed post again, or its takedown, from the attention page; it leaves the list once queued. */
export function useRetryFromAttention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (post: SocialAttentionPost) => retrySocialPost(post.id),
    onSettled: (_data, _error, post) => {
      void queryClient.invalidateQueries({ queryKey: ATTENTION_KEY });
      void queryClient.invalidateQueries({ queryKey: socialPostsKey(post.appealId) });
    },
  });
}
