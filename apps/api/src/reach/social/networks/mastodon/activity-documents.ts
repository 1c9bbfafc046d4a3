import { escapeMarkup } from '../../../../common/markup';
import type { ActorRow, NoteRow } from './activitypub-store';

/**
 * The ActivityStreams documents the agency's actor serves and sends, shaped as Mastodon reads them
 * (https://docs.joinmastodon.org/spec/activitypub/). Every address hangs off PUBLIC_URL, so what
 * followers keep stays valid as long as the deployment's address does.
 */

export const AS_CONTEXT = 'https://www.w3.org/ns/activitystreams';
export const PUBLIC_COLLECTION = 'https://www.w3.org/ns/activitystreams#Public';
export const ACTIVITY_JSON = 'application/activity+json';

export type ActivityDocument = Record<string, unknown>;

export class FederationUrls {
  readonly host: string;

  constructor(private readonly publicUrl: string) {
    this.host = new URL(publicUrl).host;
  }

  actor(username: string): string {
    return `${this.publicUrl}/ap/users/${username}`;
  }
  keyId(username: string): string {
    return `${this.actor(username)}#main-key`;
  }
  inbox(username: string): string {
    return `${this.actor(username)}/inbox`;
  }
  outbox(username: string): string {
    return `${this.actor(username)}/outbox`;
  }
  followers(username: string): string {
    return `${this.actor(username)}/followers`;
  }
  note(id: string): string {
    return `${this.publicUrl}/ap/notes/${id}`;
  }
  noteImage(id: string): string {
    return `${this.note(id)}/image`;
  }
  /** Our note's id from its address, or null when the address is not one of ours. */
  noteIdOf(uri: string): string | null {
    const prefix = `${this.publicUrl}/ap/notes/`;
    if (!uri.startsWith(prefix)) return null;
    const id = uri.slice(prefix.length);
    return /^[0-9a-f-]{36}$/.test(id) ? id : null;
  }
  handle(username: string): string {
    return `@${username}@${this.host}`;
  }
}

export function actorDocument(
  urls: FederationUrls,
  actor: ActorRow,
  agencyPageUrl: string,
): ActivityDocument {
  const id = urls.actor(actor.username);
  return {
    '@context': [AS_CONTEXT, 'https://w3id.org/security/v1'],
    id,
    // Mastodon shows an Organization as such; Service would mark it a bot.
    type: 'Organization',
    preferredUsername: actor.username,
    name: actor.displayName,
    summary: `<p>${escapeMarkup(actor.displayName)}: official appeals / avis officiels</p>`,
    url: agencyPageUrl,
    inbox: urls.inbox(actor.username),
    outbox: urls.outbox(actor.username),
    followers: urls.followers(actor.username),
    manuallyApprovesFollowers: false,
    discoverable: true,
    publicKey: { id: urls.keyId(actor.username), owner: id, publicKeyPem: actor.publicKeyPem },
  };
}

export function noteDocument(urls: FederationUrls, actor: ActorRow, note: NoteRow): ActivityDocument {
  const id = urls.note(note.id);
  if (note.deletedAt) {
    return { '@context': AS_CONTEXT, id, type: 'Tombstone', deleted: note.deletedAt.toISOString() };
  }
  const content = noteHtml(note.text, note.link);
  return {
    '@context': AS_CONTEXT,
    id,
    type: 'Note',
    attributedTo: urls.actor(actor.username),
    content,
    contentMap: { [note.language]: content },
    url: id,
    published: note.publishedAt.toISOString(),
    ...(note.updatedAt ? { updated: note.updatedAt.toISOString() } : {}),
    inReplyTo: note.inReplyTo ? urls.note(note.inReplyTo) : null,
    to: [PUBLIC_COLLECTION],
    cc: [urls.followers(actor.username)],
    attachment: note.imageType
      ? [
          {
            type: 'Document',
            mediaType: note.imageType,
            url: urls.noteImage(note.id),
            name: note.imageAlt ?? '',
          },
        ]
      : [],
    tag: hashtagsOf(note.text),
  };
}

/** Create, Update or Delete of a note, addressed as the note is (public, copied to followers). */
export function noteActivity(
  urls: FederationUrls,
  actor: ActorRow,
  note: NoteRow,
  type: 'Create' | 'Update' | 'Delete',
): ActivityDocument {
  const object = noteDocument(urls, actor, note);
  const stamp = (note.deletedAt ?? note.updatedAt ?? note.publishedAt).getTime();
  return {
    '@context': AS_CONTEXT,
    id: `${urls.note(note.id)}#${type.toLowerCase()}-${stamp}`,
    type,
    actor: urls.actor(actor.username),
    published: note.publishedAt.toISOString(),
    to: [PUBLIC_COLLECTION],
    cc: [urls.followers(actor.username)],
    object: type === 'Delete' ? { id: object.id, type: 'Tombstone' } : object,
  };
}

export function acceptActivity(
  urls: FederationUrls,
  actor: ActorRow,
  follow: ActivityDocument,
): ActivityDocument {
  return {
    '@context': AS_CONTEXT,
    id: `${urls.actor(actor.username)}#accepts/${encodeURIComponent(String(follow.id ?? ''))}`,
    type: 'Accept',
    actor: urls.actor(actor.username),
    object: follow,
  };
}

/** The note's text as Mastodon expects it: escaped paragraphs, line breaks, the link clickable. */
export function noteHtml(text: string, link: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeMarkup(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  const linked = paragraphs
    .split(escapeMarkup(link))
    .join(`<a href="${escapeMarkup(link)}">${escapeMarkup(link)}</a>`);
  return text.includes(link)
    ? linked
    : `${paragraphs}<p><a href="${escapeMarkup(link)}">${escapeMarkup(link)}</a></p>`;
}

function hashtagsOf(text: string): ActivityDocument[] {
  const tags = new Set([...text.matchAll(/(?:^|\s)#([\p{L}\p{N}_]+)/gu)].map((m) => m[1]));
  return [...tags].map((tag) => ({ type: 'Hashtag', name: `#${tag}` }));
}

/** Plain text from a remote note's HTML (Mastodon's: p, br, a, span), for the archive. */
export function textOfHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/gi, (_m, entity: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
      if (entity[0] !== '#') return named[entity.toLowerCase()];
      const code =
        entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .trim();
}
