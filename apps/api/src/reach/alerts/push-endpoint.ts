/**
 * Whether the server may POST alerts to this push endpoint. Only https, and only to a host that is
 * a configured push service or under one (ALERT_PUSH_HOSTS): the endpoint comes from an anonymous
 * visitor, and anything else would let them make Vigie call into the agency's own network. Tests
 * and benchmarks may allow plain http to 127.0.0.1 (ALERT_PUSH_ALLOW_LOOPBACK_HTTP), where their
 * local push service listens; nothing else is relaxed.
 */
export function pushEndpointRefusal(
  endpoint: string,
  rule: { hosts: readonly string[]; allowLoopbackHttp: boolean },
): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'The push endpoint must be an https URL';
  }
  if (url.username || url.password) return 'The push endpoint must not carry credentials';
  if (url.protocol === 'http:' && rule.allowLoopbackHttp && url.hostname === '127.0.0.1') return null;
  if (url.protocol !== 'https:') return 'The push endpoint must be an https URL';
  const host = url.hostname.toLowerCase();
  const known = rule.hosts.some((h) => host === h || host.endsWith(`.${h}`));
  return known ? null : 'This push endpoint is not a push service this site sends to';
}

export function pushHosts(setting: string): string[] {
  return setting
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}
