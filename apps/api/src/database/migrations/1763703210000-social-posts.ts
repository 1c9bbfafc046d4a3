import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The posts reach makes on an agency's accounts (reach/social/posting): one row per account,
 * appeal, publication and language, made when the publication arrives (so a job run twice finds it
 * and skips it), with its state on the network.
 */
export class SocialPosts1763703210000 implements MigrationInterface {
  name = 'SocialPosts1763703210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE social_post (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
      account_id uuid NOT NULL REFERENCES social_account(id) ON DELETE CASCADE,
      appeal_id uuid NOT NULL,
      publication text NOT NULL,
      language text NOT NULL CHECK (language IN ('fr', 'en')),
      position int NOT NULL,
      text text NOT NULL,
      link text NOT NULL,
      image_id uuid,
      alt_text text,
      state text NOT NULL CHECK (state IN ('QUEUED', 'SENT', 'FAILED', 'TAKEN_DOWN', 'TAKEDOWN_FAILED')),
      attempts int NOT NULL DEFAULT 0,
      last_error text,
      remote_id text,
      remote_cid text,
      root_remote_id text,
      root_remote_cid text,
      url text,
      created_at timestamptz NOT NULL,
      sent_at timestamptz,
      taken_down_at timestamptz,
      CONSTRAINT social_post_once UNIQUE (account_id, appeal_id, publication, language)
    )`);
    await q.query(`CREATE INDEX social_post_appeal ON social_post (appeal_id, account_id, sent_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE social_post`);
  }
}
