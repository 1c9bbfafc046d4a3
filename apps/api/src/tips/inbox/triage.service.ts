import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BulkRefusal,
  BulkUpdateResult,
  BulkUpdateTipsDto,
  MessageAuthor,
  TipChannel,
  TipDetail,
  TipStatus,
  UpdateTipDto,
} from '@vigie/common';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, StaffActionRecorder } from '../../audit/audit.service';
import { commonError } from '../../common/domain.exception';
import { Clock } from '../../common/clock';
import { SecretBox } from '../../common/crypto/secret-box';
import type { StaffActor } from '../../common/staff-actor';
import { LiveEvents } from '../../events/live-events';
import { JobQueue } from '../../jobs/job-queue';
import { SMS_SEND_JOB } from '../../jobs/job-registry';
import { ByteRange, MediaStore } from '../../media/media-store';
import { TipDetailView } from '../../desk/tip-detail.view';
import { StaffDirectory } from '../../identity/staff-directory';
import { CONTACT_CONTEXT } from '../tipster-contact';
import { sealedTipMediaKey, TipMedia } from '../tip-media.entity';
import { TipMessage } from '../tip-message.entity';
import { canMove, TIP_TRANSITIONS } from '../tip-status';
import { Tip } from '../tip.entity';
import { tipError } from '../tips.errors';
import { TipOpenings } from '../tip-openings';

type Change = Pick<UpdateTipDto, 'status' | 'priority' | 'assigneeId' | 'tags'>;

/**
 * What investigators do to one tip: read it, claim or assign it, move it through the workflow,
 * tag it, note it, write to the tipster, and open a sealed original. Every change is audited in
 * its own transaction and announced live; a change made from a stale version is refused with the
 * current state, so two investigators never unknowingly work over each other.
 */
