import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A social post claimed by the send job posting it (SENDING, since `claimed_at`), so that two send
 * jobs of one publication (a PIO's two retries) never post it twice, and a takedown that arrives
 * while it is on its way is seen when the job comes back. A claim older than a few minutes is a job
 * that died: the next run may claim the post again.
 */
export class SocialPostSending1763703500000 implements MigrationInterface {
  name = 'SocialPostSending1763703500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE social_post DROP CONSTRAINT social_post_state_check`);
    await q.query(`ALTER TABLE social_post ADD CONSTRAINT social_post_state_check
      CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'TAKEN_DOWN', 'TAKEDOWN_FAILED'))`);
    await q.query(`ALTER TABLE social_post ADD COLUMN claimed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE social_post DROP COLUMN claimed_at`);
    await q.query(`UPDATE social_post SET state = 'QUEUED' WHERE state = 'SENDING'`);
    await q.query(`ALTER TABLE social_post DROP CONSTRAINT social_post_state_check`);
    await q.query(`ALTER TABLE social_post ADD CONSTRAINT social_post_state_check
      CHECK (state IN ('QUEUED', 'SENT', 'FAILED', 'TAKEN_DOWN', 'TAKEDOWN_FAILED'))`);
  }
}
