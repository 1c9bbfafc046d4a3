import { isInternalHost } from '../../../../common/internal-address';

/**
 * Addresses the actor may fetch from or deliver to. Every address it calls comes from a stranger
 * (a keyId, a Follow's actor, a follower's inbox), so without this an unsigned request could make
 * the server call its own loopback services, a cloud's metadata endpoint (169.254.169.254) or the
 * agency's network (SSRF). Checked on the literal address, like the SSO issuer check in identity;
 * a hostname resolving to one of these is not caught. `allowInsecure`
 * (ACTIVITYPUB_ALLOW_INSECURE, for tests and labs) lets plain http and internal addresses through.
 */
export function isPublicHttpsAddress(address: string, allowInsecure: boolean): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && !(allowInsecure && url.protocol === 'http:')) return false;
  return allowInsecure || !isInternalHost(url.hostname);
}
