import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763700000000 implements MigrationInterface {
  name = 'Foundation1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);

    await q.query(`
      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CONSTRAINT agency_slug_key UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,60}$'),
        name text NOT NULL,
        require_totp boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    const roles = `'ADMIN','SUPERVISOR','INVESTIGATOR','PIO','ANALYST'`;
    await q.query(`
      CREATE TABLE staff_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agency(id),
        email text NOT NULL CHECK (email = lower(email)),
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY[${roles}]::text[]),
        totp_secret_enc text,
        totp_pending_enc text,
        totp_last_step bigint,
        totp_enabled boolean NOT NULL DEFAULT false,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT staff_user_email_key UNIQUE (email)
      )`);
    await q.query(`CREATE INDEX staff_user_agency_idx ON staff_user (agency_id)`);

    await q.query(`
      CREATE TABLE staff_session (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agency(id),
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX staff_session_user_idx ON staff_session (user_id)`);

    await q.query(`
      CREATE TABLE audit_event (
        id bigint PRIMARY KEY,
        chain text NOT NULL,
        agency_id uuid REFERENCES agency(id),
        actor_id uuid,
        action text NOT NULL,
        entity_type text,
        entity_id text,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL CONSTRAINT audit_event_hash_key UNIQUE
      )`);
    await q.query(`CREATE SEQUENCE audit_event_id_seq OWNED BY audit_event.id`);
    await q.query(`CREATE INDEX audit_event_chain_idx ON audit_event (chain, id)`);
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id)`);
    // Append-only, enforced by the database so that no code path (or person with SQL) edits history
    // without also disabling triggers, which the verifier then catches through the hash chain.
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only`);
    await q.query(`DROP TABLE staff_session`);
    await q.query(`DROP TABLE staff_user`);
    await q.query(`DROP TABLE agency`);
  }
}
