import { MigrationInterface, QueryRunner } from 'typeorm';

export class Inbox1763700300000 implements MigrationInterface {
  name = 'Inbox1763700300000';

  async up(q: QueryRunner): Promise<void> {
    // unaccent() is only STABLE (it reads a dictionary); pinning the dictionary makes this
    // wrapper safe to use in an index and a generated column.
    await q.query(`
      CREATE FUNCTION vigie_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);

    await q.query(`ALTER TABLE tip
      ADD COLUMN assignee_id uuid REFERENCES staff_user(id),
      ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
      ADD COLUMN media_count integer NOT NULL DEFAULT 0,
      ADD COLUMN priority_rank smallint GENERATED ALWAYS AS (
        CASE priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END) STORED,
      ADD COLUMN has_location boolean GENERATED ALWAYS AS (latitude IS NOT NULL OR place IS NOT NULL) STORED,
      ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector(CASE language WHEN 'en' THEN 'english'::regconfig ELSE 'french'::regconfig END,
                    vigie_unaccent(description || ' ' || coalesce(place, '')))) STORED`);
    await q.query(
      `ALTER TABLE tip ADD CONSTRAINT tip_status_check CHECK (status IN ('NEW','IN_REVIEW','ACTIONABLE','NEEDS_INFO','NOT_ACTIONABLE','LINKED','CLOSED'))`,
    );
    // The inbox order (priority, then newest) with the id as tie-breaker for keyset pagination.
    await q.query(
      `CREATE INDEX tip_inbox_idx ON tip (agency_id, status, priority_rank, received_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX tip_inbox_all_idx ON tip (agency_id, priority_rank, received_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX tip_assignee_idx ON tip (assignee_id) WHERE assignee_id IS NOT NULL`);
    await q.query(`CREATE INDEX tip_tags_idx ON tip USING gin (tags)`);
    await q.query(`CREATE INDEX tip_search_idx ON tip USING gin (search_vector)`);

    await q.query(`
      CREATE TABLE tip_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tip_id uuid NOT NULL REFERENCES tip(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        author_id uuid NOT NULL REFERENCES staff_user(id),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX tip_note_tip_idx ON tip_note (tip_id, created_at)`);

    await q.query(`
      CREATE TABLE investigation_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agency(id),
        number text NOT NULL,
        title text NOT NULL,
        lead_id uuid REFERENCES staff_user(id),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_agency_number_key UNIQUE (agency_id, number)
      )`);
    await q.query(`
      CREATE TABLE case_number_counter (
        agency_id uuid NOT NULL REFERENCES agency(id),
        year integer NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (agency_id, year)
      )`);
    await q.query(`
      CREATE TABLE case_tip (
        case_id uuid NOT NULL REFERENCES investigation_case(id),
        tip_id uuid NOT NULL REFERENCES tip(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        linked_by uuid NOT NULL REFERENCES staff_user(id),
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, tip_id)
      )`);
    await q.query(`CREATE INDEX case_tip_tip_idx ON case_tip (tip_id)`);
    await q.query(`
      CREATE TABLE case_appeal (
        case_id uuid NOT NULL REFERENCES investigation_case(id),
        appeal_id uuid NOT NULL REFERENCES appeal(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        linked_by uuid NOT NULL REFERENCES staff_user(id),
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, appeal_id)
      )`);

    await q.query(`
      CREATE TABLE reward_claim (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agency(id),
        tip_id uuid NOT NULL REFERENCES tip(id),
        appeal_id uuid NOT NULL REFERENCES appeal(id),
        status text NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED','APPROVED','REFUSED','PAID')),
        terms jsonb NOT NULL,
        decision_reason text,
        payment_reference text,
        decided_by uuid REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        CONSTRAINT reward_claim_tip_key UNIQUE (tip_id)
      )`);

    // The live inbox's memory: every event, so a desk that reconnects with Last-Event-ID gets
    // what it missed. Old events are pruned; the audit log is the permanent record.
    await q.query(`
      CREATE TABLE live_event (
        id bigserial PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agency(id),
        type text NOT NULL,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX live_event_agency_idx ON live_event (agency_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'live_event',
      'reward_claim',
      'case_appeal',
      'case_tip',
      'case_number_counter',
      'investigation_case',
      'tip_note',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE tip DROP CONSTRAINT tip_status_check, DROP COLUMN search_vector, DROP COLUMN has_location,
      DROP COLUMN priority_rank, DROP COLUMN media_count, DROP COLUMN tags, DROP COLUMN assignee_id`);
    await q.query(`DROP FUNCTION vigie_unaccent`);
  }
}
