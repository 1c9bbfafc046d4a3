import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agency as an ActivityPub actor (reach/social/networks/mastodon), so people follow it from
 * Mastodon and the rest of the fediverse: its key pair (the private key sealed with the deployment
 * key), who follows it (their inboxes, for delivery), the notes it published (served by id and in
 * its outbox; a deleted one stays as a tombstone), and what arrived in its inbox until reach reads
 * it into the archive.
 */
export class ActivityPubActor1763703300000 implements MigrationInterface {
  name = 'ActivityPubActor1763703300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE activitypub_actor (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
      username text NOT NULL CHECK (username ~ '^[a-z0-9_]{1,64}$'),
      display_name text NOT NULL,
      public_key_pem text NOT NULL,
      private_key_enc text NOT NULL,
      connect_token_hash text NOT NULL,
      created_at timestamptz NOT NULL,
      CONSTRAINT activitypub_actor_agency_key UNIQUE (agency_id),
      CONSTRAINT activitypub_actor_username_key UNIQUE (username)
    )`);
    await q.query(`CREATE TABLE activitypub_follower (
      actor_id uuid NOT NULL REFERENCES activitypub_actor(id) ON DELETE CASCADE,
      follower_uri text NOT NULL,
      inbox_url text NOT NULL,
      followed_at timestamptz NOT NULL,
      PRIMARY KEY (actor_id, follower_uri)
    )`);
    await q.query(`CREATE TABLE activitypub_note (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      actor_id uuid NOT NULL REFERENCES activitypub_actor(id) ON DELETE CASCADE,
      text text NOT NULL,
      link text NOT NULL,
      language text NOT NULL CHECK (language IN ('fr', 'en')),
      in_reply_to uuid REFERENCES activitypub_note(id),
      image bytea,
      image_type text,
      image_alt text,
      published_at timestamptz NOT NULL,
      updated_at timestamptz,
      deleted_at timestamptz
    )`);
    await q.query(`CREATE INDEX activitypub_note_outbox ON activitypub_note (actor_id, published_at DESC)`);
    await q.query(`CREATE TABLE activitypub_received (
      seq bigserial PRIMARY KEY,
      actor_id uuid NOT NULL REFERENCES activitypub_actor(id) ON DELETE CASCADE,
      object_uri text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('REPLY', 'MENTION', 'DIRECT_MESSAGE')),
      author text NOT NULL,
      url text,
      text text NOT NULL,
      in_reply_to uuid REFERENCES activitypub_note(id) ON DELETE SET NULL,
      media_urls jsonb NOT NULL DEFAULT '[]',
      received_at timestamptz NOT NULL,
      CONSTRAINT activitypub_received_object_key UNIQUE (actor_id, object_uri)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE activitypub_received`);
    await q.query(`DROP TABLE activitypub_note`);
    await q.query(`DROP TABLE activitypub_follower`);
    await q.query(`DROP TABLE activitypub_actor`);
  }
}
