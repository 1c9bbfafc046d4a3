import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ForwardMode, ForwardRecord, ForwardSnapshot, ForwardTarget, ForwardTipDto } from '@vigie/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry, AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { commonError } from '../common/domain.exception';
import type { StaffActor } from '../common/staff-actor';
import { DuplicateSignals } from '../dedupe/duplicate-signals.service';
import { LiveEvents } from '../events/live-events';
import { TipObservables } from '../observables/tip-observables.service';
import { JobQueue } from '../jobs/job-queue';
import { DEDUPE_SCORE_JOB } from '../jobs/job-registry';
import { TipOpenings } from '../tips/tip-openings';
import { ForwardableTip, TipOwnership, TriageState } from '../tips/tip-ownership.service';
import { sentForward } from './forward-records';
import { forwardTarget } from './forward-targets';
import { forwardingError, TRANSFER_REFUSALS } from './forwarding.errors';

type LiveLine = [agencyId: string, type: string, data: Record<string, unknown>];

interface PendingForward {
  id: string;
  mode: ForwardMode;
  tip_id: string;
  received_tip_id: string;
  from_agency_id: string;
  to_agency_id: string;
  origin_state: TriageState | null;
  received_audit_id: string;
  opened_at: Date | null;
  revoked_at: Date | null;
}

/**
 * Forwarding a tip to another agency of the platform, revoking it, and noting when the receiving
 * agency opens it. Each step is one transaction that writes the tip's move (through tips'
 * TipOwnership), the forward's row, and a line in both agencies' audit chains.
 */
