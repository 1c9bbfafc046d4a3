import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The social archive follows the agency's retention policy (records/retention): how long what its
 * accounts sent and received is kept (`social_days`; null follows RETENTION_SOCIAL_DAYS). The
 * purge finds what the actor's inbox kept by when it arrived, and whether a sealed file is still
 * referred to by another message.
 */
export class SocialRetention1763704100000 implements MigrationInterface {
  name = 'SocialRetention1763704100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE retention_policy ADD COLUMN social_days integer CHECK (social_days > 0)`);
    await q.query(`CREATE INDEX activitypub_received_at ON activitypub_received (received_at)`);
    // Whether a purged message's sealed file is still another's (media @> [{key}]).
    await q.query(`CREATE INDEX social_message_media ON social_message USING gin (media jsonb_path_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX social_message_media`);
    await q.query(`DROP INDEX activitypub_received_at`);
    await q.query(`ALTER TABLE retention_policy DROP COLUMN social_days`);
  }
}
