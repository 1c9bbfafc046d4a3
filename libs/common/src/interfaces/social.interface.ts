import type { AppealKind, AppealStatus, AppealUpdateKind } from '../enums/appeal.enum';
import type { LocalizedText } from './appeal.interface';
/** The networks Vigie can post to and archive, whether or not this deployment has each one's client. */
export const SOCIAL_NETWORKS = ['BLUESKY', 'MASTODON', 'FACEBOOK', 'X'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

/**
 * An agency's connected account as the desk shows it (`GET /api/reach/social/accounts`). The secret
 * never leaves the API: only whether the last use of it worked.
 */
export interface SocialAccountView {
  id: string;
  network: SocialNetwork;
  serviceUrl: string;
  handle: string;
  accountId: string;
  /** FAILING: the last post or read was refused or went unanswered (see lastError). */
  status: 'CONNECTED' | 'FAILING';
  lastError: string | null;
  lastReadAt: string | null;
  connectedAt: string;
  connectedBy: string;
}

export interface SocialAccountsView {
  /** The networks this deployment can connect (those with a client). */
  networks: SocialNetwork[];
  accounts: SocialAccountView[];
}

/**
 * A post approval would make, before it is approved: `GET /api/reach/social/appeals/:id/preview` (the
 * revision in review), `…/updates/:updateId/preview` (an update or rumour correction in review),
 * `…/resolution/preview?outcome=` (resolving now).
 */
export interface SocialPostPreview {
  language: 'fr' | 'en';
  text: string;
  /** As the network counts it, against `maxTextLength`. */
  length: number;
  link: string;
  image: { imageId: string; altText: string } | null;
  shortened: boolean;
  /** Why it cannot be posted as written; null when it can. */
  problem: string | null;
}

export interface SocialAccountPreview {
  accountId: string;
  network: SocialNetwork;
  handle: string;
  maxTextLength: number;
  /** Empty when the appeal was already posted there (a revision changes only the page it links to). */
  posts: SocialPostPreview[];
  /**
   * The appeal's post on this account the first one will answer (the last still up or on its way);
   * the second answers the first. Null: they start a thread.
   */
  replyTo: { language: 'fr' | 'en'; text: string; url: string | null; state: SocialPostState } | null;
  /** The appeal's posts on this account taken down before these are posted (a found person's). */
  takesDown: number;
}

export interface SocialPreview {
  /** What is previewed, as its posts will be stored: APPROVED, UPDATE:<id>, RESOLVED. */
  publication: string;
  accounts: SocialAccountPreview[];
}

export type SocialPostState = 'QUEUED' | 'SENDING' | 'SENT' | 'FAILED' | 'TAKEN_DOWN' | 'TAKEDOWN_FAILED';

/** A post made (or to be made) about an appeal, with its state on the network, for the PIO. */
export interface SocialPostView {
  id: string;
  appealId: string;
  network: SocialNetwork;
  handle: string;
  /** False once the account that posted it was disconnected: Vigie can no longer take it down. */
  accountConnected: boolean;
  /** APPROVED, UPDATE:<id>, RESOLVED. */
  publication: string;
  language: 'fr' | 'en';
  text: string;
  state: SocialPostState;
  attempts: number;
  /** What the network (or Vigie) said, kept as said: for the record and whoever asks the network. */
  lastError: string | null;
  /** Why it failed, for the desk to say in its language; null when it did not. */
  failure: SocialPostFailure | null;
  url: string | null;
  sentAt: string | null;
  takenDownAt: string | null;
  /**
   * A post still up (SENT) whose takedown was asked for and has not run yet, or failed and will be
   * tried again (lastError says why): when it was asked for. Null otherwise.
   */
  takedownRequestedAt: string | null;
  /**
   * When the queue tries again a send (QUEUED) or takedown that failed and may pass (a 503, no
   * answer); null when nothing waits for a retry, or while the try runs.
   */
  nextTryAt: string | null;
}

/**
 * Why a post or takedown failed: TOO_LONG (the title, link and tag alone are over the network's count),
 * ACCOUNT_DISCONNECTED, NO_ANSWER (after every retry), ACCESS_REFUSED (401: the token was refused),
 * RATE_LIMITED (429), NETWORK_ERROR (5xx), REFUSED (another 4xx, 403 included: the network would not take this post),
 * VIGIE_ERROR (something on Vigie's side).
 */
export type SocialPostFailureReason =
  | 'TOO_LONG'
  | 'ACCOUNT_DISCONNECTED'
  | 'NO_ANSWER'
  | 'ACCESS_REFUSED'
  | 'RATE_LIMITED'
  | 'NETWORK_ERROR'
  | 'REFUSED'
  | 'VIGIE_ERROR';

export interface SocialPostFailure {
  reason: SocialPostFailureReason;
  /** The network's HTTP status, when it answered. */
  status: number | null;
}

/**
 * A post that needs the PIO (`GET /api/reach/social/posts/attention`): failed, its takedown failed, or
 * still up on a disconnected account; with the appeal it belongs to and, for an update's post, the update.
 */
export interface SocialAttentionPost extends SocialPostView {
  appeal: { id: string; kind: AppealKind; status: AppealStatus; title: LocalizedText };
  update: { kind: AppealUpdateKind; publishedAt: string | null } | null;
}

/** How many posts need the PIO (`GET /api/reach/social/posts/attention/count`), for the desk's navigation. */
export interface SocialAttentionCount {
  count: number;
}

export type SocialMessageKind = 'POST' | 'REPLY' | 'COMMENT' | 'MENTION' | 'DIRECT_MESSAGE';

/** A file a received message carried: fetched, inspected and sealed, or refused and not kept. */
export type SocialMessageMedia =
  | {
      url: string;
      state: 'SEALED';
      key: string;
      sha256: string;
      mime: string;
      size: number;
      /** An image's copy decoded and re-encoded without metadata (none for a video or a recording). */
      cleanKey?: string;
    }
  | { url: string; state: 'REFUSED'; reason: string };

/** One archived message (`GET /api/reach/social/archive`): sent by the agency or received by it. */
export interface SocialMessageView {
  id: string;
  network: SocialNetwork;
  account: string;
  direction: 'SENT' | 'RECEIVED';
  kind: SocialMessageKind;
  authorHandle: string;
  text: string;
  at: string;
  url: string | null;
  appealId: string | null;
  media: SocialMessageMedia[];
  /** The tip it became, when an investigator made it one. */
  tipId: string | null;
}

export interface SocialArchivePage {
  items: SocialMessageView[];
  /** Pass as `before` for the next (older) page (an opaque cursor: time and id); null at the end. */
  next: string | null;
}
