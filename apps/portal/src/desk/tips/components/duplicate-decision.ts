import type { DuplicateGroup, DuplicateReason, TipSummary } from '@vigie/common';
import { memberOf } from './inbox-lines';

/** What the investigator asked for: merge likely duplicates, say they are not, or unmerge one tip. */
export type DecisionKind = 'merge' | 'separate' | 'unmerge';

export interface PlannedTip {
  tip: TipSummary;
  /** Why it is in its group (its strongest open suggestion), when it is in one. */
  reason: DuplicateReason | null;
}

/** What will happen, listed in the confirmation before anything is sent. */
export interface DecisionPlan {
  kind: DecisionKind;
  /** merge: the tip the others join (the group's primary). */
  target?: TipSummary;
  tips: PlannedTip[];
  /** merge: some are already in another cluster, which then moves in whole. */
  mergeClusters: boolean;
}

export type DecisionProblem = 'noGroup' | 'manyGroups' | 'nothingToMerge' | 'notMerged';

/**
 * From the selection (or, with none, the highlighted tip's whole group) to a decision: what the
 * confirmation dialog lists and the request sends. Merging goes into the group's primary; tips
 * already in its cluster are left out (nothing to do); a selection spanning two groups is refused,
 * as it is almost always a slip.
 */
export function planDecision(
  kind: DecisionKind,
  context: { selected: TipSummary[]; active?: TipSummary; groups: Map<string, DuplicateGroup> },
): DecisionPlan | DecisionProblem {
  const { selected, active, groups } = context;
  const groupOf = (tip: TipSummary) => (tip.groupId ? groups.get(tip.groupId) : undefined);
  const planned = (tip: TipSummary): PlannedTip => ({
    tip,
    reason: memberOf(groupOf(tip), tip.id)?.reason ?? null,
  });

  if (kind === 'unmerge') {
    const member = active && memberOf(groupOf(active), active.id);
    if (!active || !member?.clusterId) return 'notMerged';
    return { kind, tips: [planned(active)], mergeClusters: false };
  }

  const activeGroup = active ? groupOf(active) : undefined;
  const scope = selected.length ? selected : (activeGroup?.members ?? []);
  if (!scope.length || (scope.length < 2 && !groupOf(scope[0]))) return 'noGroup';
  const groupIds = new Set(scope.map((tip) => tip.groupId).filter((id): id is string => !!id));
  if (groupIds.size > 1) return 'manyGroups';

  if (kind === 'separate') return { kind, tips: scope.map(planned), mergeClusters: false };

  const group = groupIds.size ? groups.get([...groupIds][0]) : undefined;
  const target = group
    ? (memberOf(group, group.primaryTipId) ?? scope[0])
    : [...scope].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id))[0];
  const targetCluster = memberOf(group, target.id)?.clusterId ?? null;
  const clusterOf = (tip: TipSummary) => memberOf(groupOf(tip), tip.id)?.clusterId ?? null;
  const tips = scope.filter(
    (tip) => tip.id !== target.id && !(targetCluster && clusterOf(tip) === targetCluster),
  );
  if (!tips.length) return 'nothingToMerge';
  return {
    kind,
    target,
    tips: tips.map(planned),
    mergeClusters: tips.some((tip) => {
      const cluster = clusterOf(tip);
      return cluster !== null && cluster !== targetCluster;
    }),
  };
}
