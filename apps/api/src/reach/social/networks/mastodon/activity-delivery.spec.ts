import { Logger } from '@nestjs/common';
import { genRsaKeyPair } from '@misskey-dev/node-http-message-signatures';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Clock } from '../../../../common/clock';
import { PublicHttp } from '../../../../common/public-http';
import type { AppConfig } from '../../../../config/app-config';
import type { JobQueue } from '../../../../jobs/job-queue';
import { ActivityDelivery } from './activity-delivery';
import type { ActivityPubStore } from './activitypub-store';
import { RemoteActors } from './remote-actors';

/**
 * One delivery against a real local inbox: what the job does with each answer decides whether a
 * follower's copy is retried (its server down or slow to answer) or given up (refused for good).
 */
describe('ActivityDelivery.deliver', () => {
  let server: Server;
  let inbox: string;
  let answer: number | 'hang';
  const received: IncomingMessage[] = [];
  let delivery: ActivityDelivery;

  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(req);
      req.resume();
      if (answer !== 'hang') req.on('end', () => res.writeHead(answer as number).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    inbox = `http://127.0.0.1:${(server.address() as AddressInfo).port}/users/alice/inbox`;
    const keys = await genRsaKeyPair(2048);
    const store = {
      actorById: () => Promise.resolve({ id: 'a1', username: 'demo' }),
      privateKeyPem: () => Promise.resolve(keys.privateKey),
    } as unknown as ActivityPubStore;
    const config = {
      publicUrl: 'https://vigie.example',
      env: { ACTIVITYPUB_ALLOW_INSECURE: true },
    } as AppConfig;
    const clock = new Clock();
    delivery = new ActivityDelivery(
      {} as JobQueue,
      store,
      new RemoteActors(config, clock, new PublicHttp()),
      clock,
      config,
      300,
    );
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  beforeAll(() => Logger.overrideLogger(false));
  const activity = { type: 'Create', id: 'https://vigie.example/ap/notes/1#create' };

  it('sends the activity signed, and is done when the inbox takes it', async () => {
    answer = 202;
    await expect(delivery.deliver('a1', inbox, activity)).resolves.toBeUndefined();
    const request = received[received.length - 1];
    expect(request.headers['content-type']).toBe('application/activity+json');
    expect(request.headers.signature).toMatch(/^keyId="https:\/\/vigie\.example\/ap\/users\/demo#main-key"/);
    expect(request.headers.digest).toMatch(/^SHA-256=/);
  });

  it('throws (the job is retried) when the inbox is down, rate-limits or does not answer', async () => {
    for (const status of [500, 503, 429, 408, 'hang'] as const) {
      answer = status;
      await expect(delivery.deliver('a1', inbox, activity)).rejects.toThrow();
    }
  });

  it('gives up, without throwing, on an inbox that refuses for good', async () => {
    for (const status of [400, 401, 403, 404, 410]) {
      answer = status;
      await expect(delivery.deliver('a1', inbox, activity)).resolves.toBeUndefined();
    }
  });

  it('never calls an address the deployment does not allow', async () => {
    const strict = {
      publicUrl: 'https://vigie.example',
      env: { ACTIVITYPUB_ALLOW_INSECURE: false },
    } as AppConfig;
    const clock = new Clock();
    const guarded = new ActivityDelivery(
      {} as JobQueue,
      { actorById: () => Promise.resolve({ id: 'a1', username: 'demo' }) } as unknown as ActivityPubStore,
      new RemoteActors(strict, clock, new PublicHttp()),
      clock,
      strict,
    );
    const before = received.length;
    await guarded.deliver('a1', inbox, activity);
    expect(received.length).toBe(before);
  });
});
