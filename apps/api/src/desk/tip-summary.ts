import { ForwardMode, TipChannel, TipStatus, TipSummary } from '@vigie/common';

/*
 * One tip's line in a list (the inbox, a case's tips, a tip's own header): its columns, with the
 * assignee's name and the appeal it answers.
 */

/**
 * The appeal's title as staff know it: the published version's, else the working copy's (an
 * appeal not yet published). Both are `{fr?, en?}`.
 */
export const APPEAL_TITLE = `coalesce(av.public->'content'->'title', a.draft->'title')`;

export const SUMMARY_COLUMNS = `t.id, t.code, t.status, t.priority, t.channel, t.priority_rank, t.received_at, left(t.description, 200) AS excerpt,
  t.tags, t.media_count, t.has_location, t.version, t.assignee_id, u.display_name AS assignee_name,
  a.id AS appeal_id, a.slug AS appeal_slug, a.kind AS appeal_kind, ${APPEAL_TITLE} AS appeal_title, t.tipster_activity_at,
  (t.tipster_activity_at IS NOT NULL AND (t.assignee_seen_at IS NULL OR t.tipster_activity_at > t.assignee_seen_at)) AS new_from_tipster`;
export const SUMMARY_JOINS = `LEFT JOIN staff_user u ON u.id = t.assignee_id LEFT JOIN appeal a ON a.id = t.appeal_id
  LEFT JOIN appeal_version av ON av.id = a.current_version_id`;
export interface SummaryRow {
  id: string;
  code: string;
  status: TipStatus;
  priority: TipSummary['priority'];
  channel: TipChannel;
  priority_rank: number;
  received_at: Date;
  excerpt: string;
  tags: string[];
  media_count: number;
  has_location: boolean;
  version: number;
  assignee_id: string | null;
  assignee_name: string | null;
  appeal_id: string | null;
  appeal_slug: string | null;
  appeal_kind: string | null;
  appeal_title: Partial<Record<'fr' | 'en', string>> | null;
  duplicate_count?: number;
  /** How another agency forwarded it here, when it did (the inbox fills these for its page). */
  forwarded_mode?: ForwardMode;
  forwarded_from?: string;
  tipster_activity_at: Date | null;
  new_from_tipster: boolean;
}

export function toSummary(r: SummaryRow): TipSummary {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    priority: r.priority,
    channel: r.channel,
    receivedAt: r.received_at.toISOString(),
    excerpt: r.excerpt,
    appeal: r.appeal_id
      ? { id: r.appeal_id, slug: r.appeal_slug!, kind: r.appeal_kind!, title: titleOf(r.appeal_title) }
      : undefined,
    assignee: r.assignee_id ? { id: r.assignee_id, displayName: r.assignee_name! } : undefined,
    tags: r.tags,
    mediaCount: r.media_count,
    hasLocation: r.has_location,
    duplicateCount: r.duplicate_count ?? 0,
    version: r.version,
    forwardedFrom:
      r.forwarded_mode && r.forwarded_from
        ? { mode: r.forwarded_mode, agencyName: r.forwarded_from }
        : undefined,
    tipsterActivityAt: r.tipster_activity_at?.toISOString(),
    newFromTipster: r.new_from_tipster,
  };
}

/** Only the languages the title is written in (a blank one is none). */
function titleOf(title: SummaryRow['appeal_title']): Partial<Record<'fr' | 'en', string>> {
  const out: Partial<Record<'fr' | 'en', string>> = {};
  for (const lang of ['fr', 'en'] as const) {
    const text = title?.[lang];
    if (typeof text === 'string' && text.trim()) out[lang] = text;
  }
  return out;
}
