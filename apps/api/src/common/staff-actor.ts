import { StaffRole } from '@vigie/common';

/**
 * The agency of a platform operator, who belongs to none: a UUID no agency has, so that a query
 * scoped to it finds nothing even if a route forgot to refuse the operator's role.
 */
export const NO_AGENCY = '00000000-0000-0000-0000-000000000000';

/** The audit chain an actor's own actions go to: their agency's, or the system chain for an operator. */
export const auditAgencyOf = (actor: { agencyId: string }): string | null =>
  actor.agencyId === NO_AGENCY ? null : actor.agencyId;

/** Who is calling a staff route: resolved from the session cookie by the global guard. */
export interface StaffActor {
  userId: string;
  agencyId: string;
  roles: StaffRole[];
  sessionHash: string;
  csrfToken: string;
  /** The agency requires TOTP and this user has not enrolled: only enrolment routes are open. */
  totpEnrolmentRequired: boolean;
}

/** Implemented by the identity feature; the guard depends on this, not on identity itself. */
export interface SessionLookup {
  resolve(token: string): Promise<StaffActor | null>;
}
export const SESSION_LOOKUP = Symbol('SESSION_LOOKUP');

/**
 * Postgres NOTIFY channel on which the identity feature announces each ended session (payload: the
 * SHA-256 of its token, as `StaffActor.sessionHash`), so a live stream of that session can close.
 */
export const SESSION_REVOKED_CHANNEL = 'vigie_session_revoked';
