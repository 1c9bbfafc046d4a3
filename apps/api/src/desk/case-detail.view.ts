import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseSummary, CaseView, ObservableKind } from '@vigie/common';
import { DataSource } from 'typeorm';
import { commonError } from '../common/domain.exception';
import type { StaffActor } from '../common/staff-actor';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, SummaryRow, toSummary } from './tip-summary';

export interface CaseRow {
  id: string;
  number: string;
  title: string;
  status: 'OPEN' | 'CLOSED';
  lead_id: string | null;
  lead_name: string | null;
  version: number;
  created_at: Date;
}

/**
 * A case as the desk's case page shows it: the case (cases), the lines of its tips (tips) and the
 * titles of its appeals (appeals). Read only.
 */
@Injectable()
export class CaseDetailView {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(actor: StaffActor, id: string): Promise<CaseView> {
    const [row]: CaseRow[] = await this.dataSource.query(
      `SELECT c.*, u.display_name AS lead_name FROM investigation_case c LEFT JOIN staff_user u ON u.id = c.lead_id WHERE c.id = $1 AND c.agency_id = $2`,
      [id, actor.agencyId],
    );
    if (!row) throw commonError('NOT_FOUND');
    const [tips, appeals, observables] = await Promise.all([
      this.dataSource.query(
        `SELECT ${SUMMARY_COLUMNS}, ct.linked_at, t.latitude, t.longitude, t.occurred_from
           FROM case_tip ct JOIN tip t ON t.id = ct.tip_id ${SUMMARY_JOINS} WHERE ct.case_id = $1 ORDER BY coalesce(t.occurred_from, t.received_at)`,
        [id],
      ),
      this.dataSource.query(
        `SELECT a.id, a.slug, a.kind, coalesce(v.public->'content'->'title', a.draft->'title') AS title
           FROM case_appeal ca JOIN appeal a ON a.id = ca.appeal_id LEFT JOIN appeal_version v ON v.id = a.current_version_id WHERE ca.case_id = $1`,
        [id],
      ),
      // What its tips mention (observables' tip_observable), and how many of them mention each.
      this.dataSource.query(
        `SELECT o.kind, o.value, count(DISTINCT o.tip_id)::int AS tips
           FROM case_tip ct JOIN tip_observable o ON o.tip_id = ct.tip_id AND o.retracted_at IS NULL
          WHERE ct.case_id = $1 AND o.agency_id = $2
          GROUP BY o.kind, o.value ORDER BY tips DESC, array_position($3::text[], o.kind), o.value LIMIT 100`,
        [id, actor.agencyId, Object.values(ObservableKind)],
      ),
    ]);
    return {
      ...caseFields(row),
      tips: tips.map(
        (
          t: SummaryRow & {
            linked_at: Date;
            latitude: number | null;
            longitude: number | null;
            occurred_from: Date | null;
          },
        ) => ({
          ...toSummary(t),
          linkedAt: t.linked_at.toISOString(),
          latitude: t.latitude ?? undefined,
          longitude: t.longitude ?? undefined,
          occurredFrom: t.occurred_from?.toISOString(),
        }),
      ),
      appeals,
      observables,
    };
  }
}

export function caseFields(r: CaseRow): CaseSummary {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    status: r.status,
    lead: r.lead_id ? { id: r.lead_id, displayName: r.lead_name! } : undefined,
    version: r.version,
    createdAt: r.created_at.toISOString(),
  };
}
