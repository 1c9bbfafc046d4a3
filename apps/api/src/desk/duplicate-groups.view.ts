import { INBOX_LIMITS, type DuplicateReason } from '@vigie/common';
import type { DataSource } from 'typeorm';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, type SummaryRow } from './tip-summary';

/** How far from the page's tips the walk goes: a re-shared photo's tips all suggest each other (one step). */
const ROUNDS = 3;
/** The walk stops growing past this many tips for one page (a photo shared thousands of times). */
const WALK_MAX = 2_000;

export interface GroupMemberRow extends SummaryRow {
  cluster_id: string | null;
  is_primary: boolean;
  reason: DuplicateReason | null;
}

export interface GroupRows {
  id: string;
  primaryTipId: string;
  count: number;
  complete: boolean;
  strongest: DuplicateReason | null;
  members: GroupMemberRow[];
}

/** Union-find over tip ids: the groups are the connected parts. */
class Parts {
  private readonly parent = new Map<string, string>();
  find(id: string): string {
    let root = this.parent.get(id) ?? id;
    while (root !== (this.parent.get(root) ?? root)) root = this.parent.get(root)!;
    this.parent.set(id, root);
    return root;
  }
  join(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/**
 * The inbox's likely-duplicate groups (a desk read model over dedupe's `duplicate_suggestion`,
 * `duplicate_rejection`, `tip_cluster_member` and `tip_cluster`): starting from one page's tips, the
 * tips that open suggestions (suggested, not rejected) and confirmed merges connect, walked a few
 * steps by index lookups on those ids only, so a page costs the same at a million tips. Merged pairs
 * still connect: a merged tip stays listed in its group, marked.
 */
export async function duplicateGroups(
  db: DataSource,
  agencyId: string,
  seeds: string[],
): Promise<{ groups: GroupRows[]; groupOf: Map<string, string> }> {
  const parts = new Parts();
  const best = new Map<string, DuplicateReason>();
  const keep = (id: string, reason: DuplicateReason | undefined) => {
    const held = best.get(id);
    if (reason && (!held || reason.strength > held.strength)) best.set(id, reason);
  };
  const seen = new Set(seeds);
  let frontier = seeds;
  for (let round = 0; round < ROUNDS && frontier.length && seen.size < WALK_MAX; round++) {
    const [pairs, merged]: [
      { tip_a: string; tip_b: string; reasons: DuplicateReason[] }[],
      { tip_id: string; other: string }[],
    ] = await Promise.all([
      db.query(
        `SELECT s.tip_a, s.tip_b, s.reasons FROM duplicate_suggestion s
          WHERE s.suggested AND s.agency_id = $2 AND (s.tip_a = ANY($1::uuid[]) OR s.tip_b = ANY($1::uuid[]))
            AND NOT EXISTS (SELECT 1 FROM duplicate_rejection r WHERE r.tip_a = s.tip_a AND r.tip_b = s.tip_b)`,
        [frontier, agencyId],
      ),
      db.query(
        `SELECT m.tip_id, o.tip_id AS other FROM tip_cluster_member m
           JOIN tip_cluster_member o ON o.cluster_id = m.cluster_id AND o.tip_id <> m.tip_id
          WHERE m.tip_id = ANY($1::uuid[]) AND m.agency_id = $2`,
        [frontier, agencyId],
      ),
    ]);
    const next: string[] = [];
    const reach = (id: string) => {
      if (seen.has(id) || seen.size >= WALK_MAX) return;
      seen.add(id);
      next.push(id);
    };
    for (const p of pairs) {
      parts.join(p.tip_a, p.tip_b);
      keep(p.tip_a, p.reasons[0]);
      keep(p.tip_b, p.reasons[0]);
      reach(p.tip_a);
      reach(p.tip_b);
    }
    for (const m of merged) {
      parts.join(m.tip_id, m.other);
      reach(m.other);
    }
    frontier = next;
  }

  // The parts the page's tips are in, with two tips or more.
  const byRoot = new Map<string, string[]>();
  for (const id of seen) {
    const root = parts.find(id);
    byRoot.set(root, [...(byRoot.get(root) ?? []), id]);
  }
  const unexpanded = new Set(frontier);
  const wanted = new Set(seeds.map((id) => parts.find(id)));
  const found = [...byRoot.entries()].filter(([root, ids]) => wanted.has(root) && ids.length > 1);
  if (!found.length) return { groups: [], groupOf: new Map() };

  const ids = found.flatMap(([, members]) => members);
  const rows: (SummaryRow & { cluster_id: string | null; cluster_primary: string | null })[] = await db.query(
    `SELECT ${SUMMARY_COLUMNS}, m.cluster_id, c.primary_tip_id AS cluster_primary
       FROM tip t ${SUMMARY_JOINS}
       LEFT JOIN tip_cluster_member m ON m.tip_id = t.id
       LEFT JOIN tip_cluster c ON c.id = m.cluster_id
      WHERE t.id = ANY($1::uuid[]) AND t.agency_id = $2
      ORDER BY t.received_at, t.id`,
    [ids, agencyId],
  );
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  const groups: GroupRows[] = [];
  const groupOf = new Map<string, string>();
  for (const [, memberIds] of found) {
    const inPart = new Set(memberIds);
    const members = rows.filter((r) => inPart.has(r.id));
    if (members.length < 2) continue;
    // The primary of the cluster most of them are in, else the first to arrive.
    const clusterSizes = new Map<string, number>();
    for (const m of members)
      if (m.cluster_primary)
        clusterSizes.set(m.cluster_primary, (clusterSizes.get(m.cluster_primary) ?? 0) + 1);
    const primaryTipId =
      [...clusterSizes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ??
      members[0].id;
    const ordered = [rowOf.get(primaryTipId) ?? members[0], ...members.filter((m) => m.id !== primaryTipId)];
    const id = [...memberIds].sort()[0];
    const reasons = members.map((m) => best.get(m.id)).filter((r): r is DuplicateReason => !!r);
    groups.push({
      id,
      primaryTipId,
      count: Math.min(members.length, INBOX_LIMITS.groupMax),
      complete: members.length <= INBOX_LIMITS.groupMax && !memberIds.some((m) => unexpanded.has(m)),
      strongest: reasons.sort((a, b) => b.strength - a.strength)[0] ?? null,
      members: ordered.slice(0, INBOX_LIMITS.groupMax).map((m) => ({
        ...m,
        is_primary: m.id === primaryTipId,
        reason: best.get(m.id) ?? null,
      })),
    });
    for (const m of memberIds) groupOf.set(m, id);
  }
  return { groups, groupOf };
}
