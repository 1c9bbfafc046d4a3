import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each agency's time zone (IANA name): a tipster who writes "vers 14 h" means 14 h where the agency
 * is, and dedupe reads that clock against the tip's arrival in this zone. The CHECK refuses a name
 * Postgres does not know ("time zone … not recognized") when the row is written, not when it is read.
 */
export class AgencyTimeZone1763700600000 implements MigrationInterface {
  name = 'AgencyTimeZone1763700600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency
      ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC'
        CONSTRAINT agency_time_zone_check CHECK ((timestamptz '2000-01-01 00:00Z' AT TIME ZONE time_zone) IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency DROP COLUMN time_zone`);
  }
}
