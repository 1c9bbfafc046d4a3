import { StaffRole } from '@vigie/common';
import { useStaffProfile } from './hooks/use-staff-profile';

const { ADMIN, SUPERVISOR, INVESTIGATOR, PIO, ANALYST, PLATFORM_OPERATOR, CALL_TAKER } = StaffRole;

type Roles = readonly StaffRole[];
const any = (roles: Roles, allowed: StaffRole[]) => roles.some((role) => allowed.includes(role));

/**
 * Who may do what on the desk, in one place: the API checks each of these on its routes; the desk
 * only hides what would be refused. A role check anywhere else in the desk is a bug.
 */
export const deskPermissions = (roles: Roles) => ({
  /** The inbox, tips and cases (the API's READERS). */
  readTips: any(roles, [INVESTIGATOR, SUPERVISOR, ANALYST]),
  /** Change a tip (status, assignee, tags, notes, messages), link it, edit a case. */
  triage: any(roles, [INVESTIGATOR, SUPERVISOR]),
  /** Set or lift a legal hold on a tip or a case. */
  holdRecords: any(roles, [SUPERVISOR, ADMIN]),
  /** Export an evidence package. */
  exportEvidence: any(roles, [INVESTIGATOR, SUPERVISOR]),
  /** Include the tipster's contact details in an evidence package. */
  exportContact: any(roles, [SUPERVISOR]),
  /** Send a tip to another agency (transfer or information copy), and take it back before it is opened. */
  forwardTips: any(roles, [SUPERVISOR]),
  /** Approve, refuse and pay reward claims. */
  decideRewards: any(roles, [SUPERVISOR]),
  /** Record a caller's tip (channel PHONE) and open a caller's thread on a call-back. */
  takeCalls: any(roles, [CALL_TAKER, INVESTIGATOR, SUPERVISOR]),
  /** The desk's appeals list (drafts included); a call-taker sees only the published ones, on the phone page. */
  readAppeals: any(roles, [ADMIN, SUPERVISOR, INVESTIGATOR, PIO, ANALYST]),
  /** The agency's staff and settings (staff, agency, retention). */
  administer: any(roles, [ADMIN]),
  /** The deployment's agencies and their first administrators; nothing inside an agency. */
  operatePlatform: any(roles, [PLATFORM_OPERATOR]),
  /** See the agency's social accounts and whether they work (those who publish, and the admin). */
  seeSocialAccounts: any(roles, [ADMIN, SUPERVISOR, PIO]),
  /** Connect and disconnect them: they hold the agency's credentials. */
  connectSocialAccounts: any(roles, [ADMIN]),
  /** See what an appeal's approval will post and each post's state on the networks. */
  seeSocialPosts: any(roles, [SUPERVISOR, PIO, ADMIN]),
  /** Send a failed post again. */
  retrySocialPosts: any(roles, [SUPERVISOR, PIO]),
  /** Search the archive of what the accounts sent and received. */
  readSocialArchive: any(roles, [INVESTIGATOR, SUPERVISOR, PIO, ADMIN]),
  /** Make a received reply, mention or message a tip. */
  tipFromSocial: any(roles, [INVESTIGATOR, SUPERVISOR]),
  appeals: appealPermissions(roles),
});

/** Who may do what with appeals. */
export const appealPermissions = (roles: Roles) => ({
  author: any(roles, [PIO, SUPERVISOR, ADMIN]),
  review: any(roles, [SUPERVISOR]),
  postUpdates: any(roles, [PIO, SUPERVISOR]),
  resolve: any(roles, [PIO, SUPERVISOR]),
  archive: any(roles, [SUPERVISOR, ADMIN]),
});

export type DeskPermissions = ReturnType<typeof deskPermissions>;
export type AppealPermissions = ReturnType<typeof appealPermissions>;

/** The signed-in staff member's permissions (none while the profile loads). */
export function useDeskPermissions(): DeskPermissions {
  return deskPermissions(useStaffProfile().data?.roles ?? []);
}
