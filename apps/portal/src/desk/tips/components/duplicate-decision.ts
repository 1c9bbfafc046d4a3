import type {
  DuplicateDecisionResult,
  DuplicateGroup,
  DuplicateReason,
  TipSummary,
  UnmergeResult,
} from '@vigie/common';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../shared/api/api-error';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { decideDuplicates, unmergeTip } from '../api/tips.api';
import { memberOf } from './inbox-lines';

/** What the investigator asked for: merge likely duplicates, say they are not, or unmerge one tip. */
export type DecisionKind = 'merge' | 'separate' | 'unmerge';

/** A tip as a decision names it: the confirmation shows its code and first words, the request its version. */
export type DecisionTip = Pick<TipSummary, 'id' | 'code' | 'excerpt' | 'version'> & { groupId?: string };

export interface PlannedTip {
  tip: DecisionTip;
  /** Why it is in its group (its strongest open suggestion), when it is in one. */
  reason: DuplicateReason | null;
}

/** What will happen, listed in the confirmation before anything is sent. */
export interface DecisionPlan {
  kind: DecisionKind;
  /**
   * merge: the tip the others join (the group's primary). separate: when set, the tips are not
   * duplicates of this one only (a tip's duplicates panel); otherwise of any tip.
   */
  target?: DecisionTip;
  tips: PlannedTip[];
  /** merge: some are already in another cluster, which then moves in whole. */
  mergeClusters: boolean;
}

/** The request a confirmed decision sends: versions as seen, so a tip changed meanwhile refuses it. */
export function sendDecision(plan: DecisionPlan): Promise<DuplicateDecisionResult | UnmergeResult> {
  const seen = (tip: DecisionTip) => ({ id: tip.id, version: tip.version });
  if (plan.kind === 'unmerge') return unmergeTip(plan.tips[0].tip.id);
  return decideDuplicates({
    decision: plan.kind === 'merge' ? 'MERGE' : 'NOT_DUPLICATE',
    target: plan.target ? seen(plan.target) : undefined,
    tips: plan.tips.map(({ tip }) => seen(tip)),
    mergeClusters: plan.kind === 'merge' ? plan.mergeClusters : undefined,
  });
}

/**
 * A refused decision, naming the tips that changed since they were shown (`staleKey`: how the
 * screen says so, the list's words or the panel's).
 */
export function decisionErrorMessage(t: TFunction, error: unknown, staleKey = 'desk.groups.stale'): string {
  const stale = ApiError.isApiError(error)
    ? (error.details?.stale as { code: string }[] | undefined)
    : undefined;
  if (stale?.length)
    return t(staleKey as never, { codes: stale.map((tip) => tip.code).join(', '), count: stale.length });
  return deskErrorMessage(t, error);
}

/** The open tip, or one of its likely duplicates, as the duplicates panel knows it. */
export interface PanelTip extends DecisionTip {
  receivedAt: string;
  clusterId: string | null;
}

/**
 * A decision from a tip's duplicates panel, about the open tip and one other. Merging joins the
 * cluster one of them is already in (its primary stays), else goes into the earlier tip, as the
 * inbox's groups do; both in clusters, the clusters merge (said in the confirmation). "Not a
 * duplicate" is about this pair only. Unmerging takes `other` (or the open tip) out of its group.
 */
export function planPanelDecision(
  kind: DecisionKind,
  open: PanelTip,
  other: PanelTip,
  reason: DuplicateReason | null,
): DecisionPlan {
  if (kind === 'unmerge') return { kind, tips: [{ tip: other, reason: null }], mergeClusters: false };
  if (kind === 'separate')
    return { kind, target: open, tips: [{ tip: other, reason }], mergeClusters: false };
  const target =
    other.clusterId && !open.clusterId
      ? other
      : open.clusterId && !other.clusterId
        ? open
        : [open, other].sort(
            (a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id),
          )[0];
  const tip = target === open ? other : open;
  return {
    kind,
    target,
    tips: [{ tip, reason }],
    mergeClusters: !!open.clusterId && !!other.clusterId && open.clusterId !== other.clusterId,
  };
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
