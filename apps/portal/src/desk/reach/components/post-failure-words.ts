import type { SocialPostView } from '@vigie/common';
import type { TFunction } from 'i18next';

/**
 * Why a post needs the PIO, in the desk's language and with what to do: from the API's reason (never
 * its raw answer, which is shown apart for whoever asks the network). A takedown's words differ where
 * the remedy does (i18next's `_takedown` context, falling back to the post's).
 */
export function failureWords(t: TFunction, post: SocialPostView): string | null {
  const network = t(`desk.reach.network.${post.network}`);
  if (post.state === 'SENT' && !post.accountConnected)
    return t('desk.reach.failure.upDisconnected', { network });
  if (!post.failure) return null;
  return t(`desk.reach.failure.${post.failure.reason}`, {
    network,
    status: post.failure.status ?? '',
    context: post.state === 'TAKEDOWN_FAILED' ? 'takedown' : undefined,
  });
}

/** Sending a post whose text cannot fit again would fail again: the PIO posts it by hand. */
export function canRetry(post: SocialPostView): boolean {
  if (post.state === 'TAKEDOWN_FAILED') return true;
  return post.state === 'FAILED' && post.failure?.reason !== 'TOO_LONG';
}
