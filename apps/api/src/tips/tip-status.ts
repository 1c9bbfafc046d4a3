import { canMoveTip, TIP_LINKABLE, TIP_TRANSITIONS, TipStatus } from '@vigie/common';

const { ACTIONABLE } = TipStatus;

/** The moves staff may make (PATCH and bulk) live in the shared contract, so the desk offers the same. */
export { TIP_TRANSITIONS };

/*
 * The two moves that follow a case link rather than a staff member's choice of status, and so are
 * not in TIP_TRANSITIONS (the moves PATCH allows): both are made by TipCaseLinks, in the
 * transaction that adds or removes the link.
 */

/** Statuses from which linking to a case moves the tip to LINKED (LINKED itself: a second case). */
export const LINKABLE: readonly TipStatus[] = TIP_LINKABLE;

/**
 * Unlinked from its last case, a LINKED tip goes back to ACTIONABLE: it was worth a case, so it
 * is triaged again from there, not from the start. Staff cannot set LINKED -> ACTIONABLE directly
 * while the tip is still linked.
 */
export const AFTER_LAST_UNLINK = ACTIONABLE;

export const canMove = canMoveTip;
