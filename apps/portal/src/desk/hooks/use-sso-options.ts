import { useQuery } from '@tanstack/react-query';
import type { SsoSignInOptions } from '@vigie/common';
import { fetchSsoOptions } from '../api/sso.api';

const NONE: SsoSignInOptions = { sso: false, passwordSignIn: true, startUrl: null };

/**
 * Whether the agency signs in with its organisation account: from `?agency=` when the link carries
 * it, otherwise from the domain of the e-mail typed (looked up when the field is left, not at each
 * keystroke). Until it is known, or if the lookup fails, password sign-in is offered as usual.
 */
export function useSsoOptions(agency: string | null, email: string): SsoSignInOptions {
  const domain = /@([^@\s]+\.[^@\s]+)$/.exec(email.trim().toLowerCase())?.[1];
  const by = agency ? { agency } : domain ? { email: `someone@${domain}` } : null;
  const { data } = useQuery({
    queryKey: ['auth', 'sso-options', by],
    queryFn: ({ signal }) => fetchSsoOptions(by!, signal),
    enabled: by !== null,
    staleTime: 5 * 60_000,
    retry: false,
  });
  return data ?? NONE;
}
