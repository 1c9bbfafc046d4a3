import { StaffRole } from '../enums/staff-role.enum';

export interface AgencySummary {
  id: string;
  name: string;
  slug: string;
  requireTotp: boolean;
  /** IANA zone (`America/Toronto`): the desk shows times as the agency's clock reads them. */
  timeZone: string;
}

/** What `GET /api/auth/me` and a successful login return. */
export interface StaffProfile {
  id: string;
  email: string;
  displayName: string;
  roles: StaffRole[];
  /** Null only for a platform operator, who belongs to no agency. */
  agency: AgencySummary | null;
  totpEnabled: boolean;
  /** True when the agency requires TOTP and the user has not enrolled yet: only enrolment works. */
  totpEnrolmentRequired: boolean;
  csrfToken: string;
  /**
   * The tile server the deployment's administrator configured for maps (`MAP_TILES_URL`), or null:
   * then the desk draws positions on a plain plan and asks no other server for anything.
   */
  mapTiles: { url: string; attribution?: string } | null;
}

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
}
