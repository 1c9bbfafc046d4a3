import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ALLOWED_MEDIA } from '@vigie/common';
import { DataSource } from 'typeorm';
import { commonError } from '../../common/domain.exception';
import { SecretBox } from '../../common/crypto/secret-box';
import type { StaffActor } from '../../common/staff-actor';
import { CONTACT_CONTEXT } from '../../tips/tipster-contact';
import { ExportedAuditEntry, ORIGINALS_DIR } from './evidence-package';
import {
  CaseTranscript,
  ClusterTranscript,
  EvidenceRecord,
  OriginalRef,
  TipTranscript,
} from './evidence-record';
import type {
  AuditRow,
  CaseRow,
  ClaimRow,
  ClusterMemberRow,
  HoldColumns,
  MediaRow,
  MessageRow,
  NoteRow,
  TipCaseRow,
  TipRow,
} from './evidence-rows';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const hold = (r: HoldColumns) =>
  r.legal_hold
    ? { since: iso(r.legal_hold_at)!, by: r.legal_hold_by_name ?? null, reason: r.legal_hold_reason ?? null }
    : null;

/**
 * Reads everything an evidence package holds, scoped to the caller's agency (another agency's
 * record is not found). Text is small and read whole; the originals are only listed here and are
 * streamed later, straight from storage into the archive.
 */
