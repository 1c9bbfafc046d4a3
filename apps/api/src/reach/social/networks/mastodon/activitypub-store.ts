import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../../../common/clock';
import { SecretBox } from '../../../../common/crypto/secret-box';

/** The actor's tables (migration 1763703300000), read and written only here. */

export interface ActorRow {
  id: string;
  agencyId: string;
  username: string;
  displayName: string;
  publicKeyPem: string;
  connectTokenHash: string;
}

export interface NoteRow {
  id: string;
  actorId: string;
  text: string;
  link: string;
  language: 'fr' | 'en';
  inReplyTo: string | null;
  imageType: string | null;
  imageAlt: string | null;
  publishedAt: Date;
  updatedAt: Date | null;
  deletedAt: Date | null;
}

export interface ReceivedRow {
  seq: string;
  objectUri: string;
  kind: 'REPLY' | 'MENTION' | 'DIRECT_MESSAGE';
  author: string;
  url: string | null;
  text: string;
  inReplyTo: string | null;
  mediaUrls: string[];
  receivedAt: Date;
}

const KEY_CONTEXT = 'activitypub-actor-key';
const ACTOR_COLUMNS = `id, agency_id AS "agencyId", username, display_name AS "displayName",
  public_key_pem AS "publicKeyPem", connect_token_hash AS "connectTokenHash"`;
const NOTE_COLUMNS = `id, actor_id AS "actorId", text, link, language, in_reply_to AS "inReplyTo",
  image_type AS "imageType", image_alt AS "imageAlt", published_at AS "publishedAt",
  updated_at AS "updatedAt", deleted_at AS "deletedAt"`;

