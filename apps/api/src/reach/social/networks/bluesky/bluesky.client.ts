import { $Typed, AppBskyEmbedImages, AppBskyFeedPost, AtpAgent, RichText, XRPCError } from '@atproto/api';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type {
  ReceivedSocialMessage,
  SocialAccountCredentials,
  SocialNetworkClient,
  SocialNetworkLimits,
  SocialPostDraft,
  SocialPostRef,
} from '../social-network';
import { SocialNetworkError } from '../social-network';
import { SocialNetworkClients } from '../social-network-clients';

/** One request to the account's server gives up after this; the post job retries later. */
const REQUEST_TIMEOUT_MS = 20_000;
/** Notifications read per page, and pages read per poll (the rest waits for the next one). */
const PAGE = 50;
const MAX_PAGES = 10;

/**
 * Bluesky (AT Protocol) with `@atproto/api`: posts with their images and alt text, threaded with
 * the reply's root and parent, deleted (Bluesky has no edit), and the replies, mentions and quotes
 * the account received, read from its notifications (which the account's PDS takes from the
 * AppView). Direct messages live on Bluesky's separate chat service and are not read here.
 * Signs in with an app password; the session is kept per account in memory so a poll every few
 * minutes does not create a session each time (Bluesky limits createSession).
 */
@Injectable()
export class BlueskyClient implements SocialNetworkClient, OnModuleInit {
  readonly network = 'BLUESKY' as const;
  readonly limits: SocialNetworkLimits = {
    maxTextLength: 300,
    linkLength: null,
    maxImages: 4,
    maxImageBytes: 1_000_000,
    maxAltTextLength: 2000,
    canEdit: false,
    canDelete: true,
  };

  /** How long one request may take before it counts as no answer (retryable). */
  requestTimeoutMs = REQUEST_TIMEOUT_MS;

  private readonly sessions = new Map<string, Promise<AtpAgent>>();

  constructor(private readonly clients: SocialNetworkClients) {}

  onModuleInit(): void {
    this.clients.register(this);
  }

  async verify(account: SocialAccountCredentials): Promise<{ accountId: string; handle: string }> {
    const agent = await this.agent(account, { fresh: true });
    return { accountId: agent.session!.did, handle: agent.session!.handle };
  }

  async post(account: SocialAccountCredentials, draft: SocialPostDraft): Promise<SocialPostRef> {
    return this.call(account, async (agent) => {
      const text = new RichText({ text: draft.text });
      // Links and hashtags become facets; mentions are not resolved (posts name no one).
      text.detectFacetsWithoutResolution();
      let embed: $Typed<AppBskyEmbedImages.Main> | undefined;
      if (draft.image) {
        const uploaded = await agent.uploadBlob(draft.image.bytes, { encoding: draft.image.mimeType });
        embed = {
          $type: 'app.bsky.embed.images',
          images: [{ image: uploaded.data.blob, alt: draft.image.altText }],
        };
      }
      const record: Partial<AppBskyFeedPost.Record> = {
        text: text.text,
        facets: text.facets,
        langs: [draft.language],
        ...(embed ? { embed } : {}),
      };
      if (draft.replyTo) {
        const parent = { uri: draft.replyTo.remoteId, cid: draft.replyTo.remoteCid ?? '' };
        const root = draft.replyTo.root
          ? { uri: draft.replyTo.root.remoteId, cid: draft.replyTo.root.remoteCid ?? '' }
          : parent;
        record.reply = { root, parent };
      }
      const created = await agent.post(record);
      const root = record.reply
        ? { remoteId: record.reply.root.uri, remoteCid: record.reply.root.cid }
        : { remoteId: created.uri, remoteCid: created.cid };
      return { remoteId: created.uri, remoteCid: created.cid, root, url: this.webUrl(account, created.uri) };
    });
  }

  async delete(account: SocialAccountCredentials, ref: SocialPostRef): Promise<void> {
    await this.call(account, async (agent) => {
      // Deleting a record already gone succeeds: a takedown may run twice.
      await agent.deletePost(ref.remoteId);
    });
  }

