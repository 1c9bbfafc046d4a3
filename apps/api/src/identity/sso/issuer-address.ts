import { isInternalHost } from '../../common/internal-address';

/**
 * Addresses an agency's issuer must not name: the server fetches the issuer's discovery document
 * and keys itself, so an admin's issuer could otherwise reach the host's loopback services, a
 * cloud's metadata endpoint (169.254.169.254) or the agency's internal network (SSRF).
 * Checked on the literal address only: a hostname that resolves to one of these is not caught
 * (resolving here would not bind the later fetch to the same answer anyway).
 *
 * Why this issuer may not be used, or null. `allowInsecure` (SSO_ALLOW_INSECURE_ISSUER, for tests
 * and labs) lets plain http and internal addresses through.
 */
export function issuerProblem(issuer: string, allowInsecure: boolean): string | null {
  if (allowInsecure) return null;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'Enter the issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0';
  }
  if (url.protocol !== 'https:') return 'The issuer URL must start with https://';
  return isInternalHost(url.hostname)
    ? 'The issuer must be a public address, not a loopback, link-local or private one'
    : null;
}
