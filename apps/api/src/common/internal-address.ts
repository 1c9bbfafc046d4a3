import { BlockList, isIP } from 'node:net';

const INTERNAL = new BlockList();
INTERNAL.addSubnet('0.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('127.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('10.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('172.16.0.0', 12, 'ipv4');
INTERNAL.addSubnet('192.168.0.0', 16, 'ipv4');
INTERNAL.addSubnet('169.254.0.0', 16, 'ipv4');
// Carrier-grade NAT: not on the public internet either.
INTERNAL.addSubnet('100.64.0.0', 10, 'ipv4');
// IETF protocol assignments, benchmarking, multicast and reserved (with broadcast): no server there.
INTERNAL.addSubnet('192.0.0.0', 24, 'ipv4');
INTERNAL.addSubnet('198.18.0.0', 15, 'ipv4');
INTERNAL.addSubnet('224.0.0.0', 4, 'ipv4');
INTERNAL.addSubnet('240.0.0.0', 4, 'ipv4');
INTERNAL.addAddress('::', 'ipv6');
INTERNAL.addAddress('::1', 'ipv6');
INTERNAL.addSubnet('fe80::', 10, 'ipv6');
INTERNAL.addSubnet('fc00::', 7, 'ipv6');
INTERNAL.addSubnet('ff00::', 8, 'ipv6');
// IPv6 forms that carry an IPv4 address a gateway reaches (NAT64, local NAT64, 6to4, IPv4-compatible):
// 64:ff9b::a00:5 is 10.0.0.5 on an IPv6-only host with DNS64. None serves a public ActivityPub actor.
INTERNAL.addSubnet('64:ff9b::', 96, 'ipv6');
INTERNAL.addSubnet('64:ff9b:1::', 48, 'ipv6');
INTERNAL.addSubnet('2002::', 16, 'ipv6');
INTERNAL.addSubnet('::', 96, 'ipv6');
// IPv4 written as IPv6 (::ffff:7f00:1) is checked against the IPv4 rules by BlockList itself.

/**
 * Whether a URL's hostname is written as a loopback, link-local or private address (checked on the
 * literal only, not resolved). The server refuses to fetch such an address that an admin typed
 * (an SSO issuer, a social network's server): SSRF. Addresses from strangers are also checked
 * on what their names resolve to, when connecting (public-http.ts).
 */
export function isInternalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const family = isIP(host);
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    (family !== 0 && INTERNAL.check(host, family === 4 ? 'ipv4' : 'ipv6'))
  );
}
