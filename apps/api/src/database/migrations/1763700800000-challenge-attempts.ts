import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A proof-of-work solution is now reserved by the request that carries it (before its upload is
 * read), released if that request fails, and spent with the tip: `state` says which, `attempts`
 * caps how many failed requests one solution may carry. Rows from before were all spent.
 */
export class ChallengeAttempts1763700800000 implements MigrationInterface {
  name = 'ChallengeAttempts1763700800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE spent_challenge
      ADD COLUMN state text NOT NULL DEFAULT 'spent'
        CONSTRAINT spent_challenge_state_check CHECK (state IN ('pending', 'released', 'spent')),
      ADD COLUMN attempts smallint NOT NULL DEFAULT 1`);
    // Rows past their expiry are pruned (ProofOfWorkService): a surge writes one a tip.
    await q.query(`CREATE INDEX spent_challenge_expires_idx ON spent_challenge (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX spent_challenge_expires_idx`);
    await q.query(`ALTER TABLE spent_challenge DROP COLUMN state, DROP COLUMN attempts`);
  }
}
