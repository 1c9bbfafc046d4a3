import { BlockList, isIP } from 'node:net';

/**
 * Addresses the actor may fetch from or deliver to. Every address it calls comes from a stranger
 * (a keyId, a Follow's actor, a follower's inbox), so without this an unsigned request could make
 * the server call its own loopback services, a cloud's metadata endpoint (169.254.169.254) or the
 * agency's network (SSRF). Checked on the literal address, like the SSO issuer check in identity;
 * a hostname resolving to one of these is not caught. `allowInsecure`
 * (ACTIVITYPUB_ALLOW_INSECURE, for tests and labs) lets plain http and internal addresses through.
 */
const INTERNAL = new BlockList();
INTERNAL.addSubnet('0.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('127.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('10.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('172.16.0.0', 12, 'ipv4');
INTERNAL.addSubnet('192.168.0.0', 16, 'ipv4');
INTERNAL.addSubnet('169.254.0.0', 16, 'ipv4');
INTERNAL.addSubnet('100.64.0.0', 10, 'ipv4');
INTERNAL.addAddress('::', 'ipv6');
INTERNAL.addAddress('::1', 'ipv6');
INTERNAL.addSubnet('fe80::', 10, 'ipv6');
INTERNAL.addSubnet('fc00::', 7, 'ipv6');

export function isPublicHttpsAddress(address: string, allowInsecure: boolean): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && !(allowInsecure && url.protocol === 'http:')) return false;
  if (allowInsecure) return true;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const family = isIP(host);
  return !(
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    (family !== 0 && INTERNAL.check(host, family === 4 ? 'ipv4' : 'ipv6'))
  );
}
