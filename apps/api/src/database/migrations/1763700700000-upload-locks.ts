import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leases on resumable uploads, shared by every API process (tips/uploads/shared-upload-locker.ts): one row
 * per upload being written, removed on release; a crashed holder's row is taken over once it
 * expires. Logged, unlike rate_limit_bucket: a lease must outlive a failover to a standby, or two
 * processes could write the same upload after it.
 */
export class UploadLocks1763700700000 implements MigrationInterface {
  name = 'UploadLocks1763700700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE upload_lock (upload_id text PRIMARY KEY, holder uuid NOT NULL, expires_at timestamptz NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE upload_lock`);
  }
}
