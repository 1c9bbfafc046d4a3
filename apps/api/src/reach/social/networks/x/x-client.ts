import { Inject, Injectable, Optional } from '@nestjs/common';
import { parseTweet } from 'twitter-text';
import { Clock } from '../../../../common/clock';
import { arrayField, field, requestNetwork, stringField, type NetworkRequest } from '../network-request';
import {
  SocialNetworkError,
  type ReceivedSocialMessage,
  type SocialAccountCredentials,
  type SocialImage,
  type SocialNetworkClient,
  type SocialNetworkLimits,
  type SocialPostDraft,
  type SocialPostRef,
} from '../social-network';
import { xSecretOf, xTokensOf } from './x-tokens';

/**
 * X through its API v2 (https://docs.x.com/x-api): posts with `POST /2/tweets` (threaded with
 * `reply.in_reply_to_tweet_id`), images with `POST /2/media/upload` and their alt text with
 * `POST /2/media/metadata`, deletion with `DELETE /2/tweets/:id`, and what people sent the
 * account from its mentions timeline (`GET /2/users/:id/mentions`, replies included). The
 * account's secret is an OAuth 2.0 user access token with tweet.write, tweet.read, users.read
 * and media.write, and, with offline.access, its refresh token and the app's client id
 * (x-tokens.ts): the access token lasts two hours, and is renewed with `POST /2/oauth2/token`
 * (grant_type=refresh_token) a few minutes before it expires. `serviceUrl` is the API's base
 * (https://api.x.com). X has no edit in its API.
 */

export type XReplySettings = 'following' | 'mentionedUsers' | 'subscribers' | 'verified';

export interface XClientSettings {
  timeoutMs: number;
  /** Who may reply to the agency's posts; null leaves X's default (everyone), as an appeal wants. */
  replySettings: XReplySettings | null;
}

export const X_CLIENT_SETTINGS = Symbol('X_CLIENT_SETTINGS');

const DEFAULTS: XClientSettings = { timeoutMs: 20_000, replySettings: null };
/** An access token this close to its end is renewed first: a post or a read never starts on one about to expire. */
const RENEW_MARGIN_MS = 5 * 60_000;
/** Pages of mentions read in one call: 100 each; the rest waits for the next poll. */
const MAX_MENTION_PAGES = 5;

@Injectable()
export class XClient implements SocialNetworkClient {
  readonly network = 'X' as const;
  readonly limits: SocialNetworkLimits = {
    maxTextLength: 280,
    linkLength: 23,
    maxImages: 4,
    maxImageBytes: 5 * 1024 * 1024,
    maxAltTextLength: 1000,
    canEdit: false,
    canDelete: true,
  };
  private readonly settings: XClientSettings;

  constructor(
    private readonly clock: Clock,
    @Optional() @Inject(X_CLIENT_SETTINGS) settings?: Partial<XClientSettings>,
  ) {
    this.settings = { ...DEFAULTS, ...settings };
  }

  /** X's own count (twitter-text): CJK and emoji weigh 2, every URL 23. */
  weightedLength(text: string): number {
    return parseTweet(text).weightedLength;
  }

  /** The account the token opens (`GET /2/users/me`): its id and @username. */
  async verify(account: SocialAccountCredentials): Promise<{ accountId: string; handle: string }> {
    const { body } = await this.call(account, { method: 'GET', path: '/2/users/me' });
    const id = stringField(body, 'data', 'id');
    const username = stringField(body, 'data', 'username');
    if (!id || !username) throw new SocialNetworkError('X', null, false, 'X answered without the account');
    return { accountId: id, handle: `@${username}` };
  }

  /** The secret to seal: the access token alone, or with its refresh token and the app's client id. */
  secretFrom(given: { secret: string; refreshToken?: string; clientId?: string }): string {
    return xSecretOf({
      accessToken: given.secret,
      refreshToken: given.refreshToken ?? null,
      // Unknown until the first renewal: renewed before first use, which also proves the refresh token.
      expiresAt: null,
      clientId: given.clientId ?? null,
    });
  }

  renewalDue(account: SocialAccountCredentials, now: Date): boolean {
    const tokens = xTokensOf(account.secret);
    if (!tokens.refreshToken || !tokens.clientId) return false;
    return !tokens.expiresAt || Date.parse(tokens.expiresAt) - now.getTime() <= RENEW_MARGIN_MS;
  }

