import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff administration (issue 14):
 * - an invited person has no password until they activate (password_hash NULL), and activated_at
 *   tells an invitation still pending from an account whose password was reset;
 * - a platform operator belongs to no agency and holds that one role; everyone else belongs to an
 *   agency and can never hold it (the CHECK keeps the two apart, whatever the code does);
 * - one-time links (invitation, password reset) are stored only as a SHA-256 of the token;
 * - sessions get a public id (the token's hash stays private) and a last-seen time;
 * - an agency publishes in the languages it chooses.
 */
export class StaffAdministration1763701300000 implements MigrationInterface {
  name = 'StaffAdministration1763701300000';

  async up(q: QueryRunner): Promise<void> {
    const agencyRoles = `'ADMIN','SUPERVISOR','INVESTIGATOR','PIO','ANALYST'`;
    await q.query(`ALTER TABLE staff_user DROP CONSTRAINT staff_user_roles_check`);
    await q.query(`ALTER TABLE staff_user
      ALTER COLUMN password_hash DROP NOT NULL,
      ALTER COLUMN agency_id DROP NOT NULL,
      ADD COLUMN activated_at timestamptz,
      ADD COLUMN last_sign_in_at timestamptz,
      ADD CONSTRAINT staff_user_roles_check CHECK (
        (agency_id IS NOT NULL AND cardinality(roles) > 0 AND roles <@ ARRAY[${agencyRoles}]::text[])
        OR (agency_id IS NULL AND roles = ARRAY['PLATFORM_OPERATOR']::text[]))`);
    // Everyone who exists today chose (or was given) a password: they are active.
    await q.query(`UPDATE staff_user SET activated_at = created_at`);

    await q.query(`ALTER TABLE staff_session
      ALTER COLUMN agency_id DROP NOT NULL,
      ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT staff_session_id_key UNIQUE,
      ADD COLUMN last_seen_at timestamptz`);

    await q.query(`
      CREATE TABLE staff_one_time_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL CONSTRAINT staff_one_time_link_token_key UNIQUE,
        user_id uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('INVITE', 'PASSWORD_RESET')),
        created_by uuid REFERENCES staff_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        totp_pending_enc text
      )`);
    await q.query(`CREATE INDEX staff_one_time_link_user_idx ON staff_one_time_link (user_id)`);

    await q.query(`ALTER TABLE agency
      ADD COLUMN languages text[] NOT NULL DEFAULT ARRAY['fr','en']::text[]
        CONSTRAINT agency_languages_check CHECK (cardinality(languages) > 0 AND languages <@ ARRAY['fr','en']::text[])`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency DROP COLUMN languages`);
    await q.query(`DROP TABLE staff_one_time_link`);
    await q.query(`ALTER TABLE staff_session DROP COLUMN last_seen_at, DROP COLUMN id`);
    await q.query(`DELETE FROM staff_user WHERE agency_id IS NULL OR password_hash IS NULL`);
    await q.query(`ALTER TABLE staff_user DROP CONSTRAINT staff_user_roles_check,
      DROP COLUMN last_sign_in_at, DROP COLUMN activated_at,
      ALTER COLUMN agency_id SET NOT NULL, ALTER COLUMN password_hash SET NOT NULL,
      ADD CONSTRAINT staff_user_roles_check CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['ADMIN','SUPERVISOR','INVESTIGATOR','PIO','ANALYST']::text[])`);
  }
}
