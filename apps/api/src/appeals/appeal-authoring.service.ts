import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppealContent,
  AppealStatus,
  AppealUpdateState,
  CreateAppealDto,
  EditAppealDto,
  PostAppealUpdateDto,
  ResolveAppealDto,
  RevisionState,
  StaffRole,
} from '@vigie/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { commonError } from '../common/domain.exception';
import type { StaffActor } from '../common/staff-actor';
import { Agency } from '../identity/agency.entity';
import { JobQueue } from '../jobs/job-queue';
import { APPEAL_PUBLISHED_JOB, AppealPublication } from '../jobs/job-registry';
import { AppealImageRecord } from './appeal-image.entity';
import { checkAppealRules, slugFor } from './appeal-rules';
import { AppealUpdateRecord } from './appeal-update.entity';
import { AppealVersion } from './appeal-version.entity';
import { Appeal } from './appeal.entity';
import { appealError } from './appeals.errors';
import { PublicAppealCache } from './public-appeal-cache';
import { pendingSnapshot, PublicSnapshot, resolvedSnapshot } from './public-snapshot';

/**
 * The PIO's and supervisor's workflow. Every method locks the appeal row, checks the transition,
 * writes, and appends its audit line in one transaction. Whatever changes what the public sees
 * also invalidates the public caches of every API process.
 */
