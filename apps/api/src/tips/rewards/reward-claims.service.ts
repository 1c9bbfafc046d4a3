import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RewardClaimView, RewardDecisionDto } from '@vigie/common';
import { Clock } from '../../common/clock';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { commonError } from '../../common/domain.exception';
import type { StaffActor } from '../../common/staff-actor';
import { LiveEvents } from '../../events/live-events';
import { tipError } from '../tips.errors';

interface ClaimRow {
  id: string;
  tip_id: string;
  code: string;
  appeal_id: string;
  status: RewardClaimView['status'];
  terms: Record<string, unknown>;
  decision_reason: string | null;
  payment_reference: string | null;
  created_at: Date;
  decided_at: Date | null;
}

const CLAIM_COLUMNS = `c.id, c.tip_id, t.code, c.appeal_id, c.status, c.terms, c.decision_reason, c.payment_reference, c.created_at, c.decided_at`;

/**
 * Reward claims. The tipster claims from follow-up, against the reward terms in force when the tip
 * arrived (kept with the tip, whatever the appeal became since); staff see the claim by tip code only, decide, and record the
 * payment reference, so the agency can pay without ever learning who the tipster is.
 */
@Injectable()
export class RewardClaimsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly live: LiveEvents,
    private readonly clock: Clock,
  ) {}

  async claim(tipId: string): Promise<RewardClaimView> {
    const id = await this.dataSource.transaction(async (tx) => {
      const [tip] = await tx.query(
        `SELECT t.agency_id, t.appeal_id, t.reward_terms AS reward FROM tip t WHERE t.id = $1 FOR UPDATE OF t`,
        [tipId],
      );
      if (!tip?.reward) throw tipError('REWARD_NOT_OFFERED');
      if (tip.reward.expiresAt && new Date(tip.reward.expiresAt) <= this.clock.now())
        throw tipError('REWARD_EXPIRED');
      const inserted = await tx.query(
        `INSERT INTO reward_claim (agency_id, tip_id, appeal_id, terms) VALUES ($1, $2, $3, $4) ON CONFLICT ON CONSTRAINT reward_claim_tip_key DO NOTHING RETURNING id`,
        [tip.agency_id, tipId, tip.appeal_id, JSON.stringify(tip.reward)],
      );
      if (inserted.length === 0) throw tipError('REWARD_ALREADY_CLAIMED');
      const claimId: string = inserted[0].id;
      await this.audit.append(tx, {
        agencyId: tip.agency_id,
        actorId: null,
        action: 'reward.claimed',
        entityType: 'tip',
        entityId: tipId,
        data: { claimId },
      });
      await this.live.emit(tx, tip.agency_id, 'reward.claimed', { tipId, claimId });
      return claimId;
    });
    return (await this.find(this.dataSource.manager, id))!;
  }

  async forTip(tipId: string): Promise<RewardClaimView | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT ${CLAIM_COLUMNS} FROM reward_claim c JOIN tip t ON t.id = c.tip_id WHERE c.tip_id = $1`,
      [tipId],
    );
    return row && toView(row);
  }

  async list(actor: StaffActor, status?: string): Promise<RewardClaimView[]> {
    const rows: ClaimRow[] = await this.dataSource.query(
      `SELECT ${CLAIM_COLUMNS} FROM reward_claim c JOIN tip t ON t.id = c.tip_id WHERE c.agency_id = $1 AND ($2::text IS NULL OR c.status = $2) ORDER BY c.created_at DESC LIMIT 500`,
      [actor.agencyId, status ?? null],
    );
    return rows.map(toView);
  }

  async decide(actor: StaffActor, id: string, dto: RewardDecisionDto): Promise<RewardClaimView> {
    return this.change(actor, id, async (tx, claim) => {
      if (claim.status !== 'REQUESTED') throw tipError('CLAIM_NOT_PENDING');
      const status = dto.decision === 'APPROVE' ? 'APPROVED' : 'REFUSED';
      await tx.query(
        `UPDATE reward_claim SET status = $2, decision_reason = $3, decided_by = $4, decided_at = now() WHERE id = $1`,
        [id, status, dto.reason ?? null, actor.userId],
      );
      return { action: `reward.${status.toLowerCase()}`, data: { reason: dto.reason } };
    });
  }

  async recordPayment(actor: StaffActor, id: string, reference: string): Promise<RewardClaimView> {
    return this.change(actor, id, async (tx, claim) => {
      if (claim.status !== 'APPROVED') throw tipError('CLAIM_NOT_APPROVED');
      await tx.query(`UPDATE reward_claim SET status = 'PAID', payment_reference = $2 WHERE id = $1`, [
        id,
        reference,
      ]);
      return { action: 'reward.paid', data: { reference } };
    });
  }

  private async change(
    actor: StaffActor,
    id: string,
    apply: (tx: EntityManager, claim: ClaimRow) => Promise<{ action: string; data: Record<string, unknown> }>,
  ): Promise<RewardClaimView> {
    await this.dataSource.transaction(async (tx) => {
      const [claim]: ClaimRow[] = await tx.query(
        `SELECT ${CLAIM_COLUMNS} FROM reward_claim c JOIN tip t ON t.id = c.tip_id WHERE c.id = $1 AND c.agency_id = $2 FOR UPDATE OF c`,
        [id, actor.agencyId],
      );
      if (!claim) throw commonError('NOT_FOUND');
      const { action, data } = await apply(tx, claim);
      await this.audit.append(tx, {
        agencyId: actor.agencyId,
        actorId: actor.userId,
        action,
        entityType: 'tip',
        entityId: claim.tip_id,
        data: { claimId: id, ...data },
      });
      await this.live.emit(tx, actor.agencyId, 'reward.updated', { tipId: claim.tip_id, claimId: id });
    });
    return (await this.find(this.dataSource.manager, id))!;
  }

  private async find(manager: EntityManager, id: string): Promise<RewardClaimView | undefined> {
    const [row] = await manager.query(
      `SELECT ${CLAIM_COLUMNS} FROM reward_claim c JOIN tip t ON t.id = c.tip_id WHERE c.id = $1`,
      [id],
    );
    return row && toView(row);
  }
}

function toView(r: ClaimRow): RewardClaimView {
  return {
    id: r.id,
    tipId: r.tip_id,
    tipCode: r.code,
    appealId: r.appeal_id,
    status: r.status,
    terms: r.terms,
    decisionReason: r.decision_reason ?? undefined,
    paymentReference: r.payment_reference ?? undefined,
    createdAt: r.created_at.toISOString(),
    decidedAt: r.decided_at?.toISOString(),
  };
}
