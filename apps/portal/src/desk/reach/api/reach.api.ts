import type {
  AppealOutcome,
  FediverseActorConnection,
  SocialAttentionCount,
  SocialAttentionPost,
  SocialAccountsView,
  SocialAccountView,
  SocialArchivePage,
  SocialNetwork,
  SocialPostView,
  SocialPreview,
} from '@vigie/common';
import { api } from '../../../shared/api/api-client';

// The routes and shapes are the contract in libs/common/src/interfaces/social.interface.ts.

export const REACH_KEY = ['desk', 'reach'] as const;
export const SOCIAL_ACCOUNTS_KEY = [...REACH_KEY, 'accounts'] as const;
export const ARCHIVE_KEY = [...REACH_KEY, 'archive'] as const;
export const archiveKey = (search: ArchiveSearch) => [...ARCHIVE_KEY, search.q, search.direction] as const;
export const ATTENTION_KEY = [...REACH_KEY, 'attention'] as const;
/** Under ATTENTION_KEY: whatever refreshes the list refreshes the navigation's count too. */
export const ATTENTION_COUNT_KEY = [...ATTENTION_KEY, 'count'] as const;
export const socialPostsKey = (appealId: string) => [...REACH_KEY, 'posts', appealId] as const;
export const socialPreviewKey = (appealId: string, version: number, target: SocialPreviewTarget) =>
  [...REACH_KEY, 'preview', appealId, version, previewPath(target)] as const;

/** Which publication's posts to preview: the revision in review, an update in review, or a resolution. */
export type SocialPreviewTarget =
  | { event: 'APPROVED' }
  | { event: 'UPDATE'; updateId: string }
  | { event: 'RESOLVED'; outcome: AppealOutcome };

function previewPath(target: SocialPreviewTarget): string {
  if (target.event === 'UPDATE') return `updates/${id(target.updateId)}/preview`;
  if (target.event === 'RESOLVED') return `resolution/preview?outcome=${id(target.outcome)}`;
  return 'preview';
}

const id = (value: string) => encodeURIComponent(value);

export interface ConnectAccountBody {
  network: SocialNetwork;
  serviceUrl: string;
  handle: string;
  secret: string;
  accountId?: string;
  refreshToken?: string;
  clientId?: string;
}

export const fetchSocialAccounts = (signal?: AbortSignal) =>
  api.get<SocialAccountsView>('/api/reach/social/accounts', { signal });
export const connectSocialAccount = (body: ConnectAccountBody) =>
  api.post<SocialAccountView>('/api/reach/social/accounts', body);
/** `leaveLivePosts`: the admin was shown the posts still up and disconnects anyway (audited). */
export const disconnectSocialAccount = (accountId: string, leaveLivePosts = false) =>
  api.delete<void>(
    `/api/reach/social/accounts/${id(accountId)}${leaveLivePosts ? '?leaveLivePosts=true' : ''}`,
  );
/** Creates the agency's ActivityPub actor (or renews its token): the credentials to connect it. */
export const enableFediverseActor = () => api.post<FediverseActorConnection>('/api/reach/fediverse/actor');

export interface ArchiveSearch {
  q: string;
  direction: '' | 'SENT' | 'RECEIVED';
}

export function fetchArchivePage(search: ArchiveSearch, before: string | null, signal?: AbortSignal) {
  const query = new URLSearchParams();
  if (search.q) query.set('q', search.q);
  if (search.direction) query.set('direction', search.direction);
  if (before) query.set('before', before);
  const suffix = query.size ? `?${query.toString()}` : '';
  return api.get<SocialArchivePage>(`/api/reach/social/archive${suffix}`, { signal });
}

export const makeTipFromMessage = (messageId: string) =>
  api.post<{ tipId: string; code: string }>(`/api/reach/social/archive/${id(messageId)}/tip`);

export const fetchSocialPosts = (appealId: string, signal?: AbortSignal) =>
  api.get<SocialPostView[]>(`/api/reach/social/appeals/${id(appealId)}/posts`, { signal });
export const retrySocialPost = (postId: string) =>
  api.post<SocialPostView>(`/api/reach/social/posts/${id(postId)}/retry`);
/** Failed posts and takedowns, and posts still up on a disconnected account, across appeals. */
export const fetchAttention = (signal?: AbortSignal) =>
  api.get<SocialAttentionPost[]>('/api/reach/social/posts/attention', { signal });
/** How many posts the list above holds, for the navigation (a count, not the list). */
export const fetchAttentionCount = (signal?: AbortSignal) =>
  api.get<SocialAttentionCount>('/api/reach/social/posts/attention/count', { signal });
export const fetchSocialPreview = (appealId: string, target: SocialPreviewTarget, signal?: AbortSignal) =>
  api.get<SocialPreview>(`/api/reach/social/appeals/${id(appealId)}/${previewPath(target)}`, { signal });
