import { Inject, Injectable, Optional } from '@nestjs/common';
import { arrayField, field, requestNetwork, stringField, type NetworkRequest } from '../network-request';
import {
  SocialNetworkError,
  type ReceivedSocialMessage,
  type SocialAccountCredentials,
  type SocialNetworkClient,
  type SocialNetworkLimits,
  type SocialPostDraft,
  type SocialPostRef,
} from '../social-network';
import { FacebookCursor } from './facebook-cursor';

/**
 * A Facebook Page through the Graph API (https://developers.facebook.com/docs/graph-api):
 * a photo post with its caption and alt text (`POST /{page-id}/photos`), or a link post
 * (`POST /{page-id}/feed`); updates threaded as the Page's comments under the first post
 * (`POST /{post-id}/comments`); edits (`POST /{id}` with the new message) and deletions
 * (`DELETE /{id}`); and what people sent the Page: comments on its recent posts and Messenger
 * conversations. The account's secret is a Page access token (pages_manage_posts,
 * pages_read_engagement, pages_read_user_content, pages_messaging); `serviceUrl` is the versioned
 * base (https://graph.facebook.com/v21.0); `accountId` is the Page id. The token travels in the
 * Authorization header, never in a URL that a proxy could log.
 */

export interface FacebookClientSettings {
  timeoutMs: number;
  /** The Page's recent posts whose comments each poll reads (the appeals still being answered). */
  recentPosts: number;
}

export const FACEBOOK_CLIENT_SETTINGS = Symbol('FACEBOOK_CLIENT_SETTINGS');

const DEFAULTS: FacebookClientSettings = { timeoutMs: 20_000, recentPosts: 25 };

/** Graph error codes that say "later" with a 4xx: throttling (4, 17, 32, 613, 80001) and service hiccups (1, 2). */
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 341, 613, 80001]);

const COMMENT_FIELDS =
  'id,message,from{id,name},created_time,permalink_url,parent{id},attachment{type,url,media{image{src}}}';

@Injectable()
export class FacebookClient implements SocialNetworkClient {
  readonly network = 'FACEBOOK' as const;
  readonly limits: SocialNetworkLimits = {
    // A Page post takes 63,206 characters, but the thread's updates are comments, which take
    // 8,000: one limit for both keeps every post of an appeal postable.
    maxTextLength: 8000,
    linkLength: null,
    maxImages: 1,
    maxImageBytes: 4 * 1024 * 1024,
    maxAltTextLength: 1000,
    canEdit: true,
    canDelete: true,
  };
  private readonly settings: FacebookClientSettings;

  constructor(@Optional() @Inject(FACEBOOK_CLIENT_SETTINGS) settings?: Partial<FacebookClientSettings>) {
    this.settings = { ...DEFAULTS, ...settings };
  }

  /** The Page a Page token opens (`GET /me` answers as the Page): its id and name. */
  async verify(account: SocialAccountCredentials): Promise<{ accountId: string; handle: string }> {
    const { body } = await this.call(account, { method: 'GET', path: '/me?fields=id,name' });
    const id = stringField(body, 'id');
    const name = stringField(body, 'name');
    if (!id || !name)
      throw new SocialNetworkError('FACEBOOK', null, false, 'Facebook answered without the Page');
    return { accountId: id, handle: name };
  }

