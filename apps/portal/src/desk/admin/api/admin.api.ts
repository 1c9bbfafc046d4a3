import type {
  ActivationView,
  AgencySettingsView,
  OneTimeLinkResult,
  PlatformAgencyView,
  StaffInvitationResult,
  StaffMemberView,
  StaffRole,
  StaffSessionView,
  TotpEnrolment,
} from '@vigie/common';
import { api } from '../../../shared/api/api-client';

// The routes and shapes are the contract in libs/common/src/interfaces/admin.interface.ts.

const staffPath = (id: string) => `/api/admin/staff/${encodeURIComponent(id)}`;

export const STAFF_KEY = ['desk', 'admin', 'staff'] as const;
export const staffSessionsKey = (id: string) => [...STAFF_KEY, id, 'sessions'] as const;
export const MY_SESSIONS_KEY = ['desk', 'my-sessions'] as const;
export const AGENCY_SETTINGS_KEY = ['desk', 'admin', 'agency'] as const;
export const PLATFORM_AGENCIES_KEY = ['desk', 'platform', 'agencies'] as const;
export const activationKey = (token: string) => ['activation', token] as const;

export interface InviteStaffBody {
  email: string;
  name: string;
  roles: StaffRole[];
}

export const fetchStaff = (signal?: AbortSignal) =>
  api.get<StaffMemberView[]>('/api/admin/staff', { signal });
export const inviteStaff = (body: InviteStaffBody) =>
  api.post<StaffInvitationResult>('/api/admin/staff', body);
export const changeRoles = (id: string, roles: StaffRole[]) =>
  api.patch<StaffMemberView>(staffPath(id), { roles });
export const disableStaff = (id: string) => api.post<StaffMemberView>(`${staffPath(id)}/disable`);
export const enableStaff = (id: string) => api.post<StaffMemberView>(`${staffPath(id)}/enable`);
export const resetPassword = (id: string) => api.post<OneTimeLinkResult>(`${staffPath(id)}/reset-password`);
export const resetTotp = (id: string) => api.post<StaffMemberView>(`${staffPath(id)}/reset-totp`);
export const fetchStaffSessions = (id: string, signal?: AbortSignal) =>
  api.get<StaffSessionView[]>(`${staffPath(id)}/sessions`, { signal });
export const revokeStaffSession = (id: string, sessionId: string) =>
  api.delete<void>(`${staffPath(id)}/sessions/${encodeURIComponent(sessionId)}`);

export const fetchMySessions = (signal?: AbortSignal) =>
  api.get<StaffSessionView[]>('/api/auth/sessions', { signal });
export const revokeMySession = (sessionId: string) =>
  api.delete<void>(`/api/auth/sessions/${encodeURIComponent(sessionId)}`);

export interface AgencySettingsBody {
  name: string;
  publicPhone: string | null;
  smsNumber: string | null;
  timeZone: string;
  languages: AgencySettingsView['languages'];
  requireTotp: boolean;
}

export const fetchAgencySettings = (signal?: AbortSignal) =>
  api.get<AgencySettingsView>('/api/admin/agency', { signal });
export const saveAgencySettings = (body: AgencySettingsBody) =>
  api.patch<AgencySettingsView>('/api/admin/agency', body);

// Activation is public: no staff cookie is needed, and none should ride along with someone else's link.
const activationPath = (token: string) => `/api/auth/activation/${encodeURIComponent(token)}`;

export const fetchActivation = (token: string, signal?: AbortSignal) =>
  api.get<ActivationView>(activationPath(token), { signal, credentials: 'omit' });
export const startTotpEnrolment = (token: string) =>
  api.post<TotpEnrolment>(`${activationPath(token)}/totp`, undefined, { credentials: 'omit' });
export const activateAccount = (token: string, body: { password: string; totpCode?: string }) =>
  api.post<void>(activationPath(token), body, { credentials: 'omit' });

export interface CreateAgencyBody {
  name: string;
  slug: string;
  timeZone: string;
}

export const fetchPlatformAgencies = (signal?: AbortSignal) =>
  api.get<PlatformAgencyView[]>('/api/platform/agencies', { signal });
export const createAgency = (body: CreateAgencyBody) =>
  api.post<PlatformAgencyView>('/api/platform/agencies', body);
export const inviteAgencyAdmin = (agencyId: string, body: { email: string; name: string }) =>
  api.post<StaffInvitationResult>(`/api/platform/agencies/${encodeURIComponent(agencyId)}/admins`, body);
