import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Which tips mention this plate" lists them newest first, 50 at a time. The lookup index gave the
 * tip ids in id order, so a plate every tip of an appeal repeats (an AMBER alert's, 2,000 tips)
 * fetched all its tips to sort them by arrival before keeping 50. Each row now carries its tip's
 * arrival (`tip.received_at`, which never changes), and the lookup index is ordered by it: the
 * first page is an index-only range read of 51 entries, whatever the plate's count.
 */
export class ObservableArrival1763703000000 implements MigrationInterface {
  name = 'ObservableArrival1763703000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tip_observable ADD COLUMN tip_received_at timestamptz`);
    await q.query(
      `UPDATE tip_observable o SET tip_received_at = t.received_at FROM tip t WHERE t.id = o.tip_id`,
    );
    await q.query(`ALTER TABLE tip_observable ALTER COLUMN tip_received_at SET NOT NULL`);
    await q.query(`DROP INDEX tip_observable_lookup`);
    await q.query(
      `CREATE INDEX tip_observable_lookup ON tip_observable (agency_id, kind, value, tip_received_at, tip_id)
        WHERE retracted_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tip_observable_lookup`);
    await q.query(
      `CREATE INDEX tip_observable_lookup ON tip_observable (agency_id, kind, value, tip_id) WHERE retracted_at IS NULL`,
    );
    await q.query(`ALTER TABLE tip_observable DROP COLUMN tip_received_at`);
  }
}
