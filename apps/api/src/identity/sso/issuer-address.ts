import { BlockList, isIP } from 'node:net';

/**
 * Addresses an agency's issuer must not name: the server fetches the issuer's discovery document
 * and keys itself, so an admin's issuer could otherwise reach the host's loopback services, a
 * cloud's metadata endpoint (169.254.169.254) or the agency's internal network (SSRF).
 * Checked on the literal address only: a hostname that resolves to one of these is not caught
 * (resolving here would not bind the later fetch to the same answer anyway).
 */
const INTERNAL = new BlockList();
INTERNAL.addSubnet('0.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('127.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('10.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('172.16.0.0', 12, 'ipv4');
INTERNAL.addSubnet('192.168.0.0', 16, 'ipv4');
INTERNAL.addSubnet('169.254.0.0', 16, 'ipv4');
INTERNAL.addAddress('::', 'ipv6');
INTERNAL.addAddress('::1', 'ipv6');
INTERNAL.addSubnet('fe80::', 10, 'ipv6');
INTERNAL.addSubnet('fc00::', 7, 'ipv6');
// IPv4 written as IPv6 (::ffff:7f00:1) is checked against the IPv4 rules by BlockList itself.

/**
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
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const family = isIP(host);
  const internal =
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    (family !== 0 && INTERNAL.check(host, family === 4 ? 'ipv4' : 'ipv6'));
  return internal ? 'The issuer must be a public address, not a loopback, link-local or private one' : null;
}