@Injectable()
export class ForwardingService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ownership: TipOwnership,
    private readonly signals: DuplicateSignals,
    private readonly observables: TipObservables,
    private readonly openings: TipOpenings,
    private readonly audit: AuditService,
    private readonly live: LiveEvents,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.openings.subscribe((actor, tipId) => this.opened(actor, tipId));
  }

  async forward(actor: StaffActor, tipId: string, dto: ForwardTipDto): Promise<ForwardRecord> {
    if (dto.agency === actor.agencyId)
      throw forwardingError('SAME_AGENCY', { errors: { agency: 'Choose another agency than yours' } });
    const forwardId = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      const target = await forwardTarget(tx, actor.agencyId, dto.agency);
      if (!target)
        throw forwardingError('UNKNOWN_AGENCY', { errors: { agency: 'Choose an agency from the list' } });
      const tip = await this.ownership.lockForForward(tx, actor.agencyId, tipId);
      const [pending] = await tx.query(
        `SELECT 1 FROM tip_forward WHERE tip_id = $1 AND to_agency_id = $2 AND opened_at IS NULL AND revoked_at IS NULL`,
        [tip.id, target.id],
      );
      if (pending) throw forwardingError('ALREADY_FORWARDED');
      if (dto.mode === ForwardMode.TRANSFER) await this.refuseTransfer(tx, tip);

      const now = this.clock.now();
      const moved =
        dto.mode === ForwardMode.TRANSFER
          ? await this.transfer(tx, tip, target)
          : await this.copy(tx, tip, target);
      const note = dto.note.trim();
      const facts = { forwardId, mode: dto.mode };
      const [, received] = await this.appendToBoth(tx, [
        {
          agencyId: actor.agencyId,
          actorId: actor.userId,
          action: 'tip.forwarded',
          entityType: 'tip',
          entityId: tip.id,
          data: { ...facts, to: target, receivedTipId: moved.receivedTipId, mediaSent: moved.mediaSent },
        },
        {
          agencyId: target.id,
          actorId: null,
          action: 'tip.forward_received',
          entityType: 'tip',
          entityId: moved.receivedTipId,
          data: { ...facts, from: { id: actor.agencyId } },
        },
      ]);
      const snapshot = this.snapshotOf(tip, moved.mediaSent, dto.mode);
      await tx.query(
        `INSERT INTO tip_forward (id, tip_id, received_tip_id, mode, from_agency_id, to_agency_id, note, forwarded_by,
                                  forwarded_at, snapshot, origin_state, received_audit_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          forwardId,
          tip.id,
          moved.receivedTipId,
          dto.mode,
          actor.agencyId,
          target.id,
          note,
          actor.userId,
          now,
          snapshot,
          moved.originState,
          received.id,
        ],
      );
      await this.announce(tx, [
        [target.id, 'tip.received', { tipId: moved.receivedTipId }],
        ...(dto.mode === ForwardMode.TRANSFER
          ? [[actor.agencyId, 'tip.updated', { tipId: tip.id, forwarded: true }] as LiveLine]
          : []),
      ]);
    });
    return (await sentForward(this.dataSource, actor.agencyId, forwardId))!;
  }

  /**
   * Takes a forward back while the other agency has not opened it nor done anything with it: a
   * transferred tip comes back as triage left it here, a copy is deleted with its files.
   */
  async revoke(actor: StaffActor, tipId: string, forwardId: string): Promise<ForwardRecord> {
    const after = await this.dataSource.transaction(async (tx) => {
      const [f]: PendingForward[] = await tx.query(
        `SELECT * FROM tip_forward WHERE id = $1 AND tip_id = $2 AND from_agency_id = $3 FOR UPDATE`,
        [forwardId, tipId, actor.agencyId],
      );
      if (!f) throw commonError('NOT_FOUND');
      if (f.revoked_at) throw forwardingError('FORWARD_REVOKED');
      if (f.opened_at || (await this.actedOn(tx, f))) throw forwardingError('FORWARD_OPENED');
      let afterCommit: (() => Promise<void>) | undefined;
      if (f.mode === ForwardMode.TRANSFER) {
        const back = await this.ownership.giveBack(
          tx,
          f.tip_id,
          f.to_agency_id,
          actor.agencyId,
          f.origin_state!,
        );
        if (!back) throw forwardingError('FORWARD_OPENED');
        await this.observables.moveWithTip(tx, f.tip_id, actor.agencyId);
        await this.signals.forget(tx, f.tip_id);
        await this.jobs.sendInTransaction(tx, DEDUPE_SCORE_JOB, { tipId: f.tip_id });
      } else {
        afterCommit = await this.ownership.removeCopy(tx, f.received_tip_id);
      }
      await tx.query(`UPDATE tip_forward SET revoked_at = $2, revoked_by = $3 WHERE id = $1`, [
        f.id,
        this.clock.now(),
        actor.userId,
      ]);
      const facts = { forwardId: f.id, mode: f.mode };
      await this.appendToBoth(tx, [
        {
          agencyId: actor.agencyId,
          actorId: actor.userId,
          action: 'tip.forward_revoked',
          entityType: 'tip',
          entityId: f.tip_id,
          data: { ...facts, to: { id: f.to_agency_id } },
        },
        {
          agencyId: f.to_agency_id,
          actorId: null,
          action: 'tip.forward_revoked',
          entityType: 'tip',
          entityId: f.received_tip_id,
          data: { ...facts, from: { id: actor.agencyId } },
        },
      ]);
      await this.announce(tx, [
        [f.to_agency_id, 'tip.updated', { tipId: f.received_tip_id, revoked: true }],
        ...(f.mode === ForwardMode.TRANSFER
          ? [[actor.agencyId, 'tip.received', { tipId: f.tip_id }] as LiveLine]
          : []),
      ]);
      return afterCommit;
    });
    await after?.();
    return (await sentForward(this.dataSource, actor.agencyId, forwardId))!;
  }

  /** The read-only record of a forward the caller's agency sent; 404 for any other. */
  async record(actor: StaffActor, forwardId: string): Promise<ForwardRecord> {
    const record = await sentForward(this.dataSource, actor.agencyId, forwardId);
    if (!record) throw commonError('NOT_FOUND');
    return record;
  }

  /**
   * A staff member of the receiving agency opened a tip forwarded to it: from now on the sender can
   * no longer take it back. Recorded once, in both chains. A cheap look first: most tips were never
   * forwarded, and this runs on every opening of a tip's page.
   */
  private async opened(actor: StaffActor, tipId: string): Promise<void> {
    const [candidate] = await this.dataSource.query(
      `SELECT 1 FROM tip_forward WHERE received_tip_id = $1 AND to_agency_id = $2 AND opened_at IS NULL AND revoked_at IS NULL`,
      [tipId, actor.agencyId],
    );
    if (!candidate) return;
    await this.dataSource.transaction(async (tx) => {
      const [rows] = (await tx.query(
        `UPDATE tip_forward SET opened_at = $3, opened_by = $4
          WHERE received_tip_id = $1 AND to_agency_id = $2 AND opened_at IS NULL AND revoked_at IS NULL
          RETURNING id, mode, tip_id, from_agency_id`,
        [tipId, actor.agencyId, this.clock.now(), actor.userId],
      )) as [{ id: string; mode: ForwardMode; tip_id: string; from_agency_id: string }[], number];
      for (const f of rows) {
        const facts = { forwardId: f.id, mode: f.mode };
        await this.appendToBoth(tx, [
          {
            agencyId: f.from_agency_id,
            actorId: null,
            action: 'tip.forward_opened',
            entityType: 'tip',
            entityId: f.tip_id,
            data: { ...facts, by: { id: actor.agencyId } },
          },
          {
            agencyId: actor.agencyId,
            actorId: actor.userId,
            action: 'tip.forward_opened',
            entityType: 'tip',
            entityId: tipId,
            data: { ...facts, from: { id: f.from_agency_id } },
          },
        ]);
      }
    });
  }

  /**
   * A transfer would leave the sender's cases, clusters and reward claims pointing at nothing, or
   * hand another agency a duty that is the sender's (a legal hold, a reward it offered): refused.
   */
  private async refuseTransfer(tx: EntityManager, tip: ForwardableTip): Promise<void> {
    const refuse = (reason: keyof typeof TRANSFER_REFUSALS) =>
      forwardingError('TRANSFER_REFUSED', { message: TRANSFER_REFUSALS[reason], details: { reason } });
    if (tip.channel === 'SMS') throw refuse('TEXT_MESSAGE');
    if (tip.hasRewardClaim) throw refuse('REWARD_CLAIM');
    if (tip.hasRewardTerms) throw refuse('REWARD_TERMS');
    if (tip.legalHold) throw refuse('LEGAL_HOLD');
    const [linked] = await tx.query(`SELECT 1 FROM case_tip WHERE tip_id = $1 LIMIT 1`, [tip.id]);
    if (linked) throw refuse('IN_CASE');
    if (await this.signals.isMerged(tx, tip.id)) throw refuse('MERGED');
  }

  private async transfer(tx: EntityManager, tip: ForwardableTip, target: ForwardTarget) {
    const originState: TriageState = { status: tip.status, assigneeId: tip.assigneeId, tags: tip.tags };
    await this.ownership.transfer(tx, tip, target.id);
    await this.observables.moveWithTip(tx, tip.id, target.id);
    // Duplicates are looked for within an agency: the tip's pairs with this agency's tips go, and
    // it is scored again among the new owner's.
    await this.signals.forget(tx, tip.id);
    await this.jobs.sendInTransaction(tx, DEDUPE_SCORE_JOB, { tipId: tip.id });
    return { receivedTipId: tip.id, mediaSent: tip.mediaCount, originState };
  }

  private async copy(tx: EntityManager, tip: ForwardableTip, target: ForwardTarget) {
    const copy = await this.ownership.copy(tx, tip, target.id);
    await this.jobs.sendInTransaction(tx, DEDUPE_SCORE_JOB, { tipId: copy.tipId });
    return { receivedTipId: copy.tipId, mediaSent: copy.mediaSent, originState: null };
  }

  private snapshotOf(tip: ForwardableTip, mediaSent: number, mode: ForwardMode): ForwardSnapshot {
    return {
      code: tip.code,
      receivedAt: tip.receivedAt.toISOString(),
      channel: tip.channel,
      status: tip.status,
      priority: tip.priority,
      language: tip.language,
      description: tip.description,
      place: tip.place ?? undefined,
      occurredFrom: tip.occurredFrom?.toISOString(),
      occurredTo: tip.occurredTo?.toISOString(),
      appeal: tip.appealSlug ? { slug: tip.appealSlug } : undefined,
      mediaSent,
      contactSent: mode === ForwardMode.TRANSFER && tip.hasContact,
    };
  }

  /**
   * Whether the receiving agency has done anything with the tip since it arrived (any audited
   * action: a status, a note, a link to a case, a merge, a hold, an export), opened or not.
   */
  private async actedOn(tx: EntityManager, f: PendingForward): Promise<boolean> {
    const [row] = await tx.query(
      `SELECT 1 FROM audit_event WHERE chain = $1 AND entity_type = 'tip' AND entity_id = $2 AND id > $3 LIMIT 1`,
      [f.to_agency_id, f.received_tip_id, f.received_audit_id],
    );
    return !!row;
  }

  /**
   * Live events to the desks, last in the transaction and in the order of the agencies' ids: each
   * holds its agency's ordering lock to the commit, as the batched intake events take them.
   */
  private async announce(tx: EntityManager, lines: LiveLine[]): Promise<void> {
    for (const [agencyId, type, data] of [...lines].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
      await this.live.emit(tx, agencyId, type, data);
  }

  /**
   * One line in each agency's chain, appended in the order of the chains' ids: each append holds
   * its chain's lock to the end of the transaction, so two forwards crossing between the same two
   * agencies must take the locks in the same order, or they would wait on each other forever.
   */
  private async appendToBoth(tx: EntityManager, entries: [AuditEntry, AuditEntry]) {
    const order = entries[0].agencyId! < entries[1].agencyId! ? [0, 1] : [1, 0];
    const events = [];
    for (const i of order) events[i] = await this.audit.append(tx, entries[i]);
    return events as [(typeof events)[0], (typeof events)[0]];
  }
}
