import { StaffRole } from '@vigie/common';

type Roles = readonly StaffRole[];
const any = (roles: Roles, allowed: StaffRole[]) => roles.some((role) => allowed.includes(role));

/** Who may do what with appeals: the API checks each of these; the desk only hides what would be refused. */
export const appealPermissions = (roles: Roles) => ({
  author: any(roles, [StaffRole.PIO, StaffRole.SUPERVISOR, StaffRole.ADMIN]),
  review: any(roles, [StaffRole.SUPERVISOR]),
  postUpdates: any(roles, [StaffRole.PIO, StaffRole.SUPERVISOR]),
  resolve: any(roles, [StaffRole.PIO, StaffRole.SUPERVISOR]),
  archive: any(roles, [StaffRole.SUPERVISOR, StaffRole.ADMIN]),
});

export type AppealPermissions = ReturnType<typeof appealPermissions>;
