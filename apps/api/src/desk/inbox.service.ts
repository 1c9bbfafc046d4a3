import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DuplicateGroup,
  ForwardMode,
  INBOX_LIMITS,
  InboxPage,
  InboxQueryDto,
  normalizeTipCode,
  TipStatus,
  TipSummary,
} from '@vigie/common';
import { DataSource } from 'typeorm';
import type { StaffActor } from '../common/staff-actor';
import { deskError } from './desk.errors';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, SummaryRow, toSummary } from './tip-summary';
import { decodeCursor, encodeCursor } from './inbox-cursor';
import { InboxFilter } from './inbox-filter';
import { appealsTitled } from './appeal-title-search';
import { duplicateGroups } from './duplicate-groups.view';

/** Status counts stop at this many: "1,000+" is all a tab needs, and counting further costs (7 statuses x the cap index entries per page). */
export const COUNT_CAP = 1_000;

const ORDER = 'priority_rank, received_at DESC, id DESC';

/**
 * The investigator's inbox (a desk read model: tips, with their cases and duplicate counts): filters, a tip code or full-text search, urgent first then newest, keyset pages
 * (never OFFSET, so page 500 costs what page 1 costs), and capped counts per status for the tabs.
 */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(actor: StaffActor, query: InboxQueryDto): Promise<InboxPage> {
    const hit = await this.codeHit(actor, query);
    if (hit)
      return {
        ...(await this.withGroups(actor, [hit])),
        nextCursor: null,
        counts: null,
        countCap: COUNT_CAP,
      };
    const limit = query.limit ?? INBOX_LIMITS.pageDefault;
    const appealIds = query.q?.trim() ? await appealsTitled(this.dataSource, actor.agencyId, query.q) : [];
    const { sql, params } = this.pageQuery(actor, query, appealIds);
    const [rows, counts]: [SummaryRow[], InboxPage['counts']] = await Promise.all([
      this.dataSource.query(sql, params),
      this.counts(actor, query),
    ]);
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      ...(await this.withGroups(actor, items)),
      nextCursor:
        more && last
          ? encodeCursor({
              rank: last.priority_rank,
              receivedAt: last.received_at.toISOString(),
              id: last.id,
            })
          : null,
      counts,
      countCap: COUNT_CAP,
    };
  }

  /**
   * A search that reads as a tip code (a tipster reads it over the phone: "js2x dsbr") is a direct
   * hit: that tip alone, whatever the other filters, as long as it is this agency's. Only on a first
   * page; when no tip has the code, the search goes on as full text ("vehicles" is code-shaped too).
   */
  private async codeHit(actor: StaffActor, query: InboxQueryDto): Promise<SummaryRow | undefined> {
    const code = query.q && !query.cursor ? normalizeTipCode(query.q) : null;
    if (!code) return undefined;
    const { sql, params } = this.codeQuery(actor, code);
    const [row]: SummaryRow[] = await this.dataSource.query(sql, params);
    return row;
  }

  /** The SQL of a code hit (also used by the benchmark): one probe of the unique index on tip.code. */
  codeQuery(actor: Pick<StaffActor, 'agencyId'>, code: string): { sql: string; params: unknown[] } {
    return {
      sql: `SELECT ${SUMMARY_COLUMNS} FROM tip t ${SUMMARY_JOINS} WHERE t.code = $1 AND t.agency_id = $2`,
      params: [code, actor.agencyId],
    };
  }

  /**
   * The SQL of one page (also used by the benchmark to record its query plans); `appealIds`, the
   * appeals whose title the search names.
   */
  pageQuery(
    actor: StaffActor,
    query: InboxQueryDto,
    appealIds: string[] = [],
  ): { sql: string; params: unknown[] } {
    const limit = query.limit ?? INBOX_LIMITS.pageDefault;
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    if (query.cursor && !cursor) throw deskError('BAD_CURSOR');
    const filter = new InboxFilter(actor, query, { withStatus: true, appealIds });
    if (!cursor) {
      const sql = `SELECT ${SUMMARY_COLUMNS} FROM tip t ${SUMMARY_JOINS} WHERE ${filter.sql} ORDER BY t.priority_rank, t.received_at DESC, t.id DESC LIMIT ${limit + 1}`;
      return { sql, params: filter.params };
    }
    // Two index-friendly halves: the rest of the cursor's priority band, then the lower bands.
    const [rank, at, id] = [cursor.rank, cursor.receivedAt, cursor.id].map(
      (v) => `$${filter.params.push(v)}`,
    );
    const sql = `SELECT * FROM (
        (SELECT ${SUMMARY_COLUMNS} FROM tip t ${SUMMARY_JOINS}
          WHERE ${filter.sql} AND t.priority_rank = ${rank} AND (t.received_at, t.id) < (${at}::timestamptz, ${id}::uuid)
          ORDER BY t.received_at DESC, t.id DESC LIMIT ${limit + 1})
        UNION ALL
        (SELECT ${SUMMARY_COLUMNS} FROM tip t ${SUMMARY_JOINS}
          WHERE ${filter.sql} AND t.priority_rank > ${rank}
          ORDER BY t.priority_rank, t.received_at DESC, t.id DESC LIMIT ${limit + 1})
      ) page ORDER BY ${ORDER} LIMIT ${limit + 1}`;
    return { sql, params: filter.params };
  }

  /**
   * Per status, within the assignee filter, each count stopping at COUNT_CAP: what the tabs show.
   * With narrower filters (search, media, place, tag, dates…) counting would mean reading most of
   * the agency's tips for every page, so the counts are left out (null) and the tabs show none.
   */
  private async counts(actor: StaffActor, query: InboxQueryDto): Promise<InboxPage['counts']> {
    const narrowing = [
      'priority',
      'channel',
      'appealId',
      'caseId',
      'hasMedia',
      'hasLocation',
      'receivedFrom',
      'receivedTo',
      'tag',
      'q',
    ] as const;
    if (narrowing.some((k) => query[k] !== undefined && query[k] !== '')) return null;
    const filter = new InboxFilter(actor, query, { withStatus: false });
    const statuses = `$${filter.params.push(Object.values(TipStatus))}`;
    const rows: { status: TipStatus; count: number }[] = await this.dataSource.query(
      `SELECT s.status, (SELECT count(*)::int FROM (SELECT 1 FROM tip t WHERE ${filter.sql} AND t.status = s.status LIMIT ${COUNT_CAP}) capped) AS count
         FROM unnest(${statuses}::text[]) AS s(status)`,
      filter.params,
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.count])) as Record<TipStatus, number>;
  }

  /**
   * The page's lines, each naming its likely-duplicate group, and those groups with every member's
   * line (members elsewhere in the inbox, or outside the filters, included): lookups by the page's
   * ids, whatever the filters (duplicate-groups.view.ts).
   */
  private async withGroups(
    actor: StaffActor,
    rows: SummaryRow[],
  ): Promise<{ items: TipSummary[]; groups: DuplicateGroup[] }> {
    const { groups, groupOf } = await duplicateGroups(
      this.dataSource,
      actor.agencyId,
      rows.map((r) => r.id),
    );
    const members = groups.flatMap((g) => g.members);
    const lines = new Map((await this.withDuplicateCounts([...rows, ...members])).map((s) => [s.id, s]));
    const line = (id: string): TipSummary => ({ ...lines.get(id)!, groupId: groupOf.get(id) });
    return {
      items: rows.map((r) => line(r.id)),
      groups: groups.map((g) => ({
        id: g.id,
        primaryTipId: g.primaryTipId,
        count: g.count,
        complete: g.complete,
        strongest: g.strongest,
        members: g.members.map((m) => ({
          ...line(m.id),
          clusterId: m.cluster_id,
          isPrimary: m.is_primary,
          reason: m.reason,
        })),
      })),
    };
  }

  /**
   * Open duplicate suggestions per tip (the dedupe feature's `tip_duplicate` view), and which
   * agency forwarded it here (forwarding's `tip_forward`), for the list's badges: two lookups by
   * the page's ids, whatever the filters.
   */
  private async withDuplicateCounts(rows: SummaryRow[]): Promise<TipSummary[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [counts, forwards]: [
      { tip_id: string; count: number }[],
      { tip_id: string; mode: ForwardMode; agency_name: string }[],
    ] = await Promise.all([
      this.dataSource.query(
        `SELECT tip_id, count(*)::int AS count FROM tip_duplicate WHERE tip_id = ANY($1::uuid[]) GROUP BY tip_id`,
        [ids],
      ),
      this.dataSource.query(
        `SELECT DISTINCT ON (f.received_tip_id) f.received_tip_id AS tip_id, f.mode, g.name AS agency_name
           FROM tip t JOIN tip_forward f ON f.received_tip_id = t.id AND f.to_agency_id = t.agency_id AND f.revoked_at IS NULL
           JOIN agency g ON g.id = f.from_agency_id
          WHERE t.id = ANY($1::uuid[]) ORDER BY f.received_tip_id, f.forwarded_at DESC`,
        [ids],
      ),
    ]);
    const byTip = new Map(counts.map((c) => [c.tip_id, c.count]));
    const forwardOf = new Map(forwards.map((f) => [f.tip_id, f]));
    return rows.map((r) =>
      toSummary({
        ...r,
        duplicate_count: byTip.get(r.id) ?? 0,
        forwarded_mode: forwardOf.get(r.id)?.mode,
        forwarded_from: forwardOf.get(r.id)?.agency_name,
      }),
    );
  }
}