  async post(account: SocialAccountCredentials, draft: SocialPostDraft): Promise<SocialPostRef> {
    // A link post shows its card; a photo post or a comment does not, so the link goes in the text.
    const withLink = draft.text.includes(draft.link) ? draft.text : `${draft.text}\n\n${draft.link}`;
    const text = draft.image || draft.replyTo ? withLink : draft.text;
    if ([...text].length > this.limits.maxTextLength) {
      throw new SocialNetworkError(
        'FACEBOOK',
        null,
        false,
        `the post is over Facebook's ${this.limits.maxTextLength} characters`,
      );
    }
    if (draft.image && draft.image.bytes.length > this.limits.maxImageBytes) {
      throw new SocialNetworkError(
        'FACEBOOK',
        null,
        false,
        `the image is over Facebook's ${this.limits.maxImageBytes} bytes`,
      );
    }
    const page = encodeURIComponent(account.accountId);

    if (draft.replyTo) {
      const form = new FormData();
      form.set('message', text);
      if (draft.image)
        form.set(
          'source',
          new Blob([new Uint8Array(draft.image.bytes)], { type: draft.image.mimeType }),
          'appeal',
        );
      const { body } = await this.call(account, {
        method: 'POST',
        path: `/${encodeURIComponent(draft.replyTo.remoteId)}/comments`,
        form,
      });
      const id = this.requireId(stringField(body, 'id'));
      return {
        remoteId: id,
        url: `https://www.facebook.com/${id}`,
        root: { remoteId: draft.replyTo.root?.remoteId ?? draft.replyTo.remoteId },
      };
    }

    if (draft.image) {
      const form = new FormData();
      form.set(
        'source',
        new Blob([new Uint8Array(draft.image.bytes)], { type: draft.image.mimeType }),
        'appeal',
      );
      form.set('caption', text);
      form.set('alt_text_custom', draft.image.altText.slice(0, this.limits.maxAltTextLength));
      form.set('published', 'true');
      const { body } = await this.call(account, { method: 'POST', path: `/${page}/photos`, form });
      // The photo's own id is not the post's: comments, edits and deletion go to the post.
      const id = this.requireId(stringField(body, 'post_id'));
      return { remoteId: id, url: `https://www.facebook.com/${id}` };
    }

    const { body } = await this.call(account, {
      method: 'POST',
      path: `/${page}/feed`,
      json: { message: text, link: draft.link, published: true },
    });
    const id = this.requireId(stringField(body, 'id'));
    return { remoteId: id, url: `https://www.facebook.com/${id}` };
  }

  async edit(account: SocialAccountCredentials, ref: SocialPostRef, text: string): Promise<void> {
    if ([...text].length > this.limits.maxTextLength) {
      throw new SocialNetworkError(
        'FACEBOOK',
        null,
        false,
        `the post is over Facebook's ${this.limits.maxTextLength} characters`,
      );
    }
    await this.call(account, {
      method: 'POST',
      path: `/${encodeURIComponent(ref.remoteId)}`,
      json: { message: text },
    });
  }

  /**
   * A post already gone answers "does not exist" (code 100, subcode 33), which Graph also answers
   * when the token lacks the permission: it is shown to the PIO rather than taken as done.
   */
  async delete(account: SocialAccountCredentials, ref: SocialPostRef): Promise<void> {
    await this.call(account, { method: 'DELETE', path: `/${encodeURIComponent(ref.remoteId)}` });
  }

  async received(
    account: SocialAccountCredentials,
    cursor: string | null,
  ): Promise<{ messages: ReceivedSocialMessage[]; cursor: string | null }> {
    const since = FacebookCursor.parse(cursor);
    const found = [...(await this.comments(account)), ...(await this.directMessages(account))];
    const fresh = found.filter((message) => since.isNew(message.remoteId, message.receivedAt));
    fresh.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    return { messages: fresh, cursor: since.after(fresh).toString() };
  }

  /** Comments (and replies to comments) on the Page's recent posts, except the Page's own. */
  private async comments(account: SocialAccountCredentials): Promise<ReceivedSocialMessage[]> {
    const fields = `id,comments.filter(stream).order(reverse_chronological).limit(100){${COMMENT_FIELDS}}`;
    const query = new URLSearchParams({ fields, limit: String(this.settings.recentPosts) });
    const { body } = await this.call(account, {
      method: 'GET',
      path: `/${encodeURIComponent(account.accountId)}/published_posts?${query.toString()}`,
    });
    return arrayField(body, 'data').flatMap((post) => {
      const postId = stringField(post, 'id');
      return arrayField(post, 'comments', 'data').flatMap((comment): ReceivedSocialMessage[] => {
        const id = stringField(comment, 'id');
        const receivedAt = new Date(stringField(comment, 'created_time') ?? '');
        const fromId = stringField(comment, 'from', 'id');
        if (!id || Number.isNaN(receivedAt.getTime()) || fromId === account.accountId) return [];
        const media = stringField(comment, 'attachment', 'media', 'image', 'src');
        return [
          {
            kind: 'COMMENT',
            remoteId: id,
            url: stringField(comment, 'permalink_url'),
            authorHandle: authorOf(comment),
            text: stringField(comment, 'message') ?? '',
            receivedAt,
            inReplyToRemoteId: stringField(comment, 'parent', 'id') ?? postId,
            mediaUrls: media ? [media] : [],
          },
        ];
      });
    });
  }

