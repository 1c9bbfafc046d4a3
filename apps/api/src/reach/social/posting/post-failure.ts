import type { SocialPostFailure } from '@vigie/common';
import { SocialNetworkError } from '../networks/social-network';

/*
 * What is kept of a failed post or takedown (`social_post.last_error`) and what the desk is told about
 * it. The record keeps the network's own words (for the PIO who asks the network, and the archive);
 * the desk says the reason in its language from `failureOf`, which reads only what this file writes.
 */

/** A post whose account was disconnected before it was sent. */
export const DISCONNECTED_BEFORE_SEND = 'The account was disconnected before this post was sent';
/** A takedown with no account left to run it. */
export const DISCONNECTED_BEFORE_TAKEDOWN =
  'The account was disconnected: delete this post on the network by hand, or reconnect the account and retry';
/** The composer's refusal of a post even its title, link and tag cannot fit (post-composer.ts). */
export const TOO_LONG_PREFIX = 'The title, link and hashtag alone need ';

/** `last_error` for a failure: the network's status (or "no answer") and what it said, at most 500 characters. */
export function failureText(err: unknown): string {
  const failure = err instanceof SocialNetworkError ? err : null;
  return (failure ? `${failure.status ?? 'no answer'}: ${failure.message}` : String(err)).slice(0, 500);
}

/** Why a post or takedown failed, as the desk says it; null when it did not. */
export function failureOf(lastError: string | null): SocialPostFailure | null {
  if (!lastError) return null;
  if (lastError === DISCONNECTED_BEFORE_SEND || lastError === DISCONNECTED_BEFORE_TAKEDOWN)
    return { reason: 'ACCOUNT_DISCONNECTED', status: null };
  if (lastError.startsWith(TOO_LONG_PREFIX)) return { reason: 'TOO_LONG', status: null };
  const answer = /^(\d{3}|no answer): /.exec(lastError);
  // Not the network's answer: something in Vigie failed (the image could not be read, say).
  if (!answer) return { reason: 'VIGIE_ERROR', status: null };
  if (answer[1] === 'no answer') return { reason: 'NO_ANSWER', status: null };
  const status = Number(answer[1]);
  // 401 is the token; a 403 is the network refusing this post (X: the same text twice), not the account.
  if (status === 401) return { reason: 'ACCESS_REFUSED', status };
  if (status === 429) return { reason: 'RATE_LIMITED', status };
  if (status >= 500) return { reason: 'NETWORK_ERROR', status };
  return { reason: 'REFUSED', status };
}
