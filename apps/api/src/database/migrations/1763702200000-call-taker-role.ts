import { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES_BEFORE = `'ADMIN','SUPERVISOR','INVESTIGATOR','PIO','ANALYST'`;

/**
 * The call-taker (issue 19, point 1): an agency role that records phone tips and opens a caller's
 * thread on a call-back, nothing more. Only the roles CHECK changes; the platform operator stays
 * apart exactly as before.
 */
export class CallTakerRole1763702200000 implements MigrationInterface {
  name = 'CallTakerRole1763702200000';

  async up(q: QueryRunner): Promise<void> {
    await this.replaceCheck(q, `${ROLES_BEFORE},'CALL_TAKER'`);
  }

  async down(q: QueryRunner): Promise<void> {
    const [{ n }] = await q.query(
      `SELECT count(*)::int AS n FROM staff_user WHERE 'CALL_TAKER' = ANY (roles)`,
    );
    // Taking the role away would leave some accounts with none, or with less than an admin gave.
    if (n > 0) throw new Error(`${n} staff members hold CALL_TAKER: change their roles before reverting`);
    await this.replaceCheck(q, ROLES_BEFORE);
  }

  private async replaceCheck(q: QueryRunner, agencyRoles: string): Promise<void> {
    await q.query(`ALTER TABLE staff_user DROP CONSTRAINT staff_user_roles_check,
      ADD CONSTRAINT staff_user_roles_check CHECK (
        (agency_id IS NOT NULL AND cardinality(roles) > 0 AND roles <@ ARRAY[${agencyRoles}]::text[])
        OR (agency_id IS NULL AND roles = ARRAY['PLATFORM_OPERATOR']::text[]))`);
  }
}
