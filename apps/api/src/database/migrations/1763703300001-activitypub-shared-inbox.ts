import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A follower's server's shared inbox (Mastodon's `endpoints.sharedInbox`): a post then goes once
 * to each server, however many of its accounts follow the agency, instead of once per follower.
 */
export class ActivityPubSharedInbox1763703300001 implements MigrationInterface {
  name = 'ActivityPubSharedInbox1763703300001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activitypub_follower ADD COLUMN shared_inbox_url text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activitypub_follower DROP COLUMN shared_inbox_url`);
  }
}
