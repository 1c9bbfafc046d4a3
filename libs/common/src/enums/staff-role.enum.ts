/**
 * What a staff member may do. A user holds one or more roles within one agency; the platform
 * operator alone stands outside every agency.
 */
export enum StaffRole {
  ADMIN = 'ADMIN',
  SUPERVISOR = 'SUPERVISOR',
  INVESTIGATOR = 'INVESTIGATOR',
  PIO = 'PIO',
  ANALYST = 'ANALYST',
  /**
   * Answers the tip line: records a caller's tip in the desk and, on a call-back, opens that tip's
   * thread with the caller's code and passphrase. Reads no inbox, tip, case or appeal beyond that.
   */
  CALL_TAKER = 'CALL_TAKER',
  /**
   * Runs a deployment that hosts several agencies: creates agencies and their first administrator.
   * Belongs to no agency, holds no other role, and reaches no agency's tips, cases or appeals.
   */
  PLATFORM_OPERATOR = 'PLATFORM_OPERATOR',
}

/**
 * The roles an agency grants its own staff (what an admin may invite with or assign). The platform
 * operator is deliberately left out, so that "any staff" never lets an operator into agency data.
 */
export const STAFF_ROLES: readonly StaffRole[] = [
  StaffRole.ADMIN,
  StaffRole.SUPERVISOR,
  StaffRole.INVESTIGATOR,
  StaffRole.PIO,
  StaffRole.ANALYST,
  StaffRole.CALL_TAKER,
];