  /** Messages people sent the Page on Messenger (the Page's own answers left out). */
  private async directMessages(account: SocialAccountCredentials): Promise<ReceivedSocialMessage[]> {
    const query = new URLSearchParams({
      platform: 'messenger',
      fields:
        'id,updated_time,messages.limit(50){id,message,from{id,name},created_time,attachments{image_data{url},file_url}}',
    });
    const { body } = await this.call(account, {
      method: 'GET',
      path: `/${encodeURIComponent(account.accountId)}/conversations?${query.toString()}`,
    });
    return arrayField(body, 'data').flatMap((conversation) =>
      arrayField(conversation, 'messages', 'data').flatMap((message): ReceivedSocialMessage[] => {
        const id = stringField(message, 'id');
        const receivedAt = new Date(stringField(message, 'created_time') ?? '');
        if (
          !id ||
          Number.isNaN(receivedAt.getTime()) ||
          stringField(message, 'from', 'id') === account.accountId
        )
          return [];
        return [
          {
            kind: 'DIRECT_MESSAGE',
            remoteId: id,
            url: null,
            authorHandle: authorOf(message),
            text: stringField(message, 'message') ?? '',
            receivedAt,
            inReplyToRemoteId: null,
            mediaUrls: arrayField(message, 'attachments', 'data').flatMap(
              (attachment) =>
                stringField(attachment, 'image_data', 'url') ?? stringField(attachment, 'file_url') ?? [],
            ),
          },
        ];
      }),
    );
  }

  private requireId(id: string | null): string {
    if (!id) throw new SocialNetworkError('FACEBOOK', null, false, 'Facebook answered without the post id');
    return id;
  }

  private call(
    account: SocialAccountCredentials,
    request: Pick<NetworkRequest, 'method' | 'json' | 'form'> & { path: string },
  ) {
    return requestNetwork({
      ...request,
      network: 'FACEBOOK',
      url: `${account.serviceUrl.replace(/\/$/, '')}${request.path}`,
      token: account.secret,
      timeoutMs: this.settings.timeoutMs,
      explain: (body) => {
        const message = stringField(body, 'error', 'message');
        return message ? `Facebook: ${message} (code ${stringField(body, 'error', 'code') ?? '?'})` : null;
      },
      isTransient: (_status, body) =>
        field(body, 'error', 'is_transient') === true ||
        TRANSIENT_CODES.has(Number(field(body, 'error', 'code'))),
      retryAfterFrom: regainAccessSeconds,
    });
  }
}

function authorOf(item: unknown): string {
  const name = stringField(item, 'from', 'name');
  const id = stringField(item, 'from', 'id');
  // Without pages_read_user_content Facebook leaves `from` out: the archive says so.
  return name ? `${name} (facebook:${id ?? 'unknown'})` : 'facebook:unknown';
}

/**
 * Throttled Pages are told when they may call again in the X-Business-Use-Case-Usage header
 * (`estimated_time_to_regain_access`, in minutes), per business object.
 */
function regainAccessSeconds(headers: Headers): number | null {
  const usage = headers.get('x-business-use-case-usage');
  if (!usage) return null;
  try {
    const parsed = JSON.parse(usage) as unknown;
    const minutes = Object.values(parsed as Record<string, unknown>)
      .flatMap((entries) => (Array.isArray(entries) ? entries : []))
      .map((entry) => Number(field(entry, 'estimated_time_to_regain_access')))
      .filter((value) => Number.isFinite(value));
    return minutes.length ? Math.max(...minutes) * 60 : null;
  } catch {
    return null;
  }
}
