import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox's "new from the tipster" marker: when the tipster last replied or added files after
 * the tip itself, and when its assignee last opened it. Both nullable: a tip nobody followed up
 * has no activity, and a tip not yet opened by its assignee has no moment. Existing tips take the
 * activity they already have (tipster messages; files received after the tip), so a reply sent
 * before the upgrade is not lost from view.
 */
export class TipTipsterActivity1763702500000 implements MigrationInterface {
  name = 'TipTipsterActivity1763702500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE tip ADD COLUMN tipster_activity_at timestamptz, ADD COLUMN assignee_seen_at timestamptz`,
    );
    await q.query(`UPDATE tip t SET tipster_activity_at = a.at
      FROM (
        SELECT tip_id, max(at) AS at FROM (
          SELECT tip_id, created_at AS at FROM tip_message WHERE author = 'TIPSTER'
          UNION ALL
          SELECT m.tip_id, m.from_tipster_at FROM tip_media m JOIN tip x ON x.id = m.tip_id WHERE m.from_tipster_at > x.received_at
        ) activity GROUP BY tip_id
      ) a WHERE a.tip_id = t.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tip DROP COLUMN tipster_activity_at, DROP COLUMN assignee_seen_at`);
  }
}
