import { MigrationInterface, QueryRunner } from 'typeorm';

export class Tips1763700200000 implements MigrationInterface {
  name = 'Tips1763700200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tip (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agency(id),
        code text NOT NULL,
        password_hash text NOT NULL,
        appeal_id uuid REFERENCES appeal(id),
        description text NOT NULL,
        occurred_from timestamptz,
        occurred_to timestamptz,
        place text,
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        accuracy_m real,
        language text NOT NULL CHECK (language IN ('fr','en')),
        contact_enc text,
        contact_phone_key text,
        contact_email_key text,
        status text NOT NULL DEFAULT 'NEW',
        priority text NOT NULL CHECK (priority IN ('URGENT','HIGH','NORMAL','LOW')),
        version integer NOT NULL DEFAULT 1,
        received_at timestamptz NOT NULL,
        failed_sign_ins integer NOT NULL DEFAULT 0,
        sign_in_locked_until timestamptz,
        -- Unique across agencies: a tipster signs in with the code alone.
        CONSTRAINT tip_code_key UNIQUE (code),
        CHECK ((latitude IS NULL) = (longitude IS NULL))
      )`);
    await q.query(`CREATE INDEX tip_agency_received_idx ON tip (agency_id, received_at DESC)`);
    await q.query(`CREATE INDEX tip_appeal_idx ON tip (appeal_id) WHERE appeal_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE tip_media (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tip_id uuid NOT NULL REFERENCES tip(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        kind text NOT NULL CHECK (kind IN ('image','video','audio')),
        mime text NOT NULL,
        bytes bigint NOT NULL,
        sha256 text NOT NULL,
        from_tipster_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING','READY','FAILED')),
        renditions jsonb NOT NULL DEFAULT '[]'::jsonb,
        phash text,
        evidence jsonb,
        failure text,
        processed_at timestamptz
      )`);
    await q.query(`CREATE INDEX tip_media_tip_idx ON tip_media (tip_id)`);
    await q.query(`CREATE INDEX tip_media_sha256_idx ON tip_media (agency_id, sha256)`);

    await q.query(`
      CREATE TABLE tip_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tip_id uuid NOT NULL REFERENCES tip(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        author text NOT NULL CHECK (author IN ('TIPSTER','INVESTIGATOR')),
        staff_id uuid REFERENCES staff_user(id),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((author = 'INVESTIGATOR') = (staff_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX tip_message_tip_idx ON tip_message (tip_id, created_at)`);

    // A solved proof-of-work may be spent once, by any API process.
    await q.query(`
      CREATE TABLE spent_challenge (
        signature text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE spent_challenge`);
    await q.query(`DROP TABLE tip_message`);
    await q.query(`DROP TABLE tip_media`);
    await q.query(`DROP TABLE tip`);
  }
}
