import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agency's official social accounts (reach/social/accounts): one connected account per network
 * at a time; the secret (app password, access token) sealed with the deployment key (SecretBox).
 */
export class SocialAccounts1763703200000 implements MigrationInterface {
  name = 'SocialAccounts1763703200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE social_account (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
      network text NOT NULL CHECK (network IN ('BLUESKY', 'MASTODON', 'FACEBOOK', 'X')),
      service_url text NOT NULL,
      handle text NOT NULL,
      account_id text NOT NULL,
      secret_enc text NOT NULL,
      last_error text,
      received_cursor text,
      last_read_at timestamptz,
      connected_by uuid NOT NULL REFERENCES staff_user(id),
      connected_at timestamptz NOT NULL,
      disconnected_at timestamptz
    )`);
    await q.query(
      `CREATE UNIQUE INDEX social_account_connected_unique ON social_account (agency_id, network) WHERE disconnected_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE social_account`);
  }
}