  async received(
    account: SocialAccountCredentials,
    cursor: string | null,
  ): Promise<{ messages: ReceivedSocialMessage[]; cursor: string | null }> {
    return this.call(account, async (agent) => {
      // Notifications come newest first; the cursor we keep is the newest indexedAt already read.
      const messages: ReceivedSocialMessage[] = [];
      let newest = cursor;
      let page: string | undefined;
      pages: for (let i = 0; i < MAX_PAGES; i++) {
        const res = await agent.listNotifications({ limit: PAGE, cursor: page });
        for (const n of res.data.notifications) {
          if (cursor && n.indexedAt <= cursor) break pages;
          if (!newest || n.indexedAt > newest) newest = n.indexedAt;
          const kind =
            n.reason === 'reply'
              ? 'REPLY'
              : n.reason === 'mention' || n.reason === 'quote'
                ? 'MENTION'
                : null;
          if (!kind || !AppBskyFeedPost.isRecord(n.record)) continue;
          const post = n.record as AppBskyFeedPost.Record;
          messages.push({
            kind,
            remoteId: n.uri,
            url: this.webUrl(account, n.uri, n.author.handle),
            authorHandle: n.author.handle,
            text: post.text,
            receivedAt: new Date(n.indexedAt),
            inReplyToRemoteId: post.reply?.parent.uri ?? null,
            mediaUrls: this.blobUrls(account, n.author.did, post),
          });
        }
        if (!res.data.cursor || res.data.notifications.length < PAGE) break;
        page = res.data.cursor;
      }
      return { messages: messages.reverse(), cursor: newest };
    });
  }

  /**
   * The blobs of a received post's images, on the account's own server (the PDS serves what its
   * repositories hold; the caller fetches only from that origin and inspects what comes back).
   */
  private blobUrls(account: SocialAccountCredentials, did: string, post: AppBskyFeedPost.Record): string[] {
    const embed = post.embed;
    if (!AppBskyEmbedImages.isMain(embed)) return [];
    return (embed as AppBskyEmbedImages.Main).images.map((img) => {
      const cid = img.image.ref.toString();
      const url = new URL('/xrpc/com.atproto.sync.getBlob', account.serviceUrl);
      url.searchParams.set('did', did);
      url.searchParams.set('cid', cid);
      return url.toString();
    });
  }

  /** The post's page on bsky.app for the public network; the at:// URI on another one. */
  private webUrl(account: SocialAccountCredentials, uri: string, handle = account.handle): string {
    const host = new URL(account.serviceUrl).hostname;
    const onBlueskyNetwork = host === 'bsky.social' || host.endsWith('.bsky.network');
    if (!onBlueskyNetwork) return uri;
    const rkey = uri.split('/').pop();
    return `https://bsky.app/profile/${handle}/post/${rkey}`;
  }

  /** Runs one operation; a refused session is signed in again once before giving up. */
  private async call<T>(account: SocialAccountCredentials, op: (agent: AtpAgent) => Promise<T>): Promise<T> {
    try {
      return await op(await this.agent(account));
    } catch (err) {
      if (err instanceof XRPCError && (err.status === 401 || err.error === 'ExpiredToken')) {
        try {
          return await op(await this.agent(account, { fresh: true }));
        } catch (again) {
          throw this.refusal(again);
        }
      }
      throw this.refusal(err);
    }
  }

  private agent(account: SocialAccountCredentials, opts: { fresh?: boolean } = {}): Promise<AtpAgent> {
    const key = createHash('sha256')
      .update(`${account.serviceUrl}\n${account.handle}\n${account.secret}`)
      .digest('base64url');
    const known = this.sessions.get(key);
    if (known && !opts.fresh) return known;
    const signIn = (async () => {
      const agent = new AtpAgent({
        service: account.serviceUrl,
        fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(this.requestTimeoutMs) }),
      });
      await agent.login({ identifier: account.accountId || account.handle, password: account.secret });
      return agent;
    })();
    this.sessions.set(key, signIn);
    signIn.catch(() => this.sessions.delete(key));
    return signIn.catch((err) => {
      throw this.refusal(err);
    });
  }

  /** What a failure means for the caller: a retry may help (429, 5xx, no answer) or it may not. */
  private refusal(err: unknown): SocialNetworkError {
    if (err instanceof SocialNetworkError) return err;
    if (err instanceof XRPCError) {
      const status = err.status >= 100 ? err.status : null;
      const retryable = status === null || status === 429 || status >= 500;
      return new SocialNetworkError('BLUESKY', status, retryable, `${err.error}: ${err.message}`);
    }
    const message = err instanceof Error ? err.message : String(err);
    // No answer at all (refused connection, timeout): the network may be back later.
    return new SocialNetworkError('BLUESKY', null, true, message);
  }
}