@Injectable()
export class AppealAuthoringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly publicCache: PublicAppealCache,
    private readonly jobs: JobQueue,
  ) {}

  async create(actor: StaffActor, dto: CreateAppealDto): Promise<Appeal> {
    checkAppealRules(dto.kind, dto.content);
    return this.dataSource.transaction(async (tx) => {
      const appeal = tx.create(Appeal, {
        agencyId: actor.agencyId,
        slug: slugFor(dto.content),
        kind: dto.kind,
        status: AppealStatus.DRAFT,
        version: 1,
        draft: dto.content,
        revisionState: RevisionState.EDITING,
        draftEditors: [actor.userId],
        createdBy: actor.userId,
      });
      await this.checkImages(tx, appeal, dto.content);
      await tx.insert(Appeal, appeal);
      await this.record(tx, actor, appeal, 'appeal.created', { kind: dto.kind });
      return appeal;
    });
  }

  /** Edits the working copy. On a published appeal this starts a new version; the live one stays. */
  async edit(actor: StaffActor, id: string, dto: EditAppealDto): Promise<Appeal> {
    return this.mutate(actor, id, async (tx, appeal) => {
      if (appeal.version !== dto.version)
        throw appealError('STALE_VERSION', { details: { current: { version: appeal.version } } });
      if (appeal.status === AppealStatus.RESOLVED || appeal.status === AppealStatus.ARCHIVED)
        throw appealError('NOT_EDITABLE');
      if (appeal.revisionState === RevisionState.IN_REVIEW) throw appealError('IN_REVIEW');
      checkAppealRules(appeal.kind, dto.content);
      await this.checkImages(tx, appeal, dto.content);
      appeal.draft = dto.content;
      appeal.revisionState = RevisionState.EDITING;
      appeal.draftEditors = union(appeal.draftEditors, actor.userId);
      return { action: 'appeal.edited' };
    });
  }

  async submit(actor: StaffActor, id: string): Promise<Appeal> {
    return this.mutate(actor, id, async (tx, appeal) => {
      if (appeal.revisionState === RevisionState.IN_REVIEW) throw appealError('IN_REVIEW');
      if (!appeal.draft) throw appealError('NOTHING_TO_SUBMIT');
      appeal.revisionState = RevisionState.IN_REVIEW;
      appeal.draftEditors = union(appeal.draftEditors, actor.userId);
      appeal.rejectionReason = null;
      if (appeal.status === AppealStatus.DRAFT) appeal.status = AppealStatus.IN_REVIEW;
      return { action: 'appeal.submitted' };
    });
  }

  /** Two-person rule: a supervisor who neither wrote nor submitted this version publishes it. */
  async approve(actor: StaffActor, id: string): Promise<Appeal> {
    return this.mutate(actor, id, async (tx, appeal) => {
      if (appeal.revisionState !== RevisionState.IN_REVIEW || !appeal.draft)
        throw appealError('NOT_IN_REVIEW');
      if (appeal.draftEditors.includes(actor.userId)) throw appealError('SELF_APPROVAL');
      const agency = await tx.findOneByOrFail(Agency, { id: appeal.agencyId });
      const snapshot = pendingSnapshot({ ...appeal, draft: appeal.draft }, agency);
      const version = await this.publishVersion(tx, appeal, snapshot, 'APPROVED', actor.userId);
      appeal.status = AppealStatus.PUBLISHED;
      appeal.firstPublishedAt ??= version.publishedAt;
      this.clearDraft(appeal);
      return {
        action: 'appeal.approved',
        data: { versionNo: version.versionNo },
        public: true,
        publication: { event: 'APPROVED', versionNo: version.versionNo },
      };
    });
  }

  async reject(actor: StaffActor, id: string, reason: string): Promise<Appeal> {
    return this.mutate(actor, id, async (_tx, appeal) => {
      if (appeal.revisionState !== RevisionState.IN_REVIEW) throw appealError('NOT_IN_REVIEW');
      appeal.revisionState = RevisionState.EDITING;
      appeal.rejectionReason = reason;
      if (appeal.status === AppealStatus.IN_REVIEW) appeal.status = AppealStatus.DRAFT;
      return { action: 'appeal.rejected', data: { reason } };
    });
  }

  /**
   * Resolution goes live at once, without review: it only ever withdraws information (and for a
   * found child, withdrawing the photo quickly is the point). A pending edit is dropped.
   */
  async resolve(actor: StaffActor, id: string, dto: ResolveAppealDto): Promise<Appeal> {
    return this.mutate(actor, id, async (tx, appeal) => {
      if (appeal.status !== AppealStatus.PUBLISHED || !appeal.currentVersionId)
        throw appealError('NOT_PUBLISHED');
      const current = await tx.findOneByOrFail(AppealVersion, { id: appeal.currentVersionId });
      const now = new Date();
      const version = await this.publishVersion(
        tx,
        appeal,
        resolvedSnapshot(current.public, dto.outcome, dto.note, now),
        'RESOLVED',
        null,
      );
      appeal.status = AppealStatus.RESOLVED;
      appeal.outcome = dto.outcome;
      appeal.resolvedAt = now;
      this.clearDraft(appeal);
      return {
        action: 'appeal.resolved',
        data: { outcome: dto.outcome, versionNo: version.versionNo },
        public: true,
        publication: { event: 'RESOLVED', versionNo: version.versionNo },
      };
    });
  }

  async archive(actor: StaffActor, id: string): Promise<Appeal> {
    return this.mutate(actor, id, async (_tx, appeal) => {
      if (appeal.status === AppealStatus.ARCHIVED) throw appealError('ALREADY_ARCHIVED');
      const wasPublic = appeal.currentVersionId !== null;
      appeal.status = AppealStatus.ARCHIVED;
      this.clearDraft(appeal);
      return {
        action: 'appeal.archived',
        public: wasPublic,
        publication: wasPublic ? { event: 'ARCHIVED' } : undefined,
      };
    });
  }

  /** An update or rumour correction: live at once if the agency lets PIOs self-publish, else reviewed. */
  async postUpdate(actor: StaffActor, id: string, dto: PostAppealUpdateDto): Promise<AppealUpdateRecord> {
    let update!: AppealUpdateRecord;
    await this.mutate(actor, id, async (tx, appeal) => {
      if (appeal.status !== AppealStatus.PUBLISHED) throw appealError('NOT_PUBLISHED');
      const agency = await tx.findOneByOrFail(Agency, { id: appeal.agencyId });
      const selfPublish = agency.allowPioSelfPublishUpdates;
      update = tx.create(AppealUpdateRecord, {
        appealId: appeal.id,
        agencyId: appeal.agencyId,
        kind: dto.kind,
        text: dto.text,
        state: selfPublish ? AppealUpdateState.PUBLISHED : AppealUpdateState.IN_REVIEW,
        authorId: actor.userId,
        publishedAt: selfPublish ? new Date() : null,
      });
      await tx.insert(AppealUpdateRecord, update);
      return {
        action: 'appeal.update_posted',
        data: { updateId: update.id, kind: dto.kind, state: update.state },
        public: selfPublish,
        publication: selfPublish ? { event: 'UPDATE', updateId: update.id } : undefined,
      };
    });
    return update;
  }

  async reviewUpdate(
    actor: StaffActor,
    id: string,
    updateId: string,
    decision: { approve: true } | { approve: false; reason: string },
  ) {
    let update!: AppealUpdateRecord;
    await this.mutate(actor, id, async (tx, appeal) => {
      const found = await tx.findOne(AppealUpdateRecord, {
        where: { id: updateId, appealId: appeal.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!found) throw commonError('NOT_FOUND');
      update = found;
      if (update.state !== AppealUpdateState.IN_REVIEW) throw appealError('UPDATE_NOT_PENDING');
      if (update.authorId === actor.userId) throw appealError('SELF_APPROVAL');
      if (decision.approve && appeal.status !== AppealStatus.PUBLISHED) throw appealError('NOT_PUBLISHED');
      update.state = decision.approve ? AppealUpdateState.PUBLISHED : AppealUpdateState.REJECTED;
      update.reviewedBy = actor.userId;
      update.publishedAt = decision.approve ? new Date() : null;
      update.rejectionReason = decision.approve ? null : decision.reason;
      await tx.save(AppealUpdateRecord, update);
      return {
        action: decision.approve ? 'appeal.update_approved' : 'appeal.update_rejected',
        data: { updateId },
        public: decision.approve,
        publication: decision.approve ? { event: 'UPDATE', updateId } : undefined,
      };
    });
    return update;
  }

  /** Locks the appeal, applies the change, bumps the version, audits, and invalidates public caches. */
  private async mutate(
    actor: StaffActor,
    id: string,
    change: (
      tx: EntityManager,
      appeal: Appeal,
    ) => Promise<{
      action: string;
      data?: Record<string, unknown>;
      public?: boolean;
      /** What reach (alerts, social posts) acts on, sent in the same transaction. */
      publication?: Omit<AppealPublication, 'appealId' | 'agencyId'>;
    }>,
  ): Promise<Appeal> {
    let isPublic = false;
    const appeal = await this.dataSource.transaction(async (tx) => {
      const appeal = await tx.findOne(Appeal, {
        where: { id, agencyId: actor.agencyId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!appeal) throw commonError('NOT_FOUND');
      const outcome = await change(tx, appeal);
      appeal.version += 1;
      appeal.updatedAt = new Date();
      await tx.save(Appeal, appeal);
      await this.record(tx, actor, appeal, outcome.action, outcome.data);
      if (outcome.public) {
        isPublic = true;
        await this.publicCache.notifyChanged(tx);
      }
      if (outcome.publication)
        await this.jobs.sendInTransaction(tx, APPEAL_PUBLISHED_JOB, {
          appealId: appeal.id,
          agencyId: appeal.agencyId,
          ...outcome.publication,
        });
      return appeal;
    });
    if (isPublic) this.publicCache.clear();
    return appeal;
  }

  private async publishVersion(
    tx: EntityManager,
    appeal: Appeal,
    snapshot: PublicSnapshot,
    reason: 'APPROVED' | 'RESOLVED',
    approvedBy: string | null,
  ) {
    const [{ next }] = await tx.query(
      `SELECT coalesce(max(version_no), 0) + 1 AS next FROM appeal_version WHERE appeal_id = $1`,
      [appeal.id],
    );
    const version = tx.create(AppealVersion, {
      appealId: appeal.id,
      agencyId: appeal.agencyId,
      versionNo: next,
      reason,
      public: snapshot,
      editors: appeal.draftEditors,
      approvedBy,
      publishedAt: new Date(),
    });
    await tx.insert(AppealVersion, version);
    appeal.currentVersionId = version.id;
    return version;
  }

  private clearDraft(appeal: Appeal): void {
    appeal.draft = null;
    appeal.revisionState = null;
    appeal.draftEditors = [];
    appeal.rejectionReason = null;
  }

  /** Images referenced by the content must have been uploaded to this very appeal. */
  private async checkImages(tx: EntityManager, appeal: Appeal, content: AppealContent): Promise<void> {
    const ids = (content.images ?? []).map((i) => i.id);
    if (ids.length === 0) return;
    const found = appeal.id ? await tx.countBy(AppealImageRecord, { id: In(ids), appealId: appeal.id }) : 0;
    if (found !== new Set(ids).size) throw appealError('UNKNOWN_IMAGE');
  }

  private record(
    tx: EntityManager,
    actor: StaffActor,
    appeal: Appeal,
    action: string,
    data?: Record<string, unknown>,
  ) {
    return this.audit.append(tx, {
      agencyId: actor.agencyId,
      actorId: actor.userId,
      action,
      entityType: 'appeal',
      entityId: appeal.id,
      data,
    });
  }
}

const union = (list: string[], id: string) => (list.includes(id) ? list : [...list, id]);

/** Roles that write appeals; supervisors review. */
export const APPEAL_AUTHORS = [StaffRole.PIO, StaffRole.SUPERVISOR, StaffRole.ADMIN] as const;