@Injectable()
export class ActivityPubStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly box: SecretBox,
    private readonly clock: Clock,
  ) {}

  async actorByUsername(username: string): Promise<ActorRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${ACTOR_COLUMNS} FROM activitypub_actor WHERE username = $1`,
      [username],
    );
    return (row as ActorRow | undefined) ?? null;
  }

  async actorById(id: string): Promise<ActorRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${ACTOR_COLUMNS} FROM activitypub_actor WHERE id = $1`,
      [id],
    );
    return (row as ActorRow | undefined) ?? null;
  }

  async actorOfAgency(agencyId: string): Promise<ActorRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${ACTOR_COLUMNS} FROM activitypub_actor WHERE agency_id = $1`,
      [agencyId],
    );
    return (row as ActorRow | undefined) ?? null;
  }

  /** Creates the agency's actor, or gives the existing one a new connection token. */
  async saveActor(
    tx: DataSource['manager'],
    actor: {
      agencyId: string;
      username: string;
      displayName: string;
      publicKeyPem: string;
      privateKeyPem: string;
    },
    connectTokenHash: string,
  ): Promise<ActorRow> {
    const [row] = await tx.query(
      `INSERT INTO activitypub_actor (agency_id, username, display_name, public_key_pem, private_key_enc, connect_token_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (agency_id) DO UPDATE SET connect_token_hash = EXCLUDED.connect_token_hash, display_name = EXCLUDED.display_name
       RETURNING ${ACTOR_COLUMNS}`,
      [
        actor.agencyId,
        actor.username,
        actor.displayName,
        actor.publicKeyPem,
        this.box.seal(actor.privateKeyPem, KEY_CONTEXT),
        connectTokenHash,
        this.clock.now(),
      ],
    );
    return row as ActorRow;
  }

  async privateKeyPem(actorId: string): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT private_key_enc FROM activitypub_actor WHERE id = $1`, [
      actorId,
    ]);
    return this.box.open((row as { private_key_enc: string }).private_key_enc, KEY_CONTEXT);
  }

  async addFollower(
    actorId: string,
    follower: { id: string; inbox: string; sharedInbox: string | null },
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO activitypub_follower (actor_id, follower_uri, inbox_url, shared_inbox_url, followed_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (actor_id, follower_uri) DO UPDATE SET inbox_url = EXCLUDED.inbox_url, shared_inbox_url = EXCLUDED.shared_inbox_url`,
      [actorId, follower.id, follower.inbox, follower.sharedInbox, this.clock.now()],
    );
  }

  async removeFollower(actorId: string, followerUri: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM activitypub_follower WHERE actor_id = $1 AND follower_uri = $2`,
      [actorId, followerUri],
    );
  }

  /** Each server once (its shared inbox), however many of its accounts follow; else each follower's inbox. */
  async followerInboxes(actorId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = (await db.query(
      `SELECT DISTINCT coalesce(shared_inbox_url, inbox_url) AS inbox_url FROM activitypub_follower
       WHERE actor_id = $1 ORDER BY inbox_url`,
      [actorId],
    )) as { inbox_url: string }[];
    return rows.map((r) => r.inbox_url);
  }

  async followerCount(actorId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM activitypub_follower WHERE actor_id = $1`,
      [actorId],
    );
    return (row as { n: number }).n;
  }

  /** In the caller's transaction, with the jobs that deliver it. */
  async insertNote(
    db: EntityManager,
    note: {
      actorId: string;
      text: string;
      link: string;
      language: 'fr' | 'en';
      inReplyTo: string | null;
      image: { bytes: Buffer; type: string; alt: string } | null;
    },
  ): Promise<NoteRow> {
    const [row] = await db.query(
      `INSERT INTO activitypub_note (actor_id, text, link, language, in_reply_to, image, image_type, image_alt, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${NOTE_COLUMNS}`,
      [
        note.actorId,
        note.text,
        note.link,
        note.language,
        note.inReplyTo,
        note.image?.bytes ?? null,
        note.image?.type ?? null,
        note.image?.alt ?? null,
        this.clock.now(),
      ],
    );
    return row as NoteRow;
  }

  async note(id: string): Promise<NoteRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${NOTE_COLUMNS} FROM activitypub_note WHERE id = $1`, [
      id,
    ]);
    return (row as NoteRow | undefined) ?? null;
  }

  async noteImage(id: string): Promise<{ bytes: Buffer; type: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT image, image_type FROM activitypub_note WHERE id = $1 AND deleted_at IS NULL AND image IS NOT NULL`,
      [id],
    );
    const found = row as { image: Buffer; image_type: string } | undefined;
    return found ? { bytes: found.image, type: found.image_type } : null;
  }

  /** The newest notes still up, for the outbox. */
  async recentNotes(actorId: string, limit: number): Promise<{ notes: NoteRow[]; total: number }> {
    const notes = (await this.dataSource.query(
      `SELECT ${NOTE_COLUMNS} FROM activitypub_note WHERE actor_id = $1 AND deleted_at IS NULL
       ORDER BY published_at DESC, id LIMIT $2`,
      [actorId, limit],
    )) as NoteRow[];
    const [count] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM activitypub_note WHERE actor_id = $1 AND deleted_at IS NULL`,
      [actorId],
    );
    return { notes, total: (count as { n: number }).n };
  }

  async editNote(db: EntityManager, id: string, text: string): Promise<NoteRow | null> {
    const [rows] = (await db.query(
      `UPDATE activitypub_note SET text = $2, updated_at = $3 WHERE id = $1 AND deleted_at IS NULL RETURNING ${NOTE_COLUMNS}`,
      [id, text, this.clock.now()],
    )) as [NoteRow[], number];
    return rows[0] ?? null;
  }

  /** Takes the note down: its text and image go, a tombstone stays at its address. */
  async deleteNote(db: EntityManager, id: string): Promise<NoteRow | null> {
    const [rows] = (await db.query(
      `UPDATE activitypub_note SET deleted_at = $2, text = '', image = NULL, image_alt = NULL
       WHERE id = $1 AND deleted_at IS NULL RETURNING ${NOTE_COLUMNS}`,
      [id, this.clock.now()],
    )) as [NoteRow[], number];
    return rows[0] ?? null;
  }

  /** Keeps what arrived; the same object delivered twice (a retry, a second inbox) is kept once. */
  async addReceived(actorId: string, message: Omit<ReceivedRow, 'seq'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO activitypub_received (actor_id, object_uri, kind, author, url, text, in_reply_to, media_urls, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (actor_id, object_uri) DO NOTHING`,
      [
        actorId,
        message.objectUri,
        message.kind,
        message.author,
        message.url,
        message.text,
        message.inReplyTo,
        JSON.stringify(message.mediaUrls),
        message.receivedAt,
      ],
    );
  }

  async receivedAfter(actorId: string, seq: string, limit: number): Promise<ReceivedRow[]> {
    return (await this.dataSource.query(
      `SELECT seq::text AS seq, object_uri AS "objectUri", kind, author, url, text, in_reply_to AS "inReplyTo",
              media_urls AS "mediaUrls", received_at AS "receivedAt"
       FROM activitypub_received WHERE actor_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [actorId, seq, limit],
    )) as ReceivedRow[];
  }
}
