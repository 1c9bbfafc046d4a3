import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on (identity/sso): one OpenID Connect provider per agency, and the link between a
 * provider's account (issuer + subject, the only stable identity OIDC gives) and a staff member.
 * The client secret is sealed with the deployment key (SecretBox), never stored in clear.
 */
export class AgencySso1763701400000 implements MigrationInterface {
  name = 'AgencySso1763701400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE agency_sso (
      agency_id uuid PRIMARY KEY REFERENCES agency(id) ON DELETE CASCADE,
      enabled boolean NOT NULL DEFAULT true,
      issuer text NOT NULL,
      client_id text NOT NULL,
      client_secret_enc text NOT NULL,
      scopes text NOT NULL DEFAULT 'openid email profile',
      groups_claim text NOT NULL DEFAULT 'groups',
      role_mapping jsonb NOT NULL DEFAULT '{}',
      password_sign_in boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE sso_identity (
      issuer text NOT NULL,
      subject text NOT NULL,
      staff_user_id uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
      linked_at timestamptz NOT NULL DEFAULT now(),
      last_sign_in_at timestamptz,
      CONSTRAINT sso_identity_pkey PRIMARY KEY (issuer, subject),
      CONSTRAINT sso_identity_staff_user_unique UNIQUE (staff_user_id, issuer)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sso_identity`);
    await q.query(`DROP TABLE agency_sso`);
  }
}
