import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseSummary, CaseView, CreateCaseDto, UpdateCaseDto } from '@vigie/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, StaffActionRecorder } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { commonError } from '../common/domain.exception';
import type { StaffActor } from '../common/staff-actor';
import { CaseDetailView, caseFields, CaseRow } from '../desk/case-detail.view';
import { Agencies } from '../identity/agencies.service';
import { StaffDirectory } from '../identity/staff-directory';
import { TipCaseLinks } from '../tips/tip-case-links.service';
import { caseError } from './cases.errors';

/**
 * Cases gather the tips and appeals of one investigation. Case numbers are per agency and year
 * (2026-000123), drawn from a counter row so that two cases never share one; the year is the one
 * the agency's own clock reads (a case opened on 31 December at 8 p.m. in Toronto is numbered in
 * that year, though it is already 1 January in UTC). Cases keep the links
 * (`case_tip`, `case_appeal`); what a link does to a tip's status is the tips feature's
 * (TipCaseLinks): linking moves it to LINKED, unlinking it from its last case back to ACTIONABLE.
 */
@Injectable()
export class CasesService {
  /** Audits what a staff member did to a case. */
  private readonly record: StaffActionRecorder;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly tipLinks: TipCaseLinks,
    private readonly detailView: CaseDetailView,
    private readonly staff: StaffDirectory,
    private readonly agencies: Agencies,
    private readonly clock: Clock,
  ) {
    this.record = audit.about('case');
  }

  private async localYear(agencyId: string): Promise<number> {
    const { timeZone } = await this.agencies.settings(agencyId);
    return Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(this.clock.now()));
  }

  async create(actor: StaffActor, dto: CreateCaseDto): Promise<CaseView> {
    const year = await this.localYear(actor.agencyId);
    const id = await this.dataSource.transaction(async (tx) => {
      if (dto.leadId) await this.checkStaff(tx, actor, dto.leadId);
      const [{ last }] = await tx.query(
        `INSERT INTO case_number_counter (agency_id, year, last) VALUES ($1, $2, 1)
         ON CONFLICT (agency_id, year) DO UPDATE SET last = case_number_counter.last + 1 RETURNING last`,
        [actor.agencyId, year],
      );
      const number = `${year}-${String(last).padStart(6, '0')}`;
      const [{ id }] = await tx.query(
        `INSERT INTO investigation_case (agency_id, number, title, lead_id) VALUES ($1, $2, $3, $4) RETURNING id`,
        [actor.agencyId, number, dto.title.trim(), dto.leadId ?? null],
      );
      await this.record(tx, actor, id, 'case.created', { number, title: dto.title });
      return id as string;
    });
    return this.view(actor, id);
  }

  async list(actor: StaffActor): Promise<CaseSummary[]> {
    const rows: CaseRow[] = await this.dataSource.query(
      `SELECT c.*, u.display_name AS lead_name FROM investigation_case c LEFT JOIN staff_user u ON u.id = c.lead_id WHERE c.agency_id = $1 ORDER BY c.created_at DESC LIMIT 500`,
      [actor.agencyId],
    );
    return rows.map(caseFields);
  }

  /** The case as the desk shows it (CaseDetailView: it joins its tips' and appeals' tables). */
  view(actor: StaffActor, id: string): Promise<CaseView> {
    return this.detailView.read(actor, id);
  }

  async update(actor: StaffActor, id: string, dto: UpdateCaseDto): Promise<CaseView> {
    await this.dataSource.transaction(async (tx) => {
      const row = await this.locked(tx, actor, id);
      if (row.version !== dto.version)
        throw caseError('STALE_VERSION', { details: { current: { version: row.version } } });
      if (dto.leadId) await this.checkStaff(tx, actor, dto.leadId);
      await tx.query(
        `UPDATE investigation_case SET title = coalesce($2, title), lead_id = CASE WHEN $3::boolean THEN $4::uuid ELSE lead_id END,
           status = coalesce($5, status), version = version + 1 WHERE id = $1`,
        [id, dto.title?.trim() ?? null, dto.leadId !== undefined, dto.leadId ?? null, dto.status ?? null],
      );
      await this.record(tx, actor, id, 'case.updated', {
        title: dto.title,
        leadId: dto.leadId,
        ...(dto.leadId !== undefined ? { previousLeadId: row.lead_id ?? null } : {}),
        status: dto.status,
      });
    });
    return this.view(actor, id);
  }

  async linkTips(actor: StaffActor, id: string, tipIds: string[]): Promise<CaseView> {
    await this.dataSource.transaction(async (tx) => {
      const row = await this.locked(tx, actor, id);
      if (row.status === 'CLOSED') throw caseError('CASE_CLOSED');
      const { tips, refused } = await this.tipLinks.lockForLinking(tx, actor.agencyId, tipIds);
      if (refused.length)
        throw caseError('NOT_LINKABLE', {
          details: { refused: refused.map((t) => ({ id: t.id, status: t.status })) },
        });
      for (const tip of tips) {
        const inserted = await tx.query(
          `INSERT INTO case_tip (case_id, tip_id, agency_id, linked_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING tip_id`,
          [id, tip.id, actor.agencyId, actor.userId],
        );
        if (inserted.length)
          await this.tipLinks.linked(tx, actor, tip, { caseId: id, caseNumber: row.number });
      }
      await this.record(tx, actor, id, 'case.tips_linked', { tipIds });
    });
    return this.view(actor, id);
  }

  async unlinkTip(actor: StaffActor, id: string, tipId: string): Promise<CaseView> {
    await this.dataSource.transaction(async (tx) => {
      await this.locked(tx, actor, id);
      const removed = await tx.query(
        `DELETE FROM case_tip WHERE case_id = $1 AND tip_id = $2 AND agency_id = $3 RETURNING tip_id`,
        [id, tipId, actor.agencyId],
      );
      if (!removed.length) throw commonError('NOT_FOUND');
      const [{ remaining }] = await tx.query(
        `SELECT count(*)::int AS remaining FROM case_tip WHERE tip_id = $1`,
        [tipId],
      );
      if (remaining === 0) await this.tipLinks.unlinkedFromLastCase(tx, actor, tipId);
      await this.audit.append(tx, {
        agencyId: actor.agencyId,
        actorId: actor.userId,
        action: 'tip.unlinked',
        entityType: 'tip',
        entityId: tipId,
        data: { caseId: id },
      });
      await this.record(tx, actor, id, 'case.tip_unlinked', { tipId });
    });
    return this.view(actor, id);
  }

  async linkAppeal(actor: StaffActor, id: string, appealId: string): Promise<CaseView> {
    await this.dataSource.transaction(async (tx) => {
      await this.locked(tx, actor, id);
      const [appeal] = await tx.query(`SELECT 1 FROM appeal WHERE id = $1 AND agency_id = $2`, [
        appealId,
        actor.agencyId,
      ]);
      if (!appeal) throw commonError('NOT_FOUND');
      await tx.query(
        `INSERT INTO case_appeal (case_id, appeal_id, agency_id, linked_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [id, appealId, actor.agencyId, actor.userId],
      );
      await this.record(tx, actor, id, 'case.appeal_linked', { appealId });
    });
    return this.view(actor, id);
  }

  async unlinkAppeal(actor: StaffActor, id: string, appealId: string): Promise<CaseView> {
    await this.dataSource.transaction(async (tx) => {
      await this.locked(tx, actor, id);
      const removed = await tx.query(
        `DELETE FROM case_appeal WHERE case_id = $1 AND appeal_id = $2 RETURNING appeal_id`,
        [id, appealId],
      );
      if (!removed.length) throw commonError('NOT_FOUND');
      await this.record(tx, actor, id, 'case.appeal_unlinked', { appealId });
    });
    return this.view(actor, id);
  }

  private async locked(tx: EntityManager, actor: StaffActor, id: string): Promise<CaseRow> {
    const [row] = await tx.query(
      `SELECT * FROM investigation_case WHERE id = $1 AND agency_id = $2 FOR UPDATE`,
      [id, actor.agencyId],
    );
    if (!row) throw commonError('NOT_FOUND');
    return row;
  }

  /**
   * A case is led by someone who can work its tips today: of the agency (else UNKNOWN_LEAD, as for
   * no one at all), active, an investigator or a supervisor (else LEAD_UNAVAILABLE). A lead disabled
   * later stays named on the case until someone changes it.
   */
  private async checkStaff(tx: EntityManager, actor: StaffActor, staffId: string): Promise<void> {
    const check = await this.staff.checkAssignable(tx, actor.agencyId, staffId);
    if (check === 'UNKNOWN') throw caseError('UNKNOWN_LEAD');
    if (check === 'UNAVAILABLE') throw caseError('LEAD_UNAVAILABLE');
  }
}
