import type { SocialPostView } from '@vigie/common';
import type { TFunction } from 'i18next';
import { intlLocale, type PortalLanguage } from '../../../shared/i18n/language';

const timeFormats = new Map<PortalLanguage, Intl.DateTimeFormat>();

/**
 * A time of day in Canadian conventions ("18 h 40", "6:40 p.m."), never broken across lines, or null
 * for a value that is not a date. Here, not in shared/i18n/format.ts: what the desk alone uses stays
 * out of the chunk public pages share with it (the tip form's JavaScript budget).
 */
function formatTime(iso: string | undefined, lang: PortalLanguage): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  let format = timeFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(lang), { timeStyle: 'short' });
    timeFormats.set(lang, format);
  }
  return format
    .format(date)
    .replace(/(\d) (h|a\.m\.|p\.m\.)/g, '$1\u00a0$2')
    .replace(/(\d\u00a0h) (\d)/g, '$1\u00a0$2');
}

/** Still up, its takedown asked for: on its way, or failed once and to be tried again. */
export function takedownPending(post: SocialPostView): boolean {
  return post.state === 'SENT' && post.takedownRequestedAt !== null;
}

/** The state's name on its badge: a post being taken down is not just "Posted". */
export function stateWords(t: TFunction, post: SocialPostView): string {
  return takedownPending(post)
    ? t('desk.reach.posts.state.TAKEDOWN_PENDING')
    : t(`desk.reach.posts.state.${post.state}`);
}

/** The badge's colour: waiting for what is on its way (a takedown too), red for what failed. */
export function stateTone(post: SocialPostView): 'waiting' | 'ok' | 'failed' | 'down' {
  if (takedownPending(post)) return 'waiting';
  if (post.state === 'SENT') return 'ok';
  if (post.state === 'FAILED' || post.state === 'TAKEDOWN_FAILED') return 'failed';
  return post.state === 'TAKEN_DOWN' ? 'down' : 'waiting';
}

/**
 * A send or takedown on its way again after a try that failed (the queue retries a 503, no answer), or
 * a takedown asked for: what happens next and when, never as if the post had been refused for good.
 * Null for a post waiting on nothing.
 */
export function pendingWords(t: TFunction, post: SocialPostView, lang: PortalLanguage): string | null {
  const network = t(`desk.reach.network.${post.network}`);
  const takedown = takedownPending(post);
  if (!takedown && post.state !== 'QUEUED') return null;
  if (!post.lastError) return takedown ? t('desk.reach.pending.takedown', { network }) : null;
  const reason = post.failure
    ? t(`desk.reach.pending.reason.${post.failure.reason}`, { network, status: post.failure.status ?? '' })
    : t('desk.reach.pending.reason.VIGIE_ERROR');
  const time = formatTime(post.nextTryAt ?? undefined, lang);
  const what = takedown ? 'takedownRetry' : 'sendRetry';
  return time
    ? t(`desk.reach.pending.${what}At`, { time, reason })
    : t(`desk.reach.pending.${what}`, { reason });
}

/**
 * Why a post needs the PIO, in the desk's language and with what to do: from the API's reason (never
 * its raw answer, which is shown apart for whoever asks the network). A takedown's words differ where
 * the remedy does (i18next's `_takedown` context, falling back to the post's).
 */
export function failureWords(t: TFunction, post: SocialPostView, lang: PortalLanguage): string | null {
  const network = t(`desk.reach.network.${post.network}`);
  // Up, and its takedown on its way again: said as such, not as the failure before it.
  if (takedownPending(post)) return pendingWords(t, post, lang);
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
