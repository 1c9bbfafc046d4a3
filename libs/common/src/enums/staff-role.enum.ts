/** What a staff member may do. A user holds one or more roles within one agency. */
export enum StaffRole {
  ADMIN = 'ADMIN',
  SUPERVISOR = 'SUPERVISOR',
  INVESTIGATOR = 'INVESTIGATOR',
  PIO = 'PIO',
  ANALYST = 'ANALYST',
}

export const STAFF_ROLES = Object.values(StaffRole);
