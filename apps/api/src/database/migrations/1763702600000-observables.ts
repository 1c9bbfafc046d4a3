import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Observables (issue 18): the plates, numbers, addresses, handles, vehicles and names read in a
 * tip's words, or typed by an investigator. One row per tip, kind, value and source (a value read
 * again is not stored twice, so extraction can run any number of times). An investigator's removal
 * or correction retracts a row rather than deleting it, so extraction never brings it back.
 *
 * `tip_observable_lookup` answers "which tips mention this plate" from the index alone (agency,
 * kind, value → tip ids); `tip_observable_tip` lists one tip's chips.
 */
export class Observables1763702600000 implements MigrationInterface {
  name = 'Observables1763702600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tip_observable (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agency(id),
        tip_id uuid NOT NULL REFERENCES tip(id),
        kind text NOT NULL CONSTRAINT tip_observable_kind_check
          CHECK (kind IN ('PLATE', 'PHONE', 'EMAIL', 'URL', 'HANDLE', 'ADDRESS', 'VEHICLE', 'PERSON')),
        value text NOT NULL CONSTRAINT tip_observable_value_check CHECK (length(value) BETWEEN 1 AND 300),
        source text NOT NULL CONSTRAINT tip_observable_source_check
          CHECK (source IN ('DESCRIPTION', 'PLACE', 'MESSAGE', 'MANUAL')),
        message_id uuid REFERENCES tip_message(id),
        span_start int,
        span_end int,
        added_by uuid REFERENCES staff_user(id),
        corrects uuid REFERENCES tip_observable(id),
        retracted_at timestamptz,
        retracted_by uuid REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tip_observable_once UNIQUE (tip_id, kind, value, source),
        CONSTRAINT tip_observable_span_check CHECK (
          (source = 'MANUAL' AND span_start IS NULL AND span_end IS NULL)
          OR (source <> 'MANUAL' AND span_start >= 0 AND span_end > span_start)
        )
      )`);
    await q.query(
      `CREATE INDEX tip_observable_lookup ON tip_observable (agency_id, kind, value, tip_id) WHERE retracted_at IS NULL`,
    );
    await q.query(`CREATE INDEX tip_observable_tip ON tip_observable (tip_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tip_observable`);
  }
}
