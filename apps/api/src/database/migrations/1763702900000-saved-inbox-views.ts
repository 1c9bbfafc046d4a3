import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An investigator's saved inbox views ("AMBER alert · new · with location"): a name and the
 * inbox's filters as its query string keeps them, per staff member and never shared. Names are
 * unique per person whatever their case, so the filter bar never shows two alike.
 */
export class SavedInboxViews1763702900000 implements MigrationInterface {
  name = 'SavedInboxViews1763702900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE saved_inbox_view (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agency(id),
      staff_id uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
      filters jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE UNIQUE INDEX saved_inbox_view_name_key ON saved_inbox_view (staff_id, lower(name))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE saved_inbox_view`);
  }
}