@Injectable()
export class EvidenceCollector {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly box: SecretBox,
  ) {}

  async forTip(actor: StaffActor, tipId: string, includeContact: boolean): Promise<EvidenceRecord> {
    const tips = await this.tips(actor, [tipId], includeContact);
    if (tips.length === 0) throw commonError('NOT_FOUND');
    return this.assemble(actor, { type: 'tip', id: tipId, label: tips[0].code }, {}, tips);
  }

  async forCase(actor: StaffActor, caseId: string, includeContact: boolean): Promise<EvidenceRecord> {
    const [row]: CaseRow[] = await this.dataSource.query(
      `SELECT c.*, l.display_name AS lead_name, h.display_name AS legal_hold_by_name
         FROM investigation_case c LEFT JOIN staff_user l ON l.id = c.lead_id LEFT JOIN staff_user h ON h.id = c.legal_hold_by
        WHERE c.id = $1 AND c.agency_id = $2`,
      [caseId, actor.agencyId],
    );
    if (!row) throw commonError('NOT_FOUND');
    const [links, appeals]: [{ tip_id: string }[], { id: string; slug: string; title: unknown }[]] =
      await Promise.all([
        this.dataSource.query(`SELECT tip_id FROM case_tip WHERE case_id = $1`, [caseId]),
        this.dataSource.query(
          `SELECT a.id, a.slug, coalesce(v.public->'content'->'title', a.draft->'title') AS title
           FROM case_appeal ca JOIN appeal a ON a.id = ca.appeal_id LEFT JOIN appeal_version v ON v.id = a.current_version_id
          WHERE ca.case_id = $1 ORDER BY ca.linked_at`,
          [caseId],
        ),
      ]);
    const caseRecord: CaseTranscript = {
      id: row.id,
      number: row.number,
      title: row.title,
      status: row.status,
      createdAt: iso(row.created_at)!,
      lead: row.lead_name ?? null,
      legalHold: hold(row),
      appeals: appeals.map((a) => ({ id: a.id, slug: a.slug, title: a.title })),
    };
    const tips = await this.tips(
      actor,
      links.map((l) => l.tip_id),
      includeContact,
    );
    return this.assemble(actor, { type: 'case', id: caseId, label: row.number }, { caseRecord }, tips);
  }

  /**
   * An open duplicate cluster and every member tip, the primary first. Read from the tables the
   * dedupe feature writes, not through it: records depends on no feature it reports on. Cluster
   * and members come from one statement, so they are one snapshot even while someone merges.
   */
  async forCluster(actor: StaffActor, clusterId: string, includeContact: boolean): Promise<EvidenceRecord> {
    const rows: ClusterMemberRow[] = await this.dataSource.query(
      `SELECT c.primary_tip_id, c.created_at, cu.display_name AS created_by_name,
              m.tip_id, m.added_at, mu.display_name AS added_by_name
         FROM tip_cluster c JOIN tip_cluster_member m ON m.cluster_id = c.id
         LEFT JOIN staff_user cu ON cu.id = c.created_by LEFT JOIN staff_user mu ON mu.id = m.added_by
        WHERE c.id = $1 AND c.agency_id = $2 AND c.closed_at IS NULL`,
      [clusterId, actor.agencyId],
    );
    // A closed cluster (unmerged, or merged into another) no longer exists for the desk either.
    if (rows.length === 0) throw commonError('NOT_FOUND');
    const primaryTipId = rows[0].primary_tip_id;
    const found = await this.tips(
      actor,
      rows.map((r) => r.tip_id),
      includeContact,
    );
    const tips = [
      ...found.filter((t) => t.id === primaryTipId),
      ...found.filter((t) => t.id !== primaryTipId),
    ];
    const added = new Map(rows.map((r) => [r.tip_id, r]));
    const clusterRecord: ClusterTranscript = {
      id: clusterId,
      primaryTipId,
      createdAt: iso(rows[0].created_at)!,
      createdBy: rows[0].created_by_name ?? null,
      members: tips.map((t) => ({
        tipId: t.id,
        code: t.code,
        isPrimary: t.id === primaryTipId,
        addedAt: iso(added.get(t.id)!.added_at)!,
        addedBy: added.get(t.id)!.added_by_name ?? null,
      })),
    };
    const label = tips.find((t) => t.id === primaryTipId)?.code ?? clusterId;
    return this.assemble(actor, { type: 'cluster', id: clusterId, label }, { clusterRecord }, tips);
  }

  private async assemble(
    actor: StaffActor,
    subject: EvidenceRecord['subject'],
    grouping: { caseRecord?: CaseTranscript; clusterRecord?: ClusterTranscript },
    tips: TipTranscript[],
  ): Promise<EvidenceRecord> {
    const [[agency], audit] = await Promise.all([
      this.dataSource.query(`SELECT id, slug, name FROM agency WHERE id = $1`, [actor.agencyId]),
      this.auditEntries(
        actor.agencyId,
        tips.map((t) => t.id),
        subject,
      ),
    ]);
    const originals: OriginalRef[] = tips.flatMap((t) =>
      t.media.map((m) => ({
        mediaId: m.id,
        tipId: t.id,
        path: m.file,
        bytes: m.bytes,
        sha256: m.sealedSha256,
        receivedAt: new Date(m.receivedAt),
      })),
    );
    return {
      subject,
      agency,
      caseRecord: grouping.caseRecord ?? null,
      clusterRecord: grouping.clusterRecord ?? null,
      tips,
      originals,
      audit,
    };
  }

  private async tips(actor: StaffActor, ids: string[], includeContact: boolean): Promise<TipTranscript[]> {
    if (ids.length === 0) return [];
    const params = [ids, actor.agencyId];
    const [tips, media, messages, notes, cases, claims]: [
      TipRow[],
      MediaRow[],
      MessageRow[],
      NoteRow[],
      TipCaseRow[],
      ClaimRow[],
    ] = await Promise.all([
      this.dataSource.query(
        // Named columns: the passphrase hash never leaves the database, the contact only when asked.
        `SELECT t.id, t.code, t.received_at, t.status, t.priority, t.language, t.description, t.occurred_from,
                t.occurred_to, t.place, t.latitude, t.longitude, t.accuracy_m, t.tags, t.appeal_id, t.legal_hold,
                t.legal_hold_at, t.legal_hold_reason, CASE WHEN $3::boolean THEN t.contact_enc END AS contact_sealed,
                s.display_name AS assignee_name, h.display_name AS legal_hold_by_name, a.slug AS appeal_slug,
                coalesce(v.public->'content'->'title', a.draft->'title') AS appeal_title
           FROM tip t LEFT JOIN staff_user s ON s.id = t.assignee_id LEFT JOIN staff_user h ON h.id = t.legal_hold_by
           LEFT JOIN appeal a ON a.id = t.appeal_id LEFT JOIN appeal_version v ON v.id = a.current_version_id
          WHERE t.id = ANY($1::uuid[]) AND t.agency_id = $2 ORDER BY coalesce(t.occurred_from, t.received_at), t.id`,
        [...params, includeContact],
      ),
      this.dataSource.query(
        `SELECT * FROM tip_media WHERE tip_id = ANY($1::uuid[]) AND agency_id = $2 ORDER BY from_tipster_at, id`,
        params,
      ),
      this.dataSource.query(
        `SELECT m.*, u.display_name FROM tip_message m LEFT JOIN staff_user u ON u.id = m.staff_id
          WHERE m.tip_id = ANY($1::uuid[]) AND m.agency_id = $2 ORDER BY m.created_at, m.id`,
        params,
      ),
      this.dataSource.query(
        `SELECT n.*, u.display_name FROM tip_note n JOIN staff_user u ON u.id = n.author_id
          WHERE n.tip_id = ANY($1::uuid[]) AND n.agency_id = $2 ORDER BY n.created_at, n.id`,
        params,
      ),
      this.dataSource.query(
        `SELECT ct.tip_id, c.id, c.number, c.title FROM case_tip ct JOIN investigation_case c ON c.id = ct.case_id
          WHERE ct.tip_id = ANY($1::uuid[]) AND ct.agency_id = $2 ORDER BY ct.linked_at`,
        params,
      ),
      this.dataSource.query(
        `SELECT * FROM reward_claim WHERE tip_id = ANY($1::uuid[]) AND agency_id = $2`,
        params,
      ),
    ]);
    const of = <R extends { tip_id: string }>(rows: R[], tipId: string) =>
      rows.filter((r) => r.tip_id === tipId);
    return tips.map((t): TipTranscript => {
      const claim = of(claims, t.id)[0];
      return {
        id: t.id,
        code: t.code,
        receivedAt: iso(t.received_at)!,
        status: t.status,
        priority: t.priority,
        language: t.language,
        description: t.description,
        occurredFrom: iso(t.occurred_from),
        occurredTo: iso(t.occurred_to),
        place: t.place,
        latitude: t.latitude,
        longitude: t.longitude,
        accuracyM: t.accuracy_m,
        tags: t.tags,
        assignee: t.assignee_name ?? null,
        appeal: t.appeal_id ? { id: t.appeal_id, slug: t.appeal_slug!, title: t.appeal_title } : null,
        cases: of(cases, t.id).map((c) => ({ id: c.id, number: c.number, title: c.title })),
        legalHold: hold(t),
        ...(includeContact ? { contact: this.contact(t.contact_sealed) } : {}),
        media: of(media, t.id).map((m) => ({
          id: m.id,
          kind: m.kind,
          mime: m.mime,
          bytes: Number(m.bytes),
          sealedSha256: m.sha256,
          receivedAt: iso(m.from_tipster_at)!,
          evidence: m.evidence,
          file: `${ORIGINALS_DIR}${m.id}.${ALLOWED_MEDIA[m.mime]?.ext ?? 'bin'}`,
        })),
        messages: of(messages, t.id).map((m) => ({
          id: m.id,
          from: m.author,
          staff: m.display_name ?? null,
          body: m.body,
          at: iso(m.created_at)!,
        })),
        notes: of(notes, t.id).map((n) => ({
          id: n.id,
          author: n.display_name ?? '',
          body: n.body,
          at: iso(n.created_at)!,
        })),
        rewardClaim: claim
          ? {
              status: claim.status,
              requestedAt: iso(claim.created_at)!,
              decidedAt: iso(claim.decided_at),
              decisionReason: claim.decision_reason,
              ...(includeContact ? { paymentReference: claim.payment_reference } : {}),
            }
          : null,
      };
    });
  }

  private contact(sealed: string | null): Record<string, string | undefined> {
    return sealed ? JSON.parse(this.box.open(sealed, CONTACT_CONTEXT)) : {};
  }

  /**
   * Every audit entry about the exported records, in chain order, as stored: the tips' (for a
   * cluster, their tip.merge and tip.unmerge lines) and the subject's own (a case's history, earlier
   * exports of a case or a cluster).
   */
  private async auditEntries(
    agencyId: string,
    tipIds: string[],
    subject: EvidenceRecord['subject'],
  ): Promise<ExportedAuditEntry[]> {
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT e.id::text AS id, e.chain, e.agency_id, e.actor_id, u.display_name, e.action, e.entity_type, e.entity_id,
              e.data, e.created_at, e.prev_hash, e.hash
         FROM audit_event e LEFT JOIN staff_user u ON u.id = e.actor_id
        WHERE e.chain = $1
          AND ((e.entity_type = 'tip' AND e.entity_id = ANY($2::text[])) OR (e.entity_type = $3 AND e.entity_id = $4))
        ORDER BY e.id`,
      [agencyId, tipIds, subject.type, subject.id],
    );
    return rows.map((r) => ({
      id: r.id,
      chain: r.chain,
      agencyId: r.agency_id,
      actorId: r.actor_id,
      actorName: r.display_name ?? null,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      data: r.data,
      createdAt: r.created_at.toISOString(),
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  }
}
