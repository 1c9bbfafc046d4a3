import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RetentionPolicyView } from '@vigie/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { StaffActor } from '../../common/staff-actor';
import type { RetentionPolicyDto } from '../dtos/retention-policy.dto';
import { RetentionDefaults } from './retention-defaults';

@Injectable()
export class RetentionPolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly defaults: RetentionDefaults,
  ) {}

  async view(actor: StaffActor): Promise<RetentionPolicyView> {
    const [row] = await this.dataSource.query(
      `SELECT p.*, u.display_name FROM retention_policy p JOIN staff_user u ON u.id = p.updated_by WHERE p.agency_id = $1`,
      [actor.agencyId],
    );
    const agency = {
      notActionableDays: (row?.not_actionable_days as number | null) ?? null,
      closedDays: (row?.closed_days as number | null) ?? null,
      socialDays: (row?.social_days as number | null) ?? null,
    };
    return {
      notActionableDays: agency.notActionableDays ?? this.defaults.notActionableDays,
      closedDays: agency.closedDays ?? this.defaults.closedDays,
      socialDays: agency.socialDays ?? this.defaults.socialDays,
      agency,
      defaults: {
        notActionableDays: this.defaults.notActionableDays,
        closedDays: this.defaults.closedDays,
        socialDays: this.defaults.socialDays,
      },
      updatedAt: row?.updated_at.toISOString() ?? null,
      updatedBy: row ? { id: row.updated_by, displayName: row.display_name } : null,
    };
  }

  async update(actor: StaffActor, dto: RetentionPolicyDto): Promise<RetentionPolicyView> {
    const before = await this.view(actor);
    // Left out (a client from before the archive had a period): the agency's own period stays; null
    // is what sets it back to the default.
    const socialDays = dto.socialDays === undefined ? before.agency.socialDays : dto.socialDays;
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO retention_policy (agency_id, not_actionable_days, closed_days, social_days, updated_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (agency_id) DO UPDATE SET not_actionable_days = $2, closed_days = $3, social_days = $4, updated_by = $5, updated_at = now()`,
        [actor.agencyId, dto.notActionableDays, dto.closedDays, socialDays, actor.userId],
      );
      await this.audit.append(tx, {
        agencyId: actor.agencyId,
        actorId: actor.userId,
        action: 'retention.policy_changed',
        entityType: 'agency',
        entityId: actor.agencyId,
        data: {
          from: before.agency,
          to: { notActionableDays: dto.notActionableDays, closedDays: dto.closedDays, socialDays },
        },
      });
    });
    return this.view(actor);
  }
}
