import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The archive of what the agency's social accounts sent and received (reach/social/archive), kept
 * as public records; and the tip channel SOCIAL, for a reply an investigator turns into a tip.
 */
export class SocialArchive1763703220000 implements MigrationInterface {
  name = 'SocialArchive1763703220000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE social_message (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
      account_id uuid NOT NULL REFERENCES social_account(id) ON DELETE CASCADE,
      direction text NOT NULL CHECK (direction IN ('SENT', 'RECEIVED')),
      kind text NOT NULL CHECK (kind IN ('POST', 'REPLY', 'COMMENT', 'MENTION', 'DIRECT_MESSAGE')),
      remote_id text NOT NULL,
      url text,
      author_handle text NOT NULL,
      text text NOT NULL,
      at timestamptz NOT NULL,
      in_reply_to_remote_id text,
      appeal_id uuid,
      media jsonb NOT NULL DEFAULT '[]',
      tip_id uuid,
      archived_at timestamptz NOT NULL,
      CONSTRAINT social_message_once UNIQUE (account_id, direction, remote_id)
    )`);
    await q.query(`CREATE INDEX social_message_agency_at ON social_message (agency_id, at DESC)`);
    await q.query(
      `CREATE INDEX social_message_text ON social_message USING gin ((author_handle || ' ' || text) gin_trgm_ops)`,
    );
    await q.query(`ALTER TABLE tip DROP CONSTRAINT tip_channel_check`);
    await q.query(
      `ALTER TABLE tip ADD CONSTRAINT tip_channel_check CHECK (channel IN ('WEB', 'PHONE', 'SMS', 'SOCIAL'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tip DROP CONSTRAINT tip_channel_check`);
    await q.query(
      `ALTER TABLE tip ADD CONSTRAINT tip_channel_check CHECK (channel IN ('WEB', 'PHONE', 'SMS'))`,
    );
    await q.query(`DROP TABLE social_message`);
  }
}
