import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LocalizedText, SocialMessageView } from '@vigie/common';
import { DataSource } from 'typeorm';
import type { PublicSnapshot } from '../../appeals/public-snapshot';
import { AuditService } from '../../audit/audit.service';
import { SocialArchive } from '../../reach/social';
import type { StaffActor } from '../../common/staff-actor';
import type { OpenRecordsFormat } from '../dtos/open-records-query.dto';
import { recordsError } from '../records.errors';

export type OpenRecordType = 'appeal_version' | 'resolution' | 'update' | 'rumour_correction';

/** One thing the agency made public. Built only from published, immutable rows. */
export interface OpenRecordItem {
  type: OpenRecordType;
  publishedAt: string;
  appealId: string;
  slug: string;
  /** Versions and resolutions: the number shown to the public and in CAP identifiers. */
  versionNo?: number;
  updateId?: string;
  /** Who approved it; null when it went live without review (resolutions, self-published updates). */
  approvedBy: string | null;
  /** Who made it public: the approver, or whoever resolved or posted it. */
  publishedBy: string | null;
  /** Versions and resolutions: the stored public snapshot, byte for byte what the public was served. */
  public?: PublicSnapshot;
  /** Updates and rumour corrections: their text, as published. */
  text?: LocalizedText;
}

export interface OpenRecordsExport {
  agency: { name: string; slug: string };
  from: string;
  to: string;
  generatedAt: string;
  items: OpenRecordItem[];
  /** Every post the agency's social accounts sent, and every reply, mention and message they received. */
  social: SocialMessageView[];
}

interface VersionRow {
  appeal_id: string;
  version_no: number;
  reason: 'APPROVED' | 'RESOLVED';
  public: PublicSnapshot;
  published_at: Date;
  approved_by: string | null;
  resolved_by: string | null;
}

interface UpdateRow {
  id: string;
  appeal_id: string;
  slug: string;
  kind: 'UPDATE' | 'RUMOUR_CORRECTION';
  text: LocalizedText;
  published_at: Date;
  reviewer: string | null;
  author: string;
}

const DAY = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Open-records (sunshine law) answers: everything the agency published in a date range, exactly
 * as it was public. Reads appeal_version (immutable snapshots) and published appeal_update rows
 * only, so drafts, rejected text, review comments, tips and tipsters cannot appear: they are
 * never selected.
 */
@Injectable()
export class OpenRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly socialArchive: SocialArchive,
  ) {}

  async export(actor: StaffActor, fromText: string, toText: string, format: OpenRecordsFormat) {
    const { from, to } = range(fromText, toText);
    const [[agency], versions, updates, social] = await Promise.all([
      this.dataSource.query(`SELECT name, slug FROM agency WHERE id = $1`, [actor.agencyId]),
      this.versions(actor.agencyId, from, to),
      this.updates(actor.agencyId, from, to),
      this.socialArchive.forOpenRecords(actor.agencyId, from, to),
    ]);
    const items = [...versions, ...updates].sort(
      (a, b) => a.publishedAt.localeCompare(b.publishedAt) || (a.versionNo ?? 0) - (b.versionNo ?? 0),
    );
    await this.audit.append(this.dataSource.manager, {
      agencyId: actor.agencyId,
      actorId: actor.userId,
      action: 'records.open_records_exported',
      entityType: 'agency',
      entityId: actor.agencyId,
      data: {
        from: from.toISOString(),
        to: to.toISOString(),
        format,
        items: items.length,
        social: social.length,
      },
    });
    const result: OpenRecordsExport = {
      agency,
      from: from.toISOString(),
      to: to.toISOString(),
      generatedAt: new Date().toISOString(),
      items,
      social,
    };
    return result;
  }

  private async versions(agencyId: string, from: Date, to: Date): Promise<OpenRecordItem[]> {
    // A resolution goes live without review; who published it is in the audit log entry that
    // recorded it (same appeal, same version number).
    const rows = await this.dataSource.query(
      `SELECT v.appeal_id, v.version_no, v.reason, v.public, v.published_at, ap.display_name AS approved_by, rs.name AS resolved_by
         FROM appeal_version v
         LEFT JOIN staff_user ap ON ap.id = v.approved_by
         LEFT JOIN LATERAL (
           SELECT u.display_name AS name FROM audit_event e JOIN staff_user u ON u.id = e.actor_id
            WHERE v.reason = 'RESOLVED' AND e.entity_type = 'appeal' AND e.entity_id = v.appeal_id::text
              AND e.action = 'appeal.resolved' AND e.data->>'versionNo' = v.version_no::text
            ORDER BY e.id LIMIT 1) rs ON true
        WHERE v.agency_id = $1 AND v.published_at >= $2 AND v.published_at < $3`,
      [agencyId, from, to],
    );
    return rows.map((r: VersionRow): OpenRecordItem => ({
      type: r.reason === 'RESOLVED' ? 'resolution' : 'appeal_version',
      publishedAt: r.published_at.toISOString(),
      appealId: r.appeal_id,
      slug: r.public.slug,
      versionNo: r.version_no,
      approvedBy: r.approved_by ?? null,
      publishedBy: r.approved_by ?? r.resolved_by ?? null,
      public: r.public,
    }));
  }

  private async updates(agencyId: string, from: Date, to: Date): Promise<OpenRecordItem[]> {
    const rows = await this.dataSource.query(
      `SELECT u.id, u.appeal_id, a.slug, u.kind, u.text, u.published_at, rv.display_name AS reviewer, au.display_name AS author
         FROM appeal_update u JOIN appeal a ON a.id = u.appeal_id
         LEFT JOIN staff_user rv ON rv.id = u.reviewed_by JOIN staff_user au ON au.id = u.author_id
        WHERE u.agency_id = $1 AND u.state = 'PUBLISHED' AND u.published_at >= $2 AND u.published_at < $3`,
      [agencyId, from, to],
    );
    return rows.map((r: UpdateRow): OpenRecordItem => ({
      type: r.kind === 'RUMOUR_CORRECTION' ? 'rumour_correction' : 'update',
      publishedAt: r.published_at.toISOString(),
      appealId: r.appeal_id,
      slug: r.slug,
      updateId: r.id,
      approvedBy: r.reviewer ?? null,
      publishedBy: r.reviewer ?? r.author,
      text: r.text,
    }));
  }
}

/** [from, to): a date-only `to` means the end of that day, so 2026-01-01..2026-01-31 is all of January. */
export function range(fromText: string, toText: string): { from: Date; to: Date } {
  const from = new Date(DATE_ONLY.test(fromText) ? `${fromText}T00:00:00Z` : fromText);
  const toStart = new Date(DATE_ONLY.test(toText) ? `${toText}T00:00:00Z` : toText);
  const to = DATE_ONLY.test(toText) ? new Date(toStart.getTime() + DAY) : toStart;
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from)
    throw recordsError('BAD_RANGE', { details: { from: fromText, to: toText } });
  return { from, to };
}
