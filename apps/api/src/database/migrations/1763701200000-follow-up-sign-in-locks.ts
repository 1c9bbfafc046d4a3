import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-up sign-in attempts are counted per code as typed, whether or not a tip has that code, so
 * that the lock cannot tell which codes exist. The counters leave the tip row for a table keyed by
 * an HMAC of the code (the codes people try are not kept). Locks in force are at most 15 minutes
 * old and are not carried over.
 */
export class FollowUpSignInLocks1763701200000 implements MigrationInterface {
  name = 'FollowUpSignInLocks1763701200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE follow_up_sign_in_attempt (
      code_key text PRIMARY KEY,
      attempts integer NOT NULL,
      locked_until timestamptz,
      last_attempt_at timestamptz NOT NULL
    )`);
    // Rows untouched for a day are pruned (FollowUpSignInLocks).
    await q.query(
      `CREATE INDEX follow_up_sign_in_attempt_last_idx ON follow_up_sign_in_attempt (last_attempt_at)`,
    );
    await q.query(`ALTER TABLE tip DROP COLUMN failed_sign_ins, DROP COLUMN sign_in_locked_until`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tip
      ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0,
      ADD COLUMN sign_in_locked_until timestamptz`);
    await q.query(`DROP TABLE follow_up_sign_in_attempt`);
  }
}
