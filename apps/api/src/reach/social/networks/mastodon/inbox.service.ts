import { Injectable } from '@nestjs/common';
import { Clock } from '../../../../common/clock';
import { AppConfig } from '../../../../config/app-config';
import { arrayField, field, stringField } from '../network-request';
import {
  acceptActivity,
  FederationUrls,
  PUBLIC_COLLECTION,
  textOfHtml,
  type ActivityDocument,
} from './activity-documents';
import { ActivityDelivery } from './activity-delivery';
import { ActivityPubStore, type ActorRow } from './activitypub-store';
import type { RemoteActor } from './remote-actors';

/** What the desk may show as a link, and the archive may fetch. */
const WEB_ADDRESS = /^https?:\/\//i;

/** How long a received text may be in the archive; Mastodon's own posts are 500 characters. */
const MAX_TEXT = 20_000;
const MAX_MEDIA = 10;

/**
 * What the agency's inbox does with a delivery whose signature checked out (the sender is
 * `sender`): a Follow of the agency is recorded and accepted; an Undo of it removes the follower;
 * a Note that answers one of the agency's notes, mentions the agency, or is addressed to it alone
 * is kept for the archive (a reply, a mention, a direct message). Anything else is acknowledged
 * and dropped: the inbox is not a mailbox for the whole fediverse.
 */
@Injectable()
export class InboxService {
  private readonly urls: FederationUrls;

  constructor(
    private readonly store: ActivityPubStore,
    private readonly delivery: ActivityDelivery,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.urls = new FederationUrls(config.publicUrl);
  }

  /** False when the activity claims to be from someone other than the key's owner. */
  async receive(actor: ActorRow, activity: ActivityDocument, sender: RemoteActor): Promise<boolean> {
    if (idOf(activity.actor) !== sender.id) return false;
    const me = this.urls.actor(actor.username);
    switch (activity.type) {
      case 'Follow':
        if (idOf(activity.object) !== me) return true;
        await this.store.addFollower(actor.id, sender);
        await this.delivery.send(actor.id, [sender.inbox], acceptActivity(this.urls, actor, activity));
        return true;
      case 'Undo':
        if (field(activity.object, 'type') === 'Follow' && idOf(field(activity.object, 'object')) === me)
          await this.store.removeFollower(actor.id, sender.id);
        return true;
      case 'Create':
        await this.keepNote(actor, activity.object, sender);
        return true;
      default:
        return true;
    }
  }

  private async keepNote(actor: ActorRow, note: unknown, sender: RemoteActor): Promise<void> {
    const id = stringField(note, 'id');
    if (field(note, 'type') !== 'Note' || !id || idOf(field(note, 'attributedTo')) !== sender.id) return;
    if (!WEB_ADDRESS.test(id)) return; // a note's id is its web address; anything else is not kept
    const me = this.urls.actor(actor.username);
    const inReplyTo = this.urls.noteIdOf(stringField(note, 'inReplyTo') ?? '');
    const answersUs = inReplyTo !== null && (await this.store.note(inReplyTo))?.actorId === actor.id;
    const mentionsUs = arrayField(note, 'tag').some(
      (t) => field(t, 'type') === 'Mention' && stringField(t, 'href') === me,
    );
    const audience = [...addressees(note, 'to'), ...addressees(note, 'cc')];
    const isPublic = audience.includes(PUBLIC_COLLECTION) || audience.some((a) => a.endsWith('/followers'));
    if (!answersUs && !mentionsUs && !audience.includes(me)) return;

    await this.store.addReceived(actor.id, {
      objectUri: id,
      kind: !isPublic ? 'DIRECT_MESSAGE' : answersUs ? 'REPLY' : 'MENTION',
      author: sender.handle,
      // The desk shows it as a link: a stranger's `url` is kept only if it is a web address.
      url: [stringField(note, 'url')].find((u): u is string => u !== null && WEB_ADDRESS.test(u)) ?? id,
      text: textOfHtml(stringField(note, 'content') ?? '').slice(0, MAX_TEXT),
      inReplyTo: answersUs ? inReplyTo : null,
      // Addresses only: the archive fetches, inspects and seals them, never trusting this list.
      mediaUrls: arrayField(note, 'attachment')
        .map((a) => stringField(a, 'url'))
        .filter((u): u is string => u !== null && WEB_ADDRESS.test(u))
        .slice(0, MAX_MEDIA),
      // When it reached us, which we know; the note's own `published` is whatever the sender says.
      receivedAt: this.clock.now(),
    });
  }
}

function idOf(value: unknown): string | null {
  return typeof value === 'string' ? value : stringField(value, 'id');
}

function addressees(note: unknown, key: 'to' | 'cc'): string[] {
  const value = field(note, key);
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string');
}
