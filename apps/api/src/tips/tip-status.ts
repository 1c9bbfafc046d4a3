import { TipStatus } from '@vigie/common';

const { NEW, IN_REVIEW, ACTIONABLE, NEEDS_INFO, NOT_ACTIONABLE, LINKED, CLOSED } = TipStatus;

/**
 * The triage workflow: NEW -> IN_REVIEW -> ACTIONABLE | NEEDS_INFO | NOT_ACTIONABLE -> LINKED ->
 * CLOSED. Besides the forward path: NEEDS_INFO goes back to review when the tipster answers;
 * a dismissed tip can be reopened; a closed tip can be reopened for review. LINKED is reached by
 * linking the tip to a case (POST /api/cases/:id/tips), not by setting it directly.
 */
export const TIP_TRANSITIONS: Record<TipStatus, TipStatus[]> = {
  [NEW]: [IN_REVIEW, NOT_ACTIONABLE],
  [IN_REVIEW]: [ACTIONABLE, NEEDS_INFO, NOT_ACTIONABLE],
  [NEEDS_INFO]: [IN_REVIEW, ACTIONABLE, NOT_ACTIONABLE],
  [ACTIONABLE]: [NEEDS_INFO, NOT_ACTIONABLE, CLOSED],
  [NOT_ACTIONABLE]: [IN_REVIEW, CLOSED],
  [LINKED]: [CLOSED],
  [CLOSED]: [IN_REVIEW],
};

/*
 * The two moves that follow a case link rather than a staff member's choice of status, and so are
 * not in TIP_TRANSITIONS (the moves PATCH allows): both are made by TipCaseLinks, in the
 * transaction that adds or removes the link.
 */

/** Statuses from which linking to a case moves the tip to LINKED (LINKED itself: a second case). */
export const LINKABLE: TipStatus[] = [NEW, IN_REVIEW, NEEDS_INFO, ACTIONABLE, LINKED];

/**
 * Unlinked from its last case, a LINKED tip goes back to ACTIONABLE: it was worth a case, so it
 * is triaged again from there, not from the start. Staff cannot set LINKED -> ACTIONABLE directly
 * while the tip is still linked.
 */
export const AFTER_LAST_UNLINK = ACTIONABLE;

export const canMove = (from: TipStatus, to: TipStatus) => from === to || TIP_TRANSITIONS[from].includes(to);
