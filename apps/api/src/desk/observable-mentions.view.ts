import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ObservableKind, ObservableMentions } from '@vigie/common';
import { DataSource } from 'typeorm';
import type { StaffActor } from '../common/staff-actor';
import { caseFields, type CaseRow } from './case-detail.view';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, SummaryRow, toSummary } from './tip-summary';

/** How many tips one answer lists; the rest are counted as `more`. */
export const MENTIONS_LIMIT = 50;

/** The two queries, with $1 agency, $2 kind, $3 value (the benchmark records their plans). */
export const MENTIONS_SQL = {
  // The newest 51 tip ids come from the lookup index alone, read backwards by arrival (a tip
  // mentioning the value in its words and in a message has two entries: DISTINCT keeps one); only
  // those tips are then read.
  tips: `SELECT ${SUMMARY_COLUMNS}
           FROM (SELECT DISTINCT o.tip_received_at, o.tip_id FROM tip_observable o
                  WHERE o.agency_id = $1 AND o.kind = $2 AND o.value = $3 AND o.retracted_at IS NULL
                  ORDER BY o.tip_received_at DESC, o.tip_id DESC
                  LIMIT ${MENTIONS_LIMIT + 1}) newest
           JOIN tip t ON t.id = newest.tip_id ${SUMMARY_JOINS}
          WHERE t.agency_id = $1
          ORDER BY t.received_at DESC, t.id DESC`,
  cases: `SELECT c.*, u.display_name AS lead_name
            FROM investigation_case c LEFT JOIN staff_user u ON u.id = c.lead_id
           WHERE c.agency_id = $1
             AND c.id IN (SELECT ct.case_id FROM case_tip ct JOIN tip_observable o ON o.tip_id = ct.tip_id
                           WHERE o.agency_id = $1 AND o.kind = $2 AND o.value = $3 AND o.retracted_at IS NULL)
           ORDER BY c.created_at DESC
           LIMIT ${MENTIONS_LIMIT}`,
};

/**
 * "Which tips and cases mention this plate": the tips of the caller's agency whose observables
 * (observables' `tip_observable`) hold the value, as inbox lines (tips), and the cases they are
 * linked to (cases). The value is already normalised. The tips come from the index alone
 * (`tip_observable_lookup`: agency, kind, value, arrival → tip ids), newest first.
 */
@Injectable()
export class ObservableMentionsView {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(actor: StaffActor, kind: ObservableKind, value: string): Promise<ObservableMentions> {
    const params = [actor.agencyId, kind, value];
    const [tips, cases]: [SummaryRow[], CaseRow[]] = await Promise.all([
      this.dataSource.query(MENTIONS_SQL.tips, params),
      this.dataSource.query(MENTIONS_SQL.cases, params),
    ]);
    return {
      kind,
      value,
      tips: tips.slice(0, MENTIONS_LIMIT).map(toSummary),
      cases: cases.map(caseFields),
      more: tips.length > MENTIONS_LIMIT,
      limit: MENTIONS_LIMIT,
    };
  }
}
