import type { StaffRole } from '../enums/staff-role.enum';

export interface SsoGroupMapping {
  group: string;
  roles: StaffRole[];
}

/** `GET /api/admin/sso`: the agency's configuration, without its secret. */
export interface SsoSettingsView {
  configured: boolean;
  enabled: boolean;
  issuer: string | null;
  clientId: string | null;
  /** Whether a client secret is stored; the secret itself is never sent. */
  clientSecretSet: boolean;
  scopes: string;
  groupsClaim: string;
  groupMappings: SsoGroupMapping[];
  passwordSignIn: boolean;
  /** The redirect URI to register with the provider. */
  callbackUrl: string;
  updatedAt: string | null;
}

/** `GET /api/auth/sso/options?email=|agency=`: what the desk's sign-in page offers. */
export interface SsoSignInOptions {
  sso: boolean;
  passwordSignIn: boolean;
  /** Where "Sign in with your organisation" goes; null without SSO. */
  startUrl: string | null;
}

/**
 * Why an SSO sign-in was refused, as `/login?sso_error=` carries it to the sign-in page: the
 * person's account (the first four), or the provider's answer at the callback (the others).
 */
export const SSO_ERRORS = [
  'NO_MAPPED_GROUP',
  'ACCOUNT_DISABLED',
  'EMAIL_ELSEWHERE',
  'SSO_FAILED',
  'SSO_NOT_AVAILABLE',
  'SSO_NO_TRANSACTION',
  'SSO_STATE_MISMATCH',
  'SSO_REJECTED',
  'SSO_PROVIDER_ERROR',
  'SSO_PROVIDER_UNREACHABLE',
] as const;
export type SsoError = (typeof SSO_ERRORS)[number];
