import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a sent post's takedown was asked for (reach/social/posting): the sweep that takes down the
 * posts of appeals past their expiry (an AMBER alert) asks once per post, not every minute while
 * the takedown job is waiting or retrying.
 */
export class SocialTakedownRequested1763704100001 implements MigrationInterface {
  name = 'SocialTakedownRequested1763704100001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE social_post ADD COLUMN takedown_requested_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE social_post DROP COLUMN takedown_requested_at`);
  }
}
