import type { DuplicateGroup, DuplicateGroupMember, TipSummary } from '@vigie/common';

/**
 * One line of the inbox list: a tip on its own; a group of likely duplicates, shown as its primary
 * tip's line with the group's count and strongest reason; or, when the group is expanded, one of its
 * other members under it.
 */
export type InboxLine =
  | { kind: 'tip'; tip: TipSummary }
  | { kind: 'group'; tip: TipSummary; group: DuplicateGroup; expanded: boolean }
  | { kind: 'member'; tip: DuplicateGroupMember; group: DuplicateGroup };

/**
 * The list's lines from the loaded pages: a group takes the place of the first of its tips met in
 * the inbox's order, and its other tips (on this page, a later one, or outside the filters) are not
 * repeated; expanded, they follow it, primary first then by arrival.
 */
export function inboxLines(
  tips: TipSummary[],
  groups: Map<string, DuplicateGroup>,
  expanded: ReadonlySet<string>,
): InboxLine[] {
  const lines: InboxLine[] = [];
  const shown = new Set<string>();
  for (const tip of tips) {
    const group = tip.groupId ? groups.get(tip.groupId) : undefined;
    if (!group) {
      lines.push({ kind: 'tip', tip });
      continue;
    }
    if (shown.has(group.id)) continue;
    shown.add(group.id);
    const [primary, ...others] = group.members;
    const open = expanded.has(group.id);
    lines.push({ kind: 'group', tip: primary ?? tip, group, expanded: open });
    if (open) for (const member of others) lines.push({ kind: 'member', tip: member, group });
  }
  return lines;
}

/** The groups of every loaded page by id (a later page's copy is the fresher). */
export function groupsById(pages: { groups?: DuplicateGroup[] }[]): Map<string, DuplicateGroup> {
  return new Map(pages.flatMap((page) => page.groups ?? []).map((group) => [group.id, group]));
}

/** Where a tip stands in its group, when it is a member of one (the primary included). */
export function memberOf(group: DuplicateGroup | undefined, tipId: string): DuplicateGroupMember | undefined {
  return group?.members.find((member) => member.id === tipId);
}
