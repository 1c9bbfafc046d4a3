import type { SocialNetwork } from '@vigie/common';

/**
 * What reach needs from one social network, whatever its protocol: post (threaded under an earlier
 * post), take a post down or edit it where the network allows, and read back what people sent the
 * agency's account. One implementation per network in this folder (bluesky/, mastodon/, facebook/,
 * x/), each with the network's own client or official API, tested against a real local server
 * where one runs here (Bluesky's PDS) and against recorded request/response contracts where none
 * can (Facebook, X), labelled as such.
 */

/** The same names as the shared contract's SOCIAL_NETWORKS. */
export type SocialNetworkName = SocialNetwork;

/** What a network accepts in one post: the text composer fits each post to these. */
export interface SocialNetworkLimits {
  /** Counted as the network counts (graphemes on Bluesky, weighted characters on X...). */
  maxTextLength: number;
  /** How the network counts a link in the text (X counts every URL as 23), or null if as written. */
  linkLength: number | null;
  maxImages: number;
  maxImageBytes: number;
  maxAltTextLength: number;
  canEdit: boolean;
  canDelete: boolean;
}

/**
 * An agency's connected account, as the client needs it: the credentials are decrypted by the
 * caller and never logged. `handle` is the public name (@gatineau.bsky.social).
 */
export interface SocialAccountCredentials {
  network: SocialNetworkName;
  /** The network's server (a PDS, a Mastodon instance, the Graph API base...). */
  serviceUrl: string;
  handle: string;
  /** The network's own identifier of the account (a DID, a page id, a user id). */
  accountId: string;
  /** Whatever the network signs in with (an app password, an access token), decrypted. */
  secret: string;
}

export interface SocialImage {
  bytes: Buffer;
  mimeType: 'image/jpeg' | 'image/png';
  altText: string;
}

export interface SocialPostDraft {
  text: string;
  /** Also written in the text where the network has no link card. */
  link: string;
  language: 'fr' | 'en';
  image?: SocialImage;
  /** The post this one answers (the thread under an appeal's first post). */
  replyTo?: SocialPostRef;
}

/** Where a post lives on its network: enough to reply under it, edit or delete it, and link to it. */
export interface SocialPostRef {
  /** The network's id (an at:// URI, a status id, a post id). */
  remoteId: string;
  /** Some networks need a second identifier to thread (Bluesky's CID). */
  remoteCid?: string;
  /** The root of the thread, for networks that need it to reply (Bluesky). */
  root?: { remoteId: string; remoteCid?: string };
  url: string;
}

/** A reply, comment, mention or direct message the account received. */
export interface ReceivedSocialMessage {
  kind: 'REPLY' | 'COMMENT' | 'MENTION' | 'DIRECT_MESSAGE';
  remoteId: string;
  url: string | null;
  authorHandle: string;
  text: string;
  receivedAt: Date;
  /** The agency's post it answers, when it answers one. */
  inReplyToRemoteId: string | null;
  /** Links to the media it carried; fetched, inspected and sealed by the caller, never trusted. */
  mediaUrls: string[];
}

/**
 * A network's refusal: `retryable` for 429, 5xx, timeouts; not for 4xx that a retry cannot change.
 * `retryAfterSeconds`: how long the network asked us to wait (a 429's Retry-After or rate-limit
 * reset), when it said; the retry should not come sooner.
 */
export class SocialNetworkError extends Error {
  constructor(
    readonly network: SocialNetworkName,
    readonly status: number | null,
    readonly retryable: boolean,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export interface SocialNetworkClient {
  readonly network: SocialNetworkName;
  readonly limits: SocialNetworkLimits;
  /**
   * Signs in with the credentials an agency gives when it connects the account and says whose
   * account they open (`accountId` may be empty on the way in). Refused credentials throw a
   * SocialNetworkError with `retryable: false`, which the desk shows as a 4xx. Optional so a client
   * can land first; without it the connect step reads `received(account, null)` as its check.
   */
  verify?(account: SocialAccountCredentials): Promise<{ accountId: string; handle: string }>;
  post(account: SocialAccountCredentials, draft: SocialPostDraft): Promise<SocialPostRef>;
  /** Only where limits.canEdit. */
  edit?(account: SocialAccountCredentials, ref: SocialPostRef, text: string): Promise<void>;
  delete(account: SocialAccountCredentials, ref: SocialPostRef): Promise<void>;
  /**
   * Networks whose access tokens expire (X: two hours) keep what renews them in the secret. The
   * secret to seal when an agency connects, from what its admin gave (a refresh token and the
   * app's client id besides the access token); absent: the secret as given, and a refresh token
   * is refused.
   */
  secretFrom?(given: { secret: string; refreshToken?: string; clientId?: string }): string;
  /** Whether the access token in the secret expires within a few minutes (or is past) and can be renewed. */
  renewalDue?(account: SocialAccountCredentials, now: Date): boolean;
  /** A new secret (new access token, and refresh token where the network rotates it); refused: throws. */
  renew?(account: SocialAccountCredentials, now: Date): Promise<string>;
  /** What arrived since the cursor (null: from the start); returns the next cursor. */
  received(
    account: SocialAccountCredentials,
    cursor: string | null,
  ): Promise<{ messages: ReceivedSocialMessage[]; cursor: string | null }>;
}
