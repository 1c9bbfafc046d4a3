import type { LookupAddress } from 'node:dns';
import { isPublicHttpsAddress, publicOnlyLookup, type HostLookup } from './public-http';

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
      'https://224.0.0.1/inbox',
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

describe('publicOnlyLookup (what a socket connects to)', () => {
  const resolving =
    (answers: Record<string, LookupAddress[]>): HostLookup =>
    (hostname) =>
      Promise.resolve(answers[hostname] ?? []);
  const lookup = publicOnlyLookup(
    resolving({
      'public.example': [
        { address: '203.0.113.7', family: 4 },
        { address: '2001:db8::7', family: 6 },
      ],
      'loopback.example': [{ address: '127.0.0.1', family: 4 }],
      'rebound.example': [
        { address: '203.0.113.7', family: 4 },
        { address: '10.0.0.5', family: 4 },
      ],
      'v6-loopback.example': [{ address: '::1', family: 6 }],
      'mapped.example': [{ address: '::ffff:127.0.0.1', family: 6 }],
      'unique-local.example': [{ address: 'fd12:3456::1', family: 6 }],
      'metadata.example': [{ address: '169.254.169.254', family: 4 }],
    }),
  );
  const ask = (hostname: string, options: { all?: boolean; family?: number } = {}) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
      lookup(hostname, options, (err, address, family) => resolve({ err, address, family })),
    );

  it('hands the socket the checked addresses of a public name, as it asks for them', async () => {
    expect(await ask('public.example')).toEqual({ err: null, address: '203.0.113.7', family: 4 });
    expect(await ask('public.example', { family: 6 })).toEqual({
      err: null,
      address: '2001:db8::7',
      family: 6,
    });
    expect((await ask('public.example', { all: true })).address).toEqual([
      { address: '203.0.113.7', family: 4 },
      { address: '2001:db8::7', family: 6 },
    ]);
  });

  it('refuses a name if any of its addresses is internal', async () => {
    for (const name of [
      'loopback.example',
      'rebound.example',
      'v6-loopback.example',
      'mapped.example',
      'unique-local.example',
      'metadata.example',
    ]) {
      const answer = await ask(name, { all: true });
      expect(`${name} ${answer.err?.code}`).toBe(`${name} EINTERNALADDRESS`);
    }
  });

  it('says so when a name has no address', async () => {
    expect((await ask('nowhere.example')).err?.code).toBe('ENOTFOUND');
  });
});
