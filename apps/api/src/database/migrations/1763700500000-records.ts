import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Records (apps/api/src/records, see its README): legal hold on tips and cases, the moment a tip
 * last changed status (what retention counts from), and each agency's retention policy.
 */
export class Records1763700500000 implements MigrationInterface {
  name = 'Records1763700500000';

  async up(q: QueryRunner): Promise<void> {
    // Adding columns with a constant default or none is a catalog change: no table rewrite.
    for (const table of ['tip', 'investigation_case']) {
      await q.query(`ALTER TABLE ${table}
        ADD COLUMN legal_hold boolean NOT NULL DEFAULT false,
        ADD COLUMN legal_hold_by uuid REFERENCES staff_user(id),
        ADD COLUMN legal_hold_at timestamptz,
        ADD COLUMN legal_hold_reason text,
        ADD CONSTRAINT ${table}_legal_hold_check
          CHECK (NOT legal_hold OR (legal_hold_by IS NOT NULL AND legal_hold_at IS NOT NULL))`);
    }

    // Retention counts from the day a tip was dismissed or closed, not from the day it arrived.
    // A trigger keeps it true whichever code path changes the status. Null means "never changed
    // since this migration"; readers fall back to received_at.
    await q.query(`ALTER TABLE tip ADD COLUMN status_changed_at timestamptz`);
    await q.query(`
      UPDATE tip t SET status_changed_at = e.at
        FROM (SELECT entity_id, max(created_at) AS at FROM audit_event
               WHERE entity_type = 'tip'
                 AND (action IN ('tip.linked', 'tip.unlinked') OR (action = 'tip.updated' AND data->'to' ? 'status'))
               GROUP BY entity_id) e
       WHERE t.id::text = e.entity_id AND t.status <> 'NEW'`);
    await q.query(`
      CREATE FUNCTION tip_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status THEN
          NEW.status_changed_at := now();
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER tip_status_changed BEFORE UPDATE OF status ON tip FOR EACH ROW EXECUTE FUNCTION tip_status_changed()`,
    );
    // The daily purge asks "which dismissed or closed tips are older than N days": only those rows.
    await q.query(`
      CREATE INDEX tip_retention_idx ON tip (agency_id, status, (coalesce(status_changed_at, received_at)))
       WHERE status IN ('NOT_ACTIONABLE', 'CLOSED')`);

    // One row per agency that chose its own periods; null (or no row) follows the defaults from
    // the environment (RETENTION_NOT_ACTIONABLE_DAYS, RETENTION_CLOSED_DAYS).
    await q.query(`
      CREATE TABLE retention_policy (
        agency_id uuid PRIMARY KEY REFERENCES agency(id),
        not_actionable_days integer CHECK (not_actionable_days > 0),
        closed_days integer CHECK (closed_days > 0),
        updated_by uuid NOT NULL REFERENCES staff_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE retention_policy`);
    await q.query(`DROP INDEX tip_retention_idx`);
    await q.query(`DROP TRIGGER tip_status_changed ON tip`);
    await q.query(`DROP FUNCTION tip_status_changed`);
    await q.query(`ALTER TABLE tip DROP COLUMN status_changed_at`);
    for (const table of ['investigation_case', 'tip']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_legal_hold_check,
        DROP COLUMN legal_hold_reason, DROP COLUMN legal_hold_at, DROP COLUMN legal_hold_by, DROP COLUMN legal_hold`);
    }
  }
}
