import { Injectable } from '@nestjs/common';
import { TipStatus } from '@vigie/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { commonError } from '../common/domain.exception';
import type { StaffActor } from '../common/staff-actor';
import { LiveEvents } from '../events/live-events';
import { AFTER_LAST_UNLINK, LINKABLE } from './tip-status';

export interface LinkableTip {
  id: string;
  status: TipStatus;
}

/**
 * What linking to a case does to a tip. The cases feature keeps the links (`case_tip`); a tip's
 * status is this feature's, and it moves only here, by the rules in tip-status.ts. Every method
 * runs in the caller's transaction, so the link and the tip's status commit together.
 */
@Injectable()
export class TipCaseLinks {
  constructor(
    private readonly audit: AuditService,
    private readonly live: LiveEvents,
  ) {}

  /**
   * Locks the agency's tips about to be linked (in id order, so two links never deadlock). A tip
   * that is not the agency's answers 404; those whose status cannot be linked come back in `refused`.
   */
  async lockForLinking(
    tx: EntityManager,
    agencyId: string,
    tipIds: string[],
  ): Promise<{ tips: LinkableTip[]; refused: LinkableTip[] }> {
    const tips: LinkableTip[] = await tx.query(
      `SELECT id, status FROM tip WHERE id = ANY($1::uuid[]) AND agency_id = $2 ORDER BY id FOR UPDATE`,
      [tipIds, agencyId],
    );
    if (tips.length !== new Set(tipIds).size) throw commonError('NOT_FOUND');
    return { tips, refused: tips.filter((t) => !LINKABLE.includes(t.status)) };
  }

  /** A tip locked by lockForLinking was linked to a case: it moves to LINKED, audited and announced. */
  async linked(
    tx: EntityManager,
    actor: StaffActor,
    tip: LinkableTip,
    linkedTo: { caseId: string; caseNumber: string },
  ): Promise<void> {
    if (!LINKABLE.includes(tip.status)) throw new Error(`A ${tip.status} tip cannot be linked`);
    await tx.query(`UPDATE tip SET status = $2, version = version + 1 WHERE id = $1`, [
      tip.id,
      TipStatus.LINKED,
    ]);
    await this.audit.append(tx, {
      agencyId: actor.agencyId,
      actorId: actor.userId,
      action: 'tip.linked',
      entityType: 'tip',
      entityId: tip.id,
      data: { ...linkedTo, from: { status: tip.status }, to: { status: TipStatus.LINKED } },
    });
    await this.live.emit(tx, actor.agencyId, 'tip.updated', { tipId: tip.id, status: TipStatus.LINKED });
  }

  /**
   * The tip's last link to a case was removed: a LINKED tip goes back to AFTER_LAST_UNLINK. A tip
   * that has moved on since it was linked (closed) keeps its status.
   */
  async unlinkedFromLastCase(tx: EntityManager, actor: StaffActor, tipId: string): Promise<void> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [moved] = (await tx.query(
      `UPDATE tip SET status = $3, version = version + 1 WHERE id = $1 AND agency_id = $2 AND status = $4 RETURNING id`,
      [tipId, actor.agencyId, AFTER_LAST_UNLINK, TipStatus.LINKED],
    )) as [unknown[], number];
    if (moved.length > 0)
      await this.live.emit(tx, actor.agencyId, 'tip.updated', { tipId, status: AFTER_LAST_UNLINK });
  }
}
