import { MigrationInterface, QueryRunner } from 'typeorm';

export class Appeals1763700100000 implements MigrationInterface {
  name = 'Appeals1763700100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE agency ADD COLUMN allow_pio_self_publish_updates boolean NOT NULL DEFAULT false`,
    );
    await q.query(`ALTER TABLE agency ADD COLUMN public_phone text`);

    await q.query(`
      CREATE TABLE appeal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agency(id),
        slug text NOT NULL CONSTRAINT appeal_slug_key UNIQUE CHECK (slug ~ '^[a-z0-9-]{3,100}$'),
        kind text NOT NULL CHECK (kind IN ('WANTED','MISSING_PERSON','AMBER_ALERT','UNIDENTIFIED_PERSON','WITNESS_APPEAL')),
        status text NOT NULL CHECK (status IN ('DRAFT','IN_REVIEW','PUBLISHED','RESOLVED','ARCHIVED')),
        version integer NOT NULL DEFAULT 1,
        draft jsonb,
        revision_state text CHECK (revision_state IN ('EDITING','IN_REVIEW')),
        draft_editors uuid[] NOT NULL DEFAULT '{}',
        rejection_reason text,
        current_version_id uuid,
        outcome text CHECK (outcome IN ('ARRESTED','FOUND_SAFE','FOUND_DECEASED','IDENTIFIED','CANCELLED')),
        resolved_at timestamptz,
        first_published_at timestamptz,
        created_by uuid NOT NULL REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((draft IS NULL) = (revision_state IS NULL))
      )`);
    await q.query(`CREATE INDEX appeal_agency_status_idx ON appeal (agency_id, status)`);
    await q.query(
      `CREATE INDEX appeal_public_idx ON appeal (first_published_at DESC) WHERE status IN ('PUBLISHED','RESOLVED')`,
    );

    await q.query(`
      CREATE TABLE appeal_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        appeal_id uuid NOT NULL REFERENCES appeal(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        version_no integer NOT NULL,
        reason text NOT NULL CHECK (reason IN ('APPROVED','RESOLVED')),
        public jsonb NOT NULL,
        editors uuid[] NOT NULL,
        approved_by uuid REFERENCES staff_user(id),
        published_at timestamptz NOT NULL,
        CONSTRAINT appeal_version_number_key UNIQUE (appeal_id, version_no)
      )`);
    await q.query(
      `ALTER TABLE appeal ADD CONSTRAINT appeal_current_version_fkey FOREIGN KEY (current_version_id) REFERENCES appeal_version(id)`,
    );

    await q.query(`
      CREATE TABLE appeal_update (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        appeal_id uuid NOT NULL REFERENCES appeal(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        kind text NOT NULL CHECK (kind IN ('UPDATE','RUMOUR_CORRECTION')),
        text jsonb NOT NULL,
        state text NOT NULL CHECK (state IN ('IN_REVIEW','PUBLISHED','REJECTED')),
        author_id uuid NOT NULL REFERENCES staff_user(id),
        reviewed_by uuid REFERENCES staff_user(id),
        rejection_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX appeal_update_appeal_idx ON appeal_update (appeal_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE appeal_image (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        appeal_id uuid NOT NULL REFERENCES appeal(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        sha256 text NOT NULL,
        mime text NOT NULL,
        bytes bigint NOT NULL,
        renditions jsonb NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX appeal_image_appeal_idx ON appeal_image (appeal_id)`);

    // What was public is a record: a published version never changes, nor does a published update.
    await q.query(`
      CREATE FUNCTION appeal_record_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A pending update may still be approved or rejected; nothing else changes.
        IF TG_TABLE_NAME = 'appeal_update' AND TG_OP = 'UPDATE' THEN
          IF OLD.state = 'IN_REVIEW' THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION '% rows are public records and cannot be changed (% refused)', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER appeal_version_immutable BEFORE UPDATE OR DELETE ON appeal_version FOR EACH ROW EXECUTE FUNCTION appeal_record_immutable()`,
    );
    await q.query(
      `CREATE TRIGGER appeal_update_immutable BEFORE UPDATE OR DELETE ON appeal_update FOR EACH ROW EXECUTE FUNCTION appeal_record_immutable()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE appeal_image`);
    await q.query(`DROP TABLE appeal_update`);
    await q.query(`ALTER TABLE appeal DROP CONSTRAINT appeal_current_version_fkey`);
    await q.query(`DROP TABLE appeal_version`);
    await q.query(`DROP TABLE appeal`);
    await q.query(`DROP FUNCTION appeal_record_immutable`);
    await q.query(`ALTER TABLE agency DROP COLUMN public_phone, DROP COLUMN allow_pio_self_publish_updates`);
  }
}
