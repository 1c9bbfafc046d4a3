import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HoldableRecord, LegalHoldView } from '@vigie/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { commonError } from '../../common/domain.exception';
import type { StaffActor } from '../../common/staff-actor';
import type { LegalHoldDto } from '../dtos/legal-hold.dto';

// Table names come from this closed map, never from input.
const TABLE: Record<HoldableRecord, string> = { tip: 'tip', case: 'investigation_case' };

/**
 * A legal hold keeps a record out of every purge until it is lifted (litigation, an appeal in
 * court, a records request in progress). Setting and lifting are audited with their reason; asking
 * for the state a record is already in changes nothing and writes nothing.
 */
@Injectable()
export class LegalHoldService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async view(actor: StaffActor, kind: HoldableRecord, id: string): Promise<LegalHoldView> {
    const [row] = await this.dataSource.query(
      `SELECT r.id, r.legal_hold, r.legal_hold_at, r.legal_hold_reason, u.id AS by_id, u.display_name
         FROM ${TABLE[kind]} r LEFT JOIN staff_user u ON u.id = r.legal_hold_by WHERE r.id = $1 AND r.agency_id = $2`,
      [id, actor.agencyId],
    );
    if (!row) throw commonError('NOT_FOUND');
    return {
      entityType: kind,
      id,
      hold: row.legal_hold,
      since: row.legal_hold_at?.toISOString() ?? null,
      by: row.by_id ? { id: row.by_id, displayName: row.display_name } : null,
      reason: row.legal_hold_reason,
    };
  }

  async set(actor: StaffActor, kind: HoldableRecord, id: string, dto: LegalHoldDto): Promise<LegalHoldView> {
    await this.dataSource.transaction(async (tx) => {
      // The row lock orders this against a purge of the same tip, which locks it too.
      const [row] = await tx.query(
        `SELECT legal_hold FROM ${TABLE[kind]} WHERE id = $1 AND agency_id = $2 FOR UPDATE`,
        [id, actor.agencyId],
      );
      if (!row) throw commonError('NOT_FOUND');
      if (row.legal_hold === dto.hold) return;
      const reason = dto.reason.trim();
      await tx.query(
        dto.hold
          ? `UPDATE ${TABLE[kind]} SET legal_hold = true, legal_hold_by = $2, legal_hold_at = now(), legal_hold_reason = $3 WHERE id = $1`
          : `UPDATE ${TABLE[kind]} SET legal_hold = false, legal_hold_by = NULL, legal_hold_at = NULL, legal_hold_reason = NULL WHERE id = $1`,
        dto.hold ? [id, actor.userId, reason] : [id],
      );
      await this.audit.append(tx, {
        agencyId: actor.agencyId,
        actorId: actor.userId,
        action: `${kind}.${dto.hold ? 'legal_hold_set' : 'legal_hold_lifted'}`,
        entityType: kind,
        entityId: id,
        data: { reason },
      });
    });
    return this.view(actor, kind, id);
  }
}
