import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a tip arrived: the web form (every tip so far), the phone line or a text message. A constant
 * default adds the column without rewriting the table. Most tips come from the web, so only the
 * other channels are indexed for the inbox's channel filter (a web filter reads the inbox index).
 */
export class TipChannel1763701800000 implements MigrationInterface {
  name = 'TipChannel1763701800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tip ADD COLUMN channel text NOT NULL DEFAULT 'WEB'
      CONSTRAINT tip_channel_check CHECK (channel IN ('WEB', 'PHONE', 'SMS'))`);
    await q.query(
      `CREATE INDEX tip_channel_idx ON tip (agency_id, channel, priority_rank, received_at DESC, id DESC) WHERE channel <> 'WEB'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tip_channel_idx`);
    await q.query(`ALTER TABLE tip DROP COLUMN channel`);
  }
}
