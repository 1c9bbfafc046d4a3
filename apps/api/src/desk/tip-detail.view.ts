import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ForwardMode, MediaKind, MediaProcessingState, MessageAuthor, TipDetail } from '@vigie/common';
import { DataSource } from 'typeorm';
import { commonError } from '../common/domain.exception';
import type { StaffActor } from '../common/staff-actor';
import { mediaEvidenceOf } from './media-evidence';
import { HistoryRow, staffIdsIn, tipIdsIn, toHistory } from './tip-history';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, SummaryRow, toSummary } from './tip-summary';

interface MediaRow {
  id: string;
  kind: MediaKind;
  mime: string;
  /** bigint: pg answers a string. */
  bytes: string;
  sha256: string;
  state: MediaProcessingState;
  renditions: {
    name: string;
    format: string;
    width?: number;
    height?: number;
    playable?: boolean;
    durationS?: number;
  }[];
  evidence: unknown;
  from_tipster_at: Date;
}
interface NoteRow {
  id: string;
  body: string;
  created_at: Date;
  author_id: string;
  display_name: string;
}
interface MessageRow {
  id: string;
  author: MessageAuthor;
  body: string;
  created_at: Date;
  staff_id: string | null;
  display_name: string | null;
}

interface SentRow {
  id: string;
  mode: ForwardMode;
  note: string;
  forwarded_at: Date;
  opened_at: Date | null;
  revoked_at: Date | null;
  to_id: string;
  to_name: string;
  by_id: string;
  by_name: string;
  revoked_by_id: string | null;
  revoked_by_name: string | null;
}

/**
 * A tip as the desk's tip page shows it: the tip, its files, notes, thread and claim (tips), its
 * history (audit), the cases it is linked to (cases), and how it was forwarded between agencies
 * (forwarding). The notes are the caller's agency's own (a transferred tip's earlier notes stay
 * with the agency that wrote them), and a message's author is named only if on the caller's staff.
 * Read only.
 */
