import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { StaffRole, type StaffRef } from '@vigie/common';
import { DataSource, EntityManager } from 'typeorm';

/** Who may hold a tip: someone who can triage it (an analyst reads only; a PIO never sees tips). */
export const ASSIGNABLE_ROLES: readonly StaffRole[] = [StaffRole.INVESTIGATOR, StaffRole.SUPERVISOR];

export type AssigneeCheck = 'OK' | 'UNKNOWN' | 'UNAVAILABLE';

/**
 * The agency's people as other features need them (a tip's assignee, a case's lead), read from
 * identity's table here rather than by each feature. Scoped to the agency: someone of another
 * agency is UNKNOWN, exactly like someone who does not exist.
 */
@Injectable()
export class StaffDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Active colleagues who may be given a tip, by name. */
  async assignable(agencyId: string): Promise<StaffRef[]> {
    const rows: { id: string; display_name: string }[] = await this.dataSource.query(
      `SELECT id, display_name FROM staff_user
        WHERE agency_id = $1 AND disabled_at IS NULL AND roles && $2::text[]
        ORDER BY lower(display_name), id`,
      [agencyId, ASSIGNABLE_ROLES],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  /** Whether this person may be given a tip now: of the agency (else UNKNOWN), active and able to triage. */
  async checkAssignable(tx: EntityManager, agencyId: string, staffId: string): Promise<AssigneeCheck> {
    const [row]: { disabled: boolean; can_triage: boolean }[] = await tx.query(
      `SELECT disabled_at IS NOT NULL AS disabled, roles && $3::text[] AS can_triage
         FROM staff_user WHERE id = $1 AND agency_id = $2`,
      [staffId, agencyId, ASSIGNABLE_ROLES],
    );
    if (!row) return 'UNKNOWN';
    return row.disabled || !row.can_triage ? 'UNAVAILABLE' : 'OK';
  }
}
