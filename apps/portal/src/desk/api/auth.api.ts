import type { LoginDto, StaffProfile } from '@vigie/common';
import { api } from '../../shared/api/api-client';

/** React Query key of the signed-in staff member (`GET /api/auth/me`). */
export const STAFF_PROFILE_KEY = ['auth', 'me'] as const;

/** Opens a session: the API sets the httpOnly session cookie and the readable CSRF cookie. */
export function signIn(credentials: LoginDto): Promise<StaffProfile> {
  return api.post<StaffProfile>('/api/auth/login', {
    email: credentials.email,
    password: credentials.password,
    ...(credentials.totp ? { totp: credentials.totp } : {}),
  });
}

export function signOut(): Promise<void> {
  return api.post<void>('/api/auth/logout');
}

export function fetchStaffProfile(signal?: AbortSignal): Promise<StaffProfile> {
  return api.get<StaffProfile>('/api/auth/me', { signal });
}
