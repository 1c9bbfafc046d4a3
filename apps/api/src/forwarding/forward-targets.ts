import type { ForwardTarget } from '@vigie/common';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The agencies a tip may be forwarded to: the platform's other agencies that can receive one, i.e.
 * with at least one enabled, activated investigator or supervisor (an agency just created, or
 * whose staff are all disabled, would receive tips nobody reads). By name.
 */
const RECEIVING = `SELECT g.id, g.name FROM agency g
  WHERE g.id <> $1 AND EXISTS (
    SELECT 1 FROM staff_user u
     WHERE u.agency_id = g.id AND u.disabled_at IS NULL
       AND (u.activated_at IS NOT NULL OR u.password_hash IS NOT NULL)
       AND u.roles && ARRAY['INVESTIGATOR', 'SUPERVISOR']::text[])`;

export function forwardTargets(db: DataSource, agencyId: string): Promise<ForwardTarget[]> {
  return db.query(`${RECEIVING} ORDER BY g.name`, [agencyId]);
}

export async function forwardTarget(
  db: EntityManager,
  agencyId: string,
  targetId: string,
): Promise<ForwardTarget | undefined> {
  const [row] = await db.query(`${RECEIVING} AND g.id = $2`, [agencyId, targetId]);
  return row;
}
