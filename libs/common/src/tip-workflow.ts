import { TipStatus } from './enums/tip.enum';

const { NEW, IN_REVIEW, ACTIONABLE, NEEDS_INFO, NOT_ACTIONABLE, LINKED, CLOSED } = TipStatus;

/**
 * The triage workflow: NEW -> IN_REVIEW -> ACTIONABLE | NEEDS_INFO | NOT_ACTIONABLE -> LINKED ->
 * CLOSED. Besides the forward path: NEEDS_INFO goes back to review when the tipster answers;
 * a dismissed tip can be reopened; a closed tip can be reopened for review. LINKED is reached by
 * linking the tip to a case (POST /api/cases/:id/tips), not by setting it directly.
 *
 * Shared so that the desk offers exactly the moves the API accepts (PATCH /api/tips/:id and the
 * bulk route refuse any other with ILLEGAL_TRANSITION).
 */
export const TIP_TRANSITIONS: Readonly<Record<TipStatus, readonly TipStatus[]>> = {
  [NEW]: [IN_REVIEW, NOT_ACTIONABLE],
  [IN_REVIEW]: [ACTIONABLE, NEEDS_INFO, NOT_ACTIONABLE],
  [NEEDS_INFO]: [IN_REVIEW, ACTIONABLE, NOT_ACTIONABLE],
  [ACTIONABLE]: [NEEDS_INFO, NOT_ACTIONABLE, CLOSED],
  [NOT_ACTIONABLE]: [IN_REVIEW, CLOSED],
  [LINKED]: [CLOSED],
  [CLOSED]: [IN_REVIEW],
};

/** Staying where it is counts as allowed: a change of assignee or tags only. */
export const canMoveTip = (from: TipStatus, to: TipStatus): boolean =>
  from === to || TIP_TRANSITIONS[from].includes(to);

/** The statuses a tip may be set to from where it is, in workflow order. */
export const tipMovesFrom = (from: TipStatus): readonly TipStatus[] => TIP_TRANSITIONS[from];

/** Statuses from which linking to a case moves a tip to LINKED (LINKED itself: a second case). */
export const TIP_LINKABLE: readonly TipStatus[] = [NEW, IN_REVIEW, NEEDS_INFO, ACTIONABLE, LINKED];
