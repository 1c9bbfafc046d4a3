import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../../../config/app-config';
import {
  SocialNetworkError,
  type ReceivedSocialMessage,
  type SocialAccountCredentials,
  type SocialNetworkClient,
  type SocialNetworkLimits,
  type SocialPostDraft,
  type SocialPostRef,
} from '../social-network';
import { FederationUrls, noteActivity } from './activity-documents';
import { ActivityDelivery } from './activity-delivery';
import { ActivityPubStore, type ActorRow } from './activitypub-store';

const RECEIVED_PAGE = 200;

export function connectTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The fediverse (network MASTODON) through Vigie's own ActivityPub actor for the agency: people
 * follow @slug@PUBLIC_URL's host from Mastodon, a post is a Note delivered to their servers
 * (signed, one job per inbox), an edit an Update, a deletion a Delete, and what they answer
 * arrives in the actor's inbox, read here by `received`. The account's credentials are the ones
 * `POST /api/reach/fediverse/actor` handed the agency's admin: `accountId` names the actor and
 * `secret` is the token that proves the account belongs to that agency.
 */
@Injectable()
export class FediverseClient implements SocialNetworkClient {
  readonly network = 'MASTODON' as const;
  readonly limits: SocialNetworkLimits = {
    // What Mastodon lets its own users write; longer notes from elsewhere are shown, but a post
    // that fits reads the same on every server.
    maxTextLength: 500,
    // Mastodon counts every link as 23 characters, whatever its length.
    linkLength: 23,
    maxImages: 1,
    maxImageBytes: 8 * 1024 * 1024,
    maxAltTextLength: 1500,
    canEdit: true,
    canDelete: true,
  };
  private readonly urls: FederationUrls;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ActivityPubStore,
    private readonly delivery: ActivityDelivery,
    config: AppConfig,
  ) {
    this.urls = new FederationUrls(config.publicUrl);
  }

  async verify(account: SocialAccountCredentials): Promise<{ accountId: string; handle: string }> {
    const actor = await this.actorOf(account);
    return { accountId: actor.id, handle: this.urls.handle(actor.username) };
  }

  async post(account: SocialAccountCredentials, draft: SocialPostDraft): Promise<SocialPostRef> {
    const actor = await this.actorOf(account);
    const text = draft.text.includes(draft.link) ? draft.text : `${draft.text}\n\n${draft.link}`;
    const length = [...text.replace(draft.link, 'x'.repeat(23))].length;
    if (length > this.limits.maxTextLength)
      throw new SocialNetworkError(
        'MASTODON',
        null,
        false,
        `the post is ${length} of ${this.limits.maxTextLength} characters`,
      );
    if (draft.image && draft.image.bytes.length > this.limits.maxImageBytes)
      throw new SocialNetworkError(
        'MASTODON',
        null,
        false,
        `the image is over ${this.limits.maxImageBytes} bytes`,
      );
    const parent = draft.replyTo ? this.urls.noteIdOf(draft.replyTo.remoteId) : null;
    if (draft.replyTo && (!parent || (await this.store.note(parent))?.actorId !== actor.id))
      throw new SocialNetworkError(
        'MASTODON',
        null,
        false,
        'the post it answers is not one of this account’s',
      );

    // The note and the jobs that deliver it commit together: a retried post never leaves a note
    // nobody was sent, nor sends one twice.
    const note = await this.dataSource.transaction(async (tx) => {
      const created = await this.store.insertNote(tx, {
        actorId: actor.id,
        text: draft.text,
        link: draft.link,
        language: draft.language,
        inReplyTo: parent,
        image: draft.image
          ? {
              bytes: draft.image.bytes,
              type: draft.image.mimeType,
              alt: draft.image.altText.slice(0, this.limits.maxAltTextLength),
            }
          : null,
      });
      await this.deliver(tx, actor, noteActivity(this.urls, actor, created, 'Create'));
      return created;
    });
    const url = this.urls.note(note.id);
    return {
      remoteId: url,
      url,
      ...(draft.replyTo ? { root: draft.replyTo.root ?? { remoteId: draft.replyTo.remoteId } } : {}),
    };
  }

  async edit(account: SocialAccountCredentials, ref: SocialPostRef, text: string): Promise<void> {
    const actor = await this.actorOf(account);
    const id = await this.ownNoteId(actor, ref);
    await this.dataSource.transaction(async (tx) => {
      const note = await this.store.editNote(tx, id, text);
      if (!note) throw new SocialNetworkError('MASTODON', 404, false, 'this post was deleted');
      await this.deliver(tx, actor, noteActivity(this.urls, actor, note, 'Update'));
    });
  }

  /** Deleting twice is fine: the second finds the tombstone and sends nothing. */
  async delete(account: SocialAccountCredentials, ref: SocialPostRef): Promise<void> {
    const actor = await this.actorOf(account);
    const id = await this.ownNoteId(actor, ref);
    await this.dataSource.transaction(async (tx) => {
      const deleted = await this.store.deleteNote(tx, id);
      if (deleted) await this.deliver(tx, actor, noteActivity(this.urls, actor, deleted, 'Delete'));
    });
  }

  async received(
    account: SocialAccountCredentials,
    cursor: string | null,
  ): Promise<{ messages: ReceivedSocialMessage[]; cursor: string | null }> {
    const actor = await this.actorOf(account);
    const after = cursor && /^\d{1,18}$/.test(cursor) ? cursor : '0';
    const rows = await this.store.receivedAfter(actor.id, after, RECEIVED_PAGE);
    return {
      messages: rows.map((row) => ({
        kind: row.kind,
        remoteId: row.objectUri,
        url: row.url,
        authorHandle: row.author,
        text: row.text,
        receivedAt: new Date(row.receivedAt),
        inReplyToRemoteId: row.inReplyTo ? this.urls.note(row.inReplyTo) : null,
        mediaUrls: row.mediaUrls,
      })),
      cursor: rows.length ? rows[rows.length - 1].seq : cursor,
    };
  }

  private async deliver(
    tx: EntityManager,
    actor: ActorRow,
    activity: Record<string, unknown>,
  ): Promise<void> {
    await this.delivery.send(actor.id, await this.store.followerInboxes(actor.id, tx), activity, tx);
  }

  /** The id of one of this actor's notes, from its address; another's, or none, is a 404. */
  private async ownNoteId(actor: ActorRow, ref: SocialPostRef): Promise<string> {
    const id = this.urls.noteIdOf(ref.remoteId);
    const note = id ? await this.store.note(id) : null;
    if (!id || !note || note.actorId !== actor.id)
      throw new SocialNetworkError('MASTODON', 404, false, 'no such post of this account');
    return id;
  }

  /** The actor these credentials open; a wrong token is refused for good, like a revoked password. */
  private async actorOf(account: SocialAccountCredentials): Promise<ActorRow> {
    const actor = /^[0-9a-f-]{36}$/.test(account.accountId)
      ? await this.store.actorById(account.accountId)
      : null;
    const given = Buffer.from(connectTokenHash(account.secret), 'hex');
    const expected = Buffer.from(actor?.connectTokenHash ?? '0'.repeat(64), 'hex');
    if (!actor || !timingSafeEqual(given, expected))
      throw new SocialNetworkError(
        'MASTODON',
        401,
        false,
        'this account id and token do not open an actor here',
      );
    return actor;
  }
}
