import { StaffRole } from '@vigie/common';

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
