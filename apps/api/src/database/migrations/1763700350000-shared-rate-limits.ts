import { MigrationInterface, QueryRunner } from 'typeorm';

export class SharedRateLimits1763700350000 implements MigrationInterface {
  name = 'SharedRateLimits1763700350000';

  async up(q: QueryRunner): Promise<void> {
    // UNLOGGED: counters that expire in minutes are not worth a WAL write per request.
    await q.query(
      `CREATE UNLOGGED TABLE rate_limit_bucket (key text PRIMARY KEY, hits integer NOT NULL, expires_at timestamptz NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_bucket`);
  }
}
