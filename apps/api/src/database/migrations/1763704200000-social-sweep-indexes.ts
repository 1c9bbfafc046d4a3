import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two indexes reach's reads were scanning without:
 * - the posts the sweep of social posts looks at every minute (reach.social-expiry: what may still
 *   be up, or is waiting to be sent), a partial index with the sweep's own condition, so the posts
 *   taken down, and those whose takedown was asked for, are never read again;
 * - the archive's pages, a keyset on (at, id) within an agency: the id settles the order of
 *   messages of one moment.
 */
export class SocialSweepIndexes1763704200000 implements MigrationInterface {
  name = 'SocialSweepIndexes1763704200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX social_post_live ON social_post (appeal_id)
      WHERE state IN ('QUEUED', 'SENDING', 'FAILED') OR (state = 'SENT' AND takedown_requested_at IS NULL)`);
    await q.query(`CREATE INDEX social_message_agency_at_id ON social_message (agency_id, at DESC, id DESC)`);
    await q.query(`DROP INDEX social_message_agency_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX social_message_agency_at ON social_message (agency_id, at DESC)`);
    await q.query(`DROP INDEX social_message_agency_at_id`);
    await q.query(`DROP INDEX social_post_live`);
  }
}
