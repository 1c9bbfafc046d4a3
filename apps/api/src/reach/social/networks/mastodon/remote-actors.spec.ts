import { Logger } from '@nestjs/common';
import { genRsaKeyPair } from '@misskey-dev/node-http-message-signatures';
import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Clock } from '../../../../common/clock';
import { PublicHttp, type HostLookup } from '../../../../common/public-http';
import type { AppConfig } from '../../../../config/app-config';
import type { JobQueue } from '../../../../jobs/job-queue';
import { ActivityDelivery } from './activity-delivery';
import type { ActivityPubStore } from './activitypub-store';
import { RemoteActors } from './remote-actors';

/**
 * SSRF through a name: a stranger gives an address whose NAME looks public but resolves to the
 * server's own loopback (or the agency's network, a cloud's metadata service). Neither the actor
 * fetch (a keyId) nor a delivery (a follower's inbox) may connect there. A local TCP server stands
 * for the internal service and counts every connection that reaches it.
 */
describe('RemoteActors and ActivityDelivery against names resolving to internal addresses', () => {
  let internal: Server;
  let port: number;
  let connections = 0;
  let key: { keyId: string; privateKeyPem: string };
  const clock = new Clock();
  const config = (allowInsecure: boolean) =>
    ({ publicUrl: 'https://vigie.example', env: { ACTIVITYPUB_ALLOW_INSECURE: allowInsecure } }) as AppConfig;
  // The test's DNS: these names point at the internal service, as a hostile zone would.
  const answers: Record<string, LookupAddress[]> = {
    'actor.evil.example': [{ address: '127.0.0.1', family: 4 }],
    'half.evil.example': [
      { address: '203.0.113.9', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ],
  };
  const lookup: HostLookup = (hostname) => Promise.resolve(answers[hostname] ?? []);
  const actors = (allowInsecure: boolean) =>
    new RemoteActors(config(allowInsecure), clock, new PublicHttp(lookup));

  beforeAll(async () => {
    Logger.overrideLogger(false);
    internal = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
    port = (internal.address() as AddressInfo).port;
    const keys = await genRsaKeyPair(2048);
    key = { keyId: 'https://vigie.example/ap/users/demo#main-key', privateKeyPem: keys.privateKey };
  });
  afterAll(() => new Promise<void>((resolve) => internal.close(() => resolve())));
  beforeEach(() => (connections = 0));

  it('never connects to fetch an actor whose name resolves to loopback, even among public addresses', async () => {
    const strict = actors(false);
    expect(await strict.fetch(`https://actor.evil.example:${port}/users/mallory#main-key`, key)).toBeNull();
    expect(await strict.fetch(`https://half.evil.example:${port}/users/mallory`, key)).toBeNull();
    expect(connections).toBe(0);
  });

  it('never delivers to an inbox whose name resolves to loopback, and gives it up (no retry)', async () => {
    const strict = config(false);
    const delivery = new ActivityDelivery(
      {} as JobQueue,
      {
        actorById: () => Promise.resolve({ id: 'a1', username: 'demo' }),
        privateKeyPem: () => Promise.resolve(key.privateKeyPem),
      } as unknown as ActivityPubStore,
      actors(false),
      clock,
      strict,
      1000,
    );
    await expect(
      delivery.deliver('a1', `https://actor.evil.example:${port}/inbox`, { type: 'Create', id: 'x' }),
    ).resolves.toBeUndefined();
    expect(connections).toBe(0);
  });

  it('reaches the same address where the deployment allows internal ones (so the count above means something)', async () => {
    expect(await actors(true).fetch(`http://actor.evil.example:${port}/users/mallory`, key)).toBeNull();
    expect(connections).toBe(1);
  });
});
