import { isInternalHost } from './internal-address';

describe('isInternalHost', () => {
  it('refuses loopback, private, link-local and reserved addresses, written any way', () => {
    for (const host of [
      'localhost',
      'api.localhost',
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '[::1]',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      // IPv6 forms carrying an IPv4 address: NAT64 (10.0.0.5), local NAT64, 6to4 (10.0.0.5), IPv4-compatible.
      '64:ff9b::a00:5',
      '64:ff9b:1::a00:5',
      '2002:a00:5::1',
      '::a00:5',
    ])
      expect([host, isInternalHost(host)]).toEqual([host, true]);
  });

  it('lets public addresses and names through (names are checked again when connecting)', () => {
    for (const host of [
      '93.184.216.34',
      '2606:2800:220:1:248:1893:25c8:1946',
      'mastodon.social',
      '[2001:db8::1]',
    ])
      expect([host, isInternalHost(host)]).toEqual([host, false]);
  });
});
