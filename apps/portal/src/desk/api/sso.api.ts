import type { SsoSignInOptions } from '@vigie/common';
import { api } from '../../shared/api/api-client';

/** What the sign-in page offers for an agency (`?agency=`) or an e-mail's domain. */
export function fetchSsoOptions(by: { agency: string } | { email: string }, signal?: AbortSignal) {
  const query = new URLSearchParams(by).toString();
  return api.get<SsoSignInOptions>(`/api/auth/sso/options?${query}`, { signal });
}