@Injectable()
export class TriageService {
  /** Audits what a staff member did to a tip. */
  private readonly record: StaffActionRecorder;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly live: LiveEvents,
    private readonly store: MediaStore,
    private readonly box: SecretBox,
    private readonly detailView: TipDetailView,
    private readonly jobs: JobQueue,
    private readonly openings: TipOpenings,
    private readonly staff: StaffDirectory,
    private readonly clock: Clock,
  ) {
    this.record = audit.about('tip');
  }

  /** The tip as the desk shows it (TipDetailView: it joins what other features keep about it). */
  detail(actor: StaffActor, id: string): Promise<TipDetail> {
    return this.detailView.read(actor, id);
  }

  /**
   * A staff member opens the tip's page: those who care are told first (TipOpenings); when it is
   * its assignee, the moment is kept, which clears the inbox's "new from the tipster" marker until
   * the tipster writes or sends files again. Then it is read.
   */
  async open(actor: StaffActor, id: string): Promise<TipDetail> {
    await this.openings.opened(actor, id);
    await this.dataSource.query(
      `UPDATE tip SET assignee_seen_at = $4 WHERE id = $1 AND agency_id = $2 AND assignee_id = $3`,
      [id, actor.agencyId, actor.userId, this.clock.now()],
    );
    return this.detail(actor, id);
  }

  async update(actor: StaffActor, id: string, dto: UpdateTipDto): Promise<TipDetail> {
    await this.dataSource.transaction(async (tx) => {
      const tip = await this.locked(tx, actor, id);
      if (tip.version !== dto.version) {
        throw tipError('STALE_VERSION', {
          details: {
            current: {
              version: tip.version,
              status: tip.status,
              priority: tip.priority,
              assigneeId: tip.assigneeId,
              tags: tip.tags,
            },
          },
        });
      }
      await this.apply(tx, actor, tip, dto);
    });
    return this.detail(actor, id);
  }

  /**
   * One request for many tips, each changed (and audited) in its own transaction, so one tip that
   * cannot take the change leaves the others changed: the refusals come back per tip with why (a
   * status it cannot move from, held by someone else, not this agency's). A bad assignee refuses
   * the whole request before anything changes.
   */
  async bulk(actor: StaffActor, dto: BulkUpdateTipsDto): Promise<BulkUpdateResult> {
    if (dto.status === undefined && dto.assigneeId === undefined && !dto.addTags?.length)
      throw tipError('NOTHING_TO_CHANGE');
    if (dto.status === TipStatus.LINKED) throw this.linkedRefusal();
    if (dto.assigneeId) await this.checkAssignee(this.dataSource.manager, actor, dto.assigneeId);
    const result: BulkUpdateResult = { updated: [], refused: [] };
    // In id order, as case links lock them, so two bulk changes never deadlock.
    for (const id of [...new Set(dto.ids)].sort()) {
      const refusal = await this.dataSource.transaction(async (tx): Promise<BulkRefusal | null> => {
        const tip = await tx.findOne(Tip, {
          where: { id, agencyId: actor.agencyId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!tip) return { id, code: 'NOT_FOUND', message: 'No such tip in your agency' };
        if (dto.status && !canMove(tip.status, dto.status))
          return {
            id,
            code: 'ILLEGAL_TRANSITION',
            message: `A ${tip.status} tip cannot become ${dto.status}`,
            status: tip.status,
            allowed: [...TIP_TRANSITIONS[tip.status]],
          };
        // Assigning in bulk must not silently take a tip another investigator is working on.
        if (
          dto.assigneeId !== undefined &&
          !dto.force &&
          tip.assigneeId &&
          tip.assigneeId !== dto.assigneeId &&
          tip.assigneeId !== actor.userId
        ) {
          const [holder] = await tx.query(`SELECT display_name FROM staff_user WHERE id = $1`, [
            tip.assigneeId,
          ]);
          return {
            id,
            code: 'HELD',
            message: 'Held by another investigator; confirm to take it',
            heldBy: { id: tip.assigneeId, displayName: holder?.display_name ?? '' },
          };
        }
        const tags = dto.addTags ? [...new Set([...tip.tags, ...dto.addTags])] : undefined;
        await this.apply(tx, actor, tip, { status: dto.status, assigneeId: dto.assigneeId, tags }, true);
        return null;
      });
      if (refusal) result.refused.push(refusal);
      else result.updated.push(id);
    }
    return result;
  }

  async addNote(actor: StaffActor, id: string, body: string): Promise<TipDetail> {
    await this.dataSource.transaction(async (tx) => {
      await this.locked(tx, actor, id);
      const [{ id: noteId }] = await tx.query(
        `INSERT INTO tip_note (tip_id, agency_id, author_id, body) VALUES ($1, $2, $3, $4) RETURNING id`,
        [id, actor.agencyId, actor.userId, body],
      );
      await this.record(tx, actor, id, 'tip.note_added', { noteId });
    });
    return this.detail(actor, id);
  }

  /** A question or answer to the tipster, shown in their follow-up without any staff name. */
  async messageTipster(actor: StaffActor, id: string, body: string): Promise<TipDetail> {
    await this.dataSource.transaction(async (tx) => {
      const tip = await this.locked(tx, actor, id);
      // The tipster's thread stays with the agency that sent the copy.
      if (tip.informationCopy) throw tipError('INFORMATION_COPY');
      if (tip.status === TipStatus.CLOSED)
        throw tipError('TIP_CLOSED', {
          message: 'This tip is closed; reopen it before writing to the tipster',
        });
      const message = await tx.save(TipMessage, {
        tipId: id,
        agencyId: actor.agencyId,
        author: MessageAuthor.INVESTIGATOR,
        staffId: actor.userId,
        body,
      });
      await this.record(tx, actor, id, 'tip.message_sent', { messageId: message.id });
      // A text-message tipster gets it by SMS too, sent after the commit by a retryable job.
      if (tip.channel === TipChannel.SMS)
        await this.jobs.sendInTransaction(tx, SMS_SEND_JOB, { messageId: message.id });
    });
    return this.detail(actor, id);
  }

  /** The tipster's contact details, decrypted for this request only, and audited. */
  async revealContact(actor: StaffActor, id: string): Promise<Record<string, string | undefined>> {
    return this.dataSource.transaction(async (tx) => {
      const [row] = await tx.query(`SELECT contact_enc FROM tip WHERE id = $1 AND agency_id = $2`, [
        id,
        actor.agencyId,
      ]);
      if (!row) throw commonError('NOT_FOUND');
      await this.record(tx, actor, id, 'tip.contact_revealed', {});
      return row.contact_enc ? JSON.parse(this.box.open(row.contact_enc, CONTACT_CONTEXT)) : {};
    });
  }

  /** A cleaned rendition of a tip's file, for staff screens: its size and format, then its bytes. */
  async rendition(
    actor: StaffActor,
    tipId: string,
    mediaId: string,
    file: string,
  ): Promise<{ format: string; bytes: number; read: (range?: ByteRange) => Promise<Readable> }> {
    const media = await this.dataSource
      .getRepository(TipMedia)
      .findOneBy({ id: mediaId, tipId, agencyId: actor.agencyId });
    const rendition = media?.renditions.find((r) => `${r.name}.${r.format}` === file);
    if (!rendition) throw commonError('NOT_FOUND');
    return {
      format: rendition.format,
      bytes: rendition.bytes,
      read: (range) => this.store.read(rendition.key, range),
    };
  }

  /** The sealed original, exactly as received: only on an explicit request with a reason, audited first. */
  async openOriginal(
    actor: StaffActor,
    tipId: string,
    mediaId: string,
    reason: string,
  ): Promise<{ stream: Readable; media: TipMedia }> {
    const media = await this.dataSource
      .getRepository(TipMedia)
      .findOneBy({ id: mediaId, tipId, agencyId: actor.agencyId });
    if (!media) throw commonError('NOT_FOUND');
    const tip = await this.dataSource.getRepository(Tip).findOneByOrFail({ id: tipId });
    if (tip.informationCopy) throw tipError('INFORMATION_COPY');
    await this.dataSource.transaction((tx) =>
      this.record(tx, actor, tipId, 'tip.original_opened', { mediaId, sha256: media.sha256, reason }),
    );
    return { stream: await this.store.read(sealedTipMediaKey(tipId, mediaId)), media };
  }

  private async apply(
    tx: EntityManager,
    actor: StaffActor,
    tip: Tip,
    change: Change,
    inBulk = false,
  ): Promise<void> {
    const before = { status: tip.status, priority: tip.priority, assigneeId: tip.assigneeId, tags: tip.tags };
    if (change.status === TipStatus.LINKED && tip.status !== TipStatus.LINKED) throw this.linkedRefusal();
    if (change.status && change.status !== TipStatus.LINKED && !canMove(tip.status, change.status)) {
      throw tipError('ILLEGAL_TRANSITION', {
        message: `A ${tip.status} tip cannot become ${change.status}`,
        details: { from: tip.status, to: change.status, allowed: TIP_TRANSITIONS[tip.status] },
      });
    }
    const newHolder = change.assigneeId !== undefined && change.assigneeId !== tip.assigneeId;
    if (newHolder && change.assigneeId) await this.checkAssignee(tx, actor, change.assigneeId);
    if (change.status) tip.status = change.status;
    if (change.priority) tip.priority = change.priority;
    if (change.assigneeId !== undefined) tip.assigneeId = change.assigneeId;
    if (change.tags) tip.tags = [...new Set(change.tags)];
    // A tip changing hands is unread by its new holder, unless they took it themselves (they have it open).
    if (newHolder) tip.assigneeSeenAt = tip.assigneeId === actor.userId ? this.clock.now() : null;
    tip.version += 1;
    await tx.update(
      Tip,
      { id: tip.id },
      {
        status: tip.status,
        priority: tip.priority,
        assigneeId: tip.assigneeId,
        tags: tip.tags,
        version: tip.version,
        assigneeSeenAt: tip.assigneeSeenAt,
      },
    );
    const after = { status: tip.status, priority: tip.priority, assigneeId: tip.assigneeId, tags: tip.tags };
    const changed = Object.fromEntries(
      Object.entries(after).filter(
        ([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k as keyof typeof before]),
      ),
    );
    await this.record(tx, actor, tip.id, 'tip.updated', {
      from: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]])),
      to: changed,
      ...(inBulk ? { bulk: true } : {}),
    });
    await this.live.emit(tx, actor.agencyId, 'tip.updated', {
      tipId: tip.id,
      version: tip.version,
      ...changed,
    });
  }

  /** A tip may be given to an active colleague of the agency who can triage; anyone else is refused. */
  private async checkAssignee(tx: EntityManager, actor: StaffActor, staffId: string): Promise<void> {
    const check = await this.staff.checkAssignable(tx, actor.agencyId, staffId);
    if (check === 'UNKNOWN')
      throw tipError('UNKNOWN_STAFF', { errors: { assigneeId: 'Not in your agency' } });
    if (check === 'UNAVAILABLE')
      throw tipError('ASSIGNEE_UNAVAILABLE', { errors: { assigneeId: 'Disabled, or cannot triage tips' } });
  }

  private linkedRefusal() {
    return tipError('ILLEGAL_TRANSITION', { message: 'Link the tip to a case to make it LINKED' });
  }

  private async locked(tx: EntityManager, actor: StaffActor, id: string): Promise<Tip> {
    const tip = await tx.findOne(Tip, {
      where: { id, agencyId: actor.agencyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!tip) throw commonError('NOT_FOUND');
    return tip;
  }
}