@Injectable()
export class TipDetailView {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(actor: StaffActor, id: string): Promise<TipDetail> {
    const [row] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, t.description, t.occurred_from, t.occurred_to, t.place, t.latitude, t.longitude, t.accuracy_m,
              t.language, t.contact_enc IS NOT NULL AS has_contact, t.information_copy
         FROM tip t ${SUMMARY_JOINS} WHERE t.id = $1 AND t.agency_id = $2`,
      [id, actor.agencyId],
    );
    if (!row) throw commonError('NOT_FOUND');
    const [media, notes, messages, history, cases, claims, received, sent] = await Promise.all([
      this.dataSource.query(
        `SELECT id, kind, mime, bytes, sha256, state, renditions, evidence, from_tipster_at FROM tip_media WHERE tip_id = $1 ORDER BY from_tipster_at`,
        [id],
      ),
      this.dataSource.query(
        `SELECT n.id, n.body, n.created_at, u.id AS author_id, u.display_name FROM tip_note n JOIN staff_user u ON u.id = n.author_id WHERE n.tip_id = $1 AND n.agency_id = $2 ORDER BY n.created_at`,
        [id, actor.agencyId],
      ),
      this.dataSource.query(
        `SELECT m.id, m.author, m.body, m.created_at, u.id AS staff_id, u.display_name FROM tip_message m LEFT JOIN staff_user u ON u.id = m.staff_id AND u.agency_id = $2 WHERE m.tip_id = $1 ORDER BY m.created_at`,
        [id, actor.agencyId],
      ),
      this.dataSource.query(
        `SELECT e.action, e.created_at, e.data, u.id AS actor_id, u.display_name FROM audit_event e LEFT JOIN staff_user u ON u.id = e.actor_id
          WHERE e.entity_type = 'tip' AND e.entity_id = $1 AND e.chain = $2 ORDER BY e.id`,
        [id, actor.agencyId],
      ),
      this.dataSource.query(
        `SELECT c.id, c.number, c.title FROM case_tip ct JOIN investigation_case c ON c.id = ct.case_id WHERE ct.tip_id = $1 ORDER BY ct.linked_at`,
        [id],
      ),
      this.dataSource.query(`SELECT * FROM reward_claim WHERE tip_id = $1`, [id]),
      this.dataSource.query(
        `SELECT f.id, f.mode, f.note, f.forwarded_at, g.id AS agency_id, g.name AS agency_name
           FROM tip_forward f JOIN agency g ON g.id = f.from_agency_id
          WHERE f.received_tip_id = $1 AND f.to_agency_id = $2 AND f.revoked_at IS NULL ORDER BY f.forwarded_at DESC LIMIT 1`,
        [id, actor.agencyId],
      ),
      this.dataSource.query(
        `SELECT f.id, f.mode, f.note, f.forwarded_at, f.opened_at, f.revoked_at, g.id AS to_id, g.name AS to_name,
                b.id AS by_id, b.display_name AS by_name, r.id AS revoked_by_id, r.display_name AS revoked_by_name
           FROM tip_forward f JOIN agency g ON g.id = f.to_agency_id JOIN staff_user b ON b.id = f.forwarded_by
           LEFT JOIN staff_user r ON r.id = f.revoked_by
          WHERE f.tip_id = $1 AND f.from_agency_id = $2 ORDER BY f.forwarded_at DESC`,
        [id, actor.agencyId],
      ),
    ]);
    const from = received[0];
    const claim = claims[0];
    const [named, coded]: [{ id: string; display_name: string }[], { id: string; code: string }[]] =
      await Promise.all([
        this.dataSource.query(
          `SELECT id, display_name FROM staff_user WHERE id = ANY($1::uuid[]) AND agency_id = $2`,
          [staffIdsIn(history), actor.agencyId],
        ),
        // The other tips of decisions on duplicates, named by code in the history (the agency's only).
        this.dataSource.query(`SELECT id, code FROM tip WHERE id = ANY($1::uuid[]) AND agency_id = $2`, [
          tipIdsIn(history),
          actor.agencyId,
        ]),
      ]);
    return {
      ...toSummary(row as SummaryRow),
      description: row.description,
      occurredFrom: row.occurred_from?.toISOString(),
      occurredTo: row.occurred_to?.toISOString(),
      place: row.place ?? undefined,
      latitude: row.latitude ?? undefined,
      longitude: row.longitude ?? undefined,
      accuracyM: row.accuracy_m ?? undefined,
      language: row.language,
      hasContact: row.has_contact,
      media: media.map((m: MediaRow) => ({
        id: m.id,
        kind: m.kind,
        mime: m.mime,
        bytes: Number(m.bytes),
        sha256: m.sha256,
        state: m.state,
        renditions: m.renditions.map((r) => ({
          name: r.name,
          format: r.format,
          width: r.width,
          height: r.height,
          ...(r.playable ? { playable: true } : {}),
          ...(r.durationS !== undefined ? { durationS: r.durationS } : {}),
          url: `/api/tips/${id}/media/${m.id}/${r.name}.${r.format}`,
        })),
        evidence: mediaEvidenceOf(m.evidence),
        receivedAt: m.from_tipster_at.toISOString(),
      })),
      notes: notes.map((n: NoteRow) => ({
        id: n.id,
        body: n.body,
        author: { id: n.author_id, displayName: n.display_name },
        createdAt: n.created_at.toISOString(),
      })),
      messages: messages.map((m: MessageRow) => ({
        id: m.id,
        from: m.author,
        body: m.body,
        author: m.staff_id ? { id: m.staff_id, displayName: m.display_name } : undefined,
        createdAt: m.created_at.toISOString(),
      })),
      history: toHistory(
        history as HistoryRow[],
        new Map(named.map((n) => [n.id, n.display_name])),
        new Map(coded.map((c) => [c.id, c.code])),
        id,
      ),
      cases,
      rewardClaim: claim && {
        id: claim.id,
        tipId: claim.tip_id,
        tipCode: row.code,
        appealId: claim.appeal_id,
        status: claim.status,
        terms: claim.terms,
        decisionReason: claim.decision_reason ?? undefined,
        paymentReference: claim.payment_reference ?? undefined,
        createdAt: claim.created_at.toISOString(),
        decidedAt: claim.decided_at?.toISOString(),
      },
      informationCopy: row.information_copy,
      receivedForward: from && {
        id: from.id,
        mode: from.mode,
        from: { id: from.agency_id, name: from.agency_name },
        note: from.note,
        forwardedAt: from.forwarded_at.toISOString(),
      },
      sentForwards: sent.map((f: SentRow) => ({
        id: f.id,
        mode: f.mode,
        to: { id: f.to_id, name: f.to_name },
        note: f.note,
        forwardedAt: f.forwarded_at.toISOString(),
        forwardedBy: { id: f.by_id, displayName: f.by_name },
        openedAt: f.opened_at?.toISOString(),
        revokedAt: f.revoked_at?.toISOString(),
        revokedBy: f.revoked_by_id ? { id: f.revoked_by_id, displayName: f.revoked_by_name! } : undefined,
        revocable: !f.opened_at && !f.revoked_at,
      })),
      forwardedFrom: from && { mode: from.mode, agencyName: from.agency_name },
    };
  }
}
