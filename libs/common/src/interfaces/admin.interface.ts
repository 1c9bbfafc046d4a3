import { Locale } from '../enums/locale.enum';
import { StaffRole } from '../enums/staff-role.enum';

/**
 * Staff administration: what `/api/admin/...`, `/api/platform/...` and the activation routes answer.
 * Routes (ADMIN of the caller's agency unless said otherwise; another agency's staff answer 404):
 * - `GET /api/admin/staff` → StaffMemberView[]
 * - `POST /api/admin/staff` {email, name, roles} → 201 StaffInvitationResult (409 if the e-mail exists)
 * - `PATCH /api/admin/staff/:id` {roles} → StaffMemberView
 * - `POST /api/admin/staff/:id/disable` | `/enable` → StaffMemberView (disable ends every session at once)
 * - `POST /api/admin/staff/:id/reset-password` → OneTimeLinkResult
 * - `POST /api/admin/staff/:id/reset-totp` → StaffMemberView
 * - `GET /api/admin/staff/:id/sessions` → StaffSessionView[]; `DELETE /api/admin/staff/:id/sessions/:sessionId`
 * - `GET /api/auth/sessions` (one's own) → StaffSessionView[]; `DELETE /api/auth/sessions/:sessionId`
 * - `GET /api/admin/agency` → AgencySettingsView; `PATCH /api/admin/agency` → AgencySettingsView
 * - Public: `GET /api/auth/activation/:token` → ActivationView (404 unknown, 410 used or expired);
 *   `POST /api/auth/activation/:token/totp` → TotpEnrolment; `POST /api/auth/activation/:token`
 *   {password, totpCode?} → 204
 * - Platform operator: `GET /api/platform/agencies` → PlatformAgencyView[];
 *   `POST /api/platform/agencies` {name, slug, timeZone} → 201 PlatformAgencyView;
 *   `POST /api/platform/agencies/:id/admins` {email, name} → 201 StaffInvitationResult
 */

export type StaffStatus = 'INVITED' | 'ACTIVE' | 'DISABLED';

export interface StaffMemberView {
  id: string;
  email: string;
  displayName: string;
  roles: StaffRole[];
  status: StaffStatus;
  /** ISO 8601; null until the first sign-in. */
  lastSignInAt: string | null;
  totpEnabled: boolean;
  createdAt: string;
}

/** A one-time link (activation or password reset). */
export interface OneTimeLinkResult {
  /** True when the link went out by e-mail (SMTP configured). */
  emailed: boolean;
  /** Shown once to the admin when no e-mail could carry it; null when it was e-mailed. */
  activationUrl: string | null;
  /** ISO 8601. */
  expiresAt: string;
}

export interface StaffInvitationResult extends OneTimeLinkResult {
  member: StaffMemberView;
}

export interface StaffSessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string | null;
  expiresAt: string;
  /** The session making this request. */
  current: boolean;
}

export interface AgencySettingsView {
  id: string;
  slug: string;
  name: string;
  publicPhone: string | null;
  /** Where text-message tips arrive (E.164), or null when the agency takes none. */
  smsNumber: string | null;
  /** IANA time zone, e.g. America/Toronto. */
  timeZone: string;
  /** Languages the agency publishes in (at least one). */
  languages: Locale[];
  requireTotp: boolean;
  /** False when the agency signs in only through single sign-on. */
  passwordSignIn: boolean;
}

export type OneTimeLinkPurpose = 'INVITE' | 'PASSWORD_RESET';

/** What the activation page shows before the person chooses a password. */
export interface ActivationView {
  purpose: OneTimeLinkPurpose;
  email: string;
  displayName: string;
  agencyName: string;
  /** The agency requires TOTP, or the person had it: enrolment is part of activation. */
  totpRequired: boolean;
  expiresAt: string;
}

export interface PlatformAgencyView {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  activeAdmins: number;
  createdAt: string;
}
