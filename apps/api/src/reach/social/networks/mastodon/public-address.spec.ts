import { isPublicHttpsAddress } from './public-address';

describe('isPublicHttpsAddress', () => {
  it('lets public https servers through', () => {
    expect(isPublicHttpsAddress('https://mastodon.social/users/alice', false)).toBe(true);
    expect(isPublicHttpsAddress('https://[2001:db8::1]/inbox', false)).toBe(true);
  });

  it('refuses plain http, loopback, private and link-local addresses, and what is not a URL', () => {
    for (const address of [
      'http://mastodon.social/inbox',
      'https://127.0.0.1/inbox',
      'https://localhost/inbox',
      'https://10.1.2.3/inbox',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/inbox',
      'https://[::ffff:7f00:1]/inbox',
      'file:///etc/passwd',
      'not a url',
    ])
      expect(`${address} ${isPublicHttpsAddress(address, false)}`).toBe(`${address} false`);
  });

  it('lets http and loopback through only where the deployment allows it (tests, labs)', () => {
    expect(isPublicHttpsAddress('http://127.0.0.1:4000/users/alice', true)).toBe(true);
    expect(isPublicHttpsAddress('ftp://127.0.0.1/x', true)).toBe(false);
  });
});
