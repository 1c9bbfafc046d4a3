import type { DataSource, EntityManager } from 'typeorm';

/**
 * Whether the agency signs in through its provider only: single sign-on enabled with password
 * sign-in turned off (`agency_sso`). A platform operator belongs to no agency and keeps passwords.
 */
export async function passwordSignInOff(
  db: DataSource | EntityManager,
  agencyId: string | null,
): Promise<boolean> {
  if (!agencyId) return false;
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM agency_sso WHERE agency_id = $1 AND enabled AND NOT password_sign_in`,
    [agencyId],
  );
  return rows.length > 0;
}