  /**
   * `POST /2/oauth2/token` with grant_type=refresh_token, the refresh token and the client id (a
   * public client's request: no bearer token). X answers a new access token, when it expires
   * (expires_in, seconds) and a new refresh token; the old refresh token no longer works.
   */
  async renew(account: SocialAccountCredentials, now: Date): Promise<string> {
    const tokens = xTokensOf(account.secret);
    if (!tokens.refreshToken || !tokens.clientId)
      throw new SocialNetworkError('X', null, false, 'this account was connected without a refresh token');
    const { body } = await requestNetwork({
      network: 'X',
      method: 'POST',
      url: `${account.serviceUrl.replace(/\/$/, '')}/2/oauth2/token`,
      token: null,
      urlencoded: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
        client_id: tokens.clientId,
      }),
      timeoutMs: this.settings.timeoutMs,
      explain: explainOAuthError,
    });
    const accessToken = stringField(body, 'access_token');
    const expiresIn = field(body, 'expires_in');
    if (!accessToken || typeof expiresIn !== 'number' || expiresIn <= 0)
      throw new SocialNetworkError(
        'X',
        null,
        true,
        'X answered the renewal without a token and its lifetime',
      );
    return xSecretOf({
      accessToken,
      refreshToken: stringField(body, 'refresh_token') ?? tokens.refreshToken,
      expiresAt: new Date(now.getTime() + expiresIn * 1000).toISOString(),
      clientId: tokens.clientId,
    });
  }

  async post(account: SocialAccountCredentials, draft: SocialPostDraft): Promise<SocialPostRef> {
    // X shows a card for a link in the text; the appeal's page is the link people need.
    const text = draft.text.includes(draft.link) ? draft.text : `${draft.text}\n\n${draft.link}`;
    const length = this.weightedLength(text);
    if (length > this.limits.maxTextLength) {
      throw new SocialNetworkError(
        'X',
        null,
        false,
        `the post weighs ${length} of X's ${this.limits.maxTextLength}`,
      );
    }
    const mediaId = draft.image ? await this.uploadImage(account, draft.image) : null;
    const body: Record<string, unknown> = { text };
    if (mediaId) body.media = { media_ids: [mediaId] };
    if (draft.replyTo) body.reply = { in_reply_to_tweet_id: draft.replyTo.remoteId };
    if (this.settings.replySettings) body.reply_settings = this.settings.replySettings;
    const created = await this.call(account, { method: 'POST', path: '/2/tweets', json: body });
    const id = stringField(created.body, 'data', 'id');
    if (!id) throw new SocialNetworkError('X', created.status, false, 'X answered without the post id');
    return { remoteId: id, url: this.postUrl(account, id) };
  }

  async delete(account: SocialAccountCredentials, ref: SocialPostRef): Promise<void> {
    try {
      await this.call(account, { method: 'DELETE', path: `/2/tweets/${encodeURIComponent(ref.remoteId)}` });
    } catch (error) {
      // Already gone (deleted by hand on X, or by an earlier attempt whose answer was lost).
      if (error instanceof SocialNetworkError && error.status === 404) return;
      throw error;
    }
  }

  async received(
    account: SocialAccountCredentials,
    cursor: string | null,
  ): Promise<{ messages: ReceivedSocialMessage[]; cursor: string | null }> {
    const messages: ReceivedSocialMessage[] = [];
    let newest = cursor;
    let pageToken: string | null = null;
    for (let page = 0; page < MAX_MENTION_PAGES; page++) {
      const query = new URLSearchParams({
        max_results: '100',
        'tweet.fields': 'created_at,author_id,referenced_tweets,attachments,conversation_id',
        expansions: 'author_id,attachments.media_keys',
        'user.fields': 'username',
        'media.fields': 'url,preview_image_url,type',
      });
      if (cursor) query.set('since_id', cursor);
      if (pageToken) query.set('pagination_token', pageToken);
      const path = `/2/users/${encodeURIComponent(account.accountId)}/mentions?${query.toString()}`;
      const { body } = await this.call(account, { method: 'GET', path });
      messages.push(...this.mentionsOf(body));
      // The first page holds the newest mention: it is where the next poll starts.
      if (page === 0) newest = stringField(body, 'meta', 'newest_id') ?? newest;
      pageToken = stringField(body, 'meta', 'next_token');
      if (!pageToken) break;
    }
    return { messages, cursor: newest };
  }

  private async uploadImage(account: SocialAccountCredentials, image: SocialImage): Promise<string> {
    if (image.bytes.length > this.limits.maxImageBytes) {
      throw new SocialNetworkError(
        'X',
        null,
        false,
        `the image is over X's ${this.limits.maxImageBytes} bytes`,
      );
    }
    const form = new FormData();
    form.set('media', new Blob([new Uint8Array(image.bytes)], { type: image.mimeType }), 'appeal');
    form.set('media_category', 'tweet_image');
    const uploaded = await this.call(account, { method: 'POST', path: '/2/media/upload', form });
    const mediaId = stringField(uploaded.body, 'data', 'id');
    if (!mediaId)
      throw new SocialNetworkError('X', uploaded.status, false, 'X answered the upload without a media id');
    await this.call(account, {
      method: 'POST',
      path: '/2/media/metadata',
      json: {
        id: mediaId,
        metadata: { alt_text: { text: image.altText.slice(0, this.limits.maxAltTextLength) } },
      },
    });
    return mediaId;
  }

  private mentionsOf(body: unknown): ReceivedSocialMessage[] {
    const users = new Map<string, string>();
    for (const user of arrayField(body, 'includes', 'users')) {
      const id = stringField(user, 'id');
      const username = stringField(user, 'username');
      if (id && username) users.set(id, username);
    }
    const media = new Map<string, string>();
    for (const item of arrayField(body, 'includes', 'media')) {
      const key = stringField(item, 'media_key');
      const url = stringField(item, 'url') ?? stringField(item, 'preview_image_url');
      if (key && url) media.set(key, url);
    }
    return arrayField(body, 'data').flatMap((tweet): ReceivedSocialMessage[] => {
      const id = stringField(tweet, 'id');
      const createdAt = new Date(stringField(tweet, 'created_at') ?? '');
      if (!id || Number.isNaN(createdAt.getTime())) return [];
      const username = users.get(stringField(tweet, 'author_id') ?? '') ?? null;
      const repliedTo = arrayField(tweet, 'referenced_tweets').find(
        (ref) => stringField(ref, 'type') === 'replied_to',
      );
      const mediaKeys = arrayField(tweet, 'attachments', 'media_keys').filter(
        (key) => typeof key === 'string',
      );
      return [
        {
          kind: repliedTo ? 'REPLY' : 'MENTION',
          remoteId: id,
          url: username ? `https://x.com/${username}/status/${id}` : `https://x.com/i/web/status/${id}`,
          authorHandle: username ? `@${username}` : `x:${stringField(tweet, 'author_id') ?? 'unknown'}`,
          text: stringField(tweet, 'text') ?? '',
          receivedAt: createdAt,
          inReplyToRemoteId: repliedTo ? stringField(repliedTo, 'id') : null,
          mediaUrls: mediaKeys.flatMap((key) => media.get(key as string) ?? []),
        },
      ];
    });
  }

  private postUrl(account: SocialAccountCredentials, id: string): string {
    return `https://x.com/${account.handle.replace(/^@/, '')}/status/${id}`;
  }

  private call(
    account: SocialAccountCredentials,
    request: Pick<NetworkRequest, 'method' | 'json' | 'form'> & { path: string },
  ) {
    return requestNetwork({
      ...request,
      network: 'X',
      url: `${account.serviceUrl.replace(/\/$/, '')}${request.path}`,
      token: xTokensOf(account.secret).accessToken,
      timeoutMs: this.settings.timeoutMs,
      explain: explainXError,
      retryAfterFrom: (headers) => this.untilReset(headers),
    });
  }

  /** X's 429 says when the window resets (x-rate-limit-reset, epoch seconds), not Retry-After. */
  private untilReset(headers: Headers): number | null {
    const reset = Number(headers.get('x-rate-limit-reset'));
    if (!Number.isFinite(reset) || reset <= 0) return null;
    return Math.max(0, Math.ceil(reset - this.clock.now().getTime() / 1000));
  }
}

/** The token endpoint's refusals (RFC 6749 §5.2): {error, error_description}. */
function explainOAuthError(body: unknown): string | null {
  const description = stringField(body, 'error_description') ?? stringField(body, 'error');
  return description ? `X refused to renew the access token: ${description}` : null;
}

/** X's refusals: a problem document ({title, detail}) or a list of errors ({errors: [{message}]}). */
function explainXError(body: unknown): string | null {
  const detail = stringField(body, 'detail') ?? stringField(body, 'title');
  if (detail) return `X: ${detail}`;
  const first = arrayField(body, 'errors')[0];
  const message = stringField(first, 'message') ?? stringField(first, 'detail');
  return message ? `X: ${message}` : null;
}
