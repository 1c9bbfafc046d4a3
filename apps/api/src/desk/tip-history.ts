import type { StaffRef, TipHistoryChange, TipHistoryEntry, TipPriority, TipStatus } from '@vigie/common';

/** One audit line about a tip, as the audit log keeps it, with its actor's name. */
export interface HistoryRow {
  action: string;
  created_at: Date;
  data: Record<string, unknown>;
  actor_id: string | null;
  display_name: string | null;
}

interface Fields {
  status?: TipStatus;
  priority?: TipPriority;
  assigneeId?: string | null;
  tags?: string[];
}

/** The staff ids a history names (assignees before and after), so their names are read in one query. */
export function staffIdsIn(rows: HistoryRow[]): string[] {
  const ids = new Set<string>();
  for (const row of rows) {
    const { from, to } = fieldsOf(row.data);
    for (const id of [from.assigneeId, to.assigneeId]) if (id) ids.add(id);
  }
  return [...ids];
}

const DECISIONS = new Set(['tip.merge', 'tip.unmerge', 'tip.not_duplicate']);

/** The other tips a history names (merged into, left, not a duplicate of), so their codes are read in one query. */
export function tipIdsIn(rows: HistoryRow[]): string[] {
  const ids = new Set<string>();
  for (const row of rows) {
    if (!DECISIONS.has(row.action)) continue;
    for (const key of ['primaryTipId', 'otherId']) {
      const id = row.data[key];
      if (typeof id === 'string') ids.add(id);
    }
  }
  return [...ids];
}

/**
 * What each audit line changed, spelled out: the audit keeps `{from, to}` of the fields a change
 * touched (tip.updated, tip.linked); the desk turns these into "Status: New → In review",
 * "Assigned to Ana Roy", "Tag added: plaque-ABC123" in its own language.
 *
 * Decisions on duplicates name the other tip by its code (`codes`, from the agency's tips): "Merged
 * into JS2X-DSBR", "Unmerged from JS2X-DSBR", "Not a duplicate of K7QM-2XH9". A tip
 * no longer there (purged) leaves the line's plain wording.
 */
export function toHistory(
  rows: HistoryRow[],
  names: Map<string, string>,
  codes: Map<string, string>,
  tipId: string,
): TipHistoryEntry[] {
  const ref = (id: string | null | undefined): StaffRef | undefined =>
    id ? { id, displayName: names.get(id) ?? '' } : undefined;
  return rows.map((row) => {
    const { from, to } = fieldsOf(row.data);
    const changes: TipHistoryChange[] = [];
    if (row.action === 'tip.linked' && typeof row.data['caseNumber'] === 'string')
      changes.push({ kind: 'case', caseNumber: row.data['caseNumber'] });
    changes.push(...decisionChanges(row, codes, tipId));
    if (to.status && from.status && to.status !== from.status)
      changes.push({ kind: 'status', from: from.status, to: to.status });
    if (to.priority && from.priority && to.priority !== from.priority)
      changes.push({ kind: 'priority', from: from.priority, to: to.priority });
    if (to.assigneeId !== undefined && to.assigneeId !== from.assigneeId)
      changes.push({ kind: 'assignee', from: ref(from.assigneeId), to: ref(to.assigneeId) });
    if (to.tags) {
      const before = new Set(from.tags ?? []);
      const after = new Set(to.tags);
      for (const tag of to.tags) if (!before.has(tag)) changes.push({ kind: 'tagAdded', tag });
      for (const tag of before) if (!after.has(tag)) changes.push({ kind: 'tagRemoved', tag });
    }
    return {
      action: row.action,
      actor: row.actor_id ? { id: row.actor_id, displayName: row.display_name ?? '' } : undefined,
      at: row.created_at.toISOString(),
      data: row.data,
      changes,
    };
  });
}

function fieldsOf(data: Record<string, unknown>): { from: Fields; to: Fields } {
  const pick = (value: unknown): Fields => (value && typeof value === 'object' ? (value as Fields) : {});
  return { from: pick(data['from']), to: pick(data['to']) };
}

/** A decision on duplicates, with the other tip's code when it is known. */
function decisionChanges(row: HistoryRow, codes: Map<string, string>, tipId: string): TipHistoryChange[] {
  const codeOf = (key: string) => {
    const id = row.data[key];
    return typeof id === 'string' ? codes.get(id) : undefined;
  };
  switch (row.action) {
    case 'tip.merge': {
      if (row.data['primaryTipId'] === tipId) return [{ kind: 'merged' }];
      const into = codeOf('primaryTipId');
      return into ? [{ kind: 'merged', into }] : [];
    }
    case 'tip.unmerge': {
      const closed = row.data['reason'] === 'cluster closed';
      const primary = row.data['primaryTipId'];
      // Lines from before the primary was recorded say nothing more than "unmerged".
      if (primary === undefined) return [{ kind: 'unmerged', closed }];
      const from = primary === tipId ? undefined : codeOf('primaryTipId');
      return [{ kind: 'unmerged', closed, ...(from ? { from } : {}) }];
    }
    case 'tip.not_duplicate': {
      const of = codeOf('otherId');
      return of ? [{ kind: 'notDuplicate', of }] : [];
    }
    default:
      return [];
  }
}
