import { AtpAgent } from '@atproto/api';
import { createServer, Server } from 'node:http';
import sharp from 'sharp';
import { BlueskyClient } from '../../apps/api/src/reach/social/networks/bluesky/bluesky.client';
import {
  SocialAccountCredentials,
  SocialNetworkError,
} from '../../apps/api/src/reach/social/networks/social-network';
import { SocialNetworkClients } from '../../apps/api/src/reach/social/networks/social-network-clients';
import { ApiClient } from '../support/api-client';
import { BlueskyNetwork, startBlueskyNetwork } from '../support/bluesky-network';
import { startTestApp, TestApp } from '../support/test-app';

/*
 * Bluesky against a real local network (@atproto/dev-env: PLC directory, PDS and AppView on
 * loopback), first the client alone, then through the running app: the agency connects its account,
 * an approved AMBER alert is posted, a citizen's reply is archived and becomes a tip.
 */

let net: BlueskyNetwork;
let client: BlueskyClient;
let agency: SocialAccountCredentials;
let citizen: { handle: string; password: string; did: string };
let broken: Server;
let brokenUrl: string;

beforeAll(async () => {
  net = await startBlueskyNetwork();
  const account = await net.createAccount('agency');
  citizen = await net.createAccount('citizen');
  agency = {
    network: 'BLUESKY',
    serviceUrl: net.pdsUrl,
    handle: account.handle,
    accountId: '',
    secret: account.password,
  };
  client = new BlueskyClient(new SocialNetworkClients());
  // A server that answers every request with `brokenMode` (0: never answers).
  broken = createServer((_req, res) => {
    const code = brokenMode;
    if (code === 0) return; // no answer
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ error: code === 400 ? 'InvalidRequest' : 'InternalServerError', message: 'no' }),
    );
  });
  await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
  brokenUrl = `http://127.0.0.1:${(broken.address() as { port: number }).port}`;
  agencyAccount = account;
  t = await startTestApp({ SOCIAL_ALLOW_INSECURE_SERVICE: 'true' });
  admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
  pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
}, 120_000);

let brokenMode = 500;
let t: TestApp;
let admin: ApiClient;
let pio: ApiClient;
let agencyAccount: { handle: string; password: string; did: string };

afterAll(async () => {
  await t?.close();
  broken?.closeAllConnections();
  broken?.close();
  await net?.close();
});

async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 600, height: 400, channels: 3, background: '#c33' } })
    .jpeg()
    .toBuffer();
}

async function record(uri: string) {
  const [, , repo, collection, rkey] = uri.split('/');
  const agent = new AtpAgent({ service: net.pdsUrl });
  return agent.com.atproto.repo.getRecord({ repo, collection, rkey });
}

describe('Bluesky client on a local PDS', () => {
  it('verifies an app password and names the account; a wrong one is refused for good', async () => {
    const who = await client.verify(agency);
    expect(who.handle).toBe(agency.handle);
    expect(who.accountId).toMatch(/^did:plc:/);
    agency = { ...agency, accountId: who.accountId };

    const refused = await client.verify({ ...agency, secret: 'not-the-password' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SocialNetworkError);
    expect(refused).toMatchObject({ retryable: false, status: 401 });
  });

  it('posts with an image and its alt text, threads a reply under it, and deletes', async () => {
    const first = await client.post(agency, {
      text: 'ALERTE AMBER : Léa, 8 ans. https://vigie.example/appeals/lea #AlerteAMBER',
      link: 'https://vigie.example/appeals/lea',
      language: 'fr',
      image: { bytes: await photo(), mimeType: 'image/jpeg', altText: 'Léa, cheveux bruns, chandail rouge' },
    });
    const stored = (await record(first.remoteId)).data.value as {
      text: string;
      langs: string[];
      embed: { images: { alt: string }[] };
      facets: { features: { $type: string; uri?: string; tag?: string }[] }[];
    };
    expect(stored.text).toContain('Léa, 8 ans');
    expect(stored.langs).toEqual(['fr']);
    expect(stored.embed.images[0].alt).toBe('Léa, cheveux bruns, chandail rouge');
    const features = stored.facets.flatMap((f) => f.features);
    expect(features).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ uri: 'https://vigie.example/appeals/lea' }),
        expect.objectContaining({ tag: 'AlerteAMBER' }),
      ]),
    );

    const second = await client.post(agency, {
      text: 'AMBER Alert: Léa, 8. #AMBERAlert',
      link: 'https://vigie.example/appeals/lea?lang=en',
      language: 'en',
      replyTo: first,
    });
    const third = await client.post(agency, { text: 'Update', link: 'x', language: 'en', replyTo: second });
    const reply = (await record(third.remoteId)).data.value as {
      reply: { root: { uri: string }; parent: { uri: string } };
    };
    expect(reply.reply.root.uri).toBe(first.remoteId);
    expect(reply.reply.parent.uri).toBe(second.remoteId);

    await client.delete(agency, third);
    await expect(record(third.remoteId)).rejects.toThrow();
    // A takedown that runs twice succeeds the second time too.
    await client.delete(agency, third);
  });

  it('reads the replies and mentions the account received, once', async () => {
    const mine = await client.post(agency, { text: 'Avez-vous vu Léa ?', link: 'x', language: 'fr' });
    const other = new AtpAgent({ service: net.pdsUrl });
    await other.login({ identifier: citizen.handle, password: citizen.password });
    await other.post({
      text: 'Je crois l’avoir vue rue Principale',
      reply: {
        root: { uri: mine.remoteId, cid: mine.remoteCid! },
        parent: { uri: mine.remoteId, cid: mine.remoteCid! },
      },
    });
    await other.post({ text: 'unrelated', createdAt: new Date().toISOString() });
    await net.settle();

    const first = await client.received(agency, null);
    const reply = first.messages.find((m) => m.text.includes('rue Principale'));
    expect(reply).toMatchObject({
      kind: 'REPLY',
      authorHandle: citizen.handle,
      inReplyToRemoteId: mine.remoteId,
    });
    expect(first.messages.some((m) => m.text === 'unrelated')).toBe(false);
    expect(first.cursor).toBeTruthy();
    const again = await client.received(agency, first.cursor);
    expect(again.messages).toEqual([]);
  });

  it('says whether a failure is worth retrying: 5xx and no answer yes, 4xx no', async () => {
    const account = { ...agency, serviceUrl: brokenUrl, secret: 'x', accountId: '' };
    const quick = new BlueskyClient(new SocialNetworkClients());
    quick.requestTimeoutMs = 300;

    brokenMode = 500;
    await expect(quick.post(account, { text: 'a', link: 'b', language: 'fr' })).rejects.toMatchObject({
      retryable: true,
      status: 500,
    });
    brokenMode = 400;
    await expect(quick.verify(account)).rejects.toMatchObject({ retryable: false, status: 400 });
    brokenMode = 0;
    await expect(quick.received(account, null)).rejects.toMatchObject({ retryable: true, status: null });
    await expect(quick.verify({ ...account, serviceUrl: 'http://127.0.0.1:1' })).rejects.toMatchObject({
      retryable: true,
    });
  });
});

describe('An agency connects its Bluesky account', () => {
  it('refuses wrong credentials, an unknown server and a missing field with a clear 4xx, storing nothing', async () => {
    const good = {
      network: 'BLUESKY',
      serviceUrl: net.pdsUrl,
      handle: agencyAccount.handle,
      secret: agencyAccount.password,
    };
    const wrong = await admin.post('/api/reach/social/accounts', { ...good, secret: 'wrong-password' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.message).toMatch(/refused these credentials/);
    const noServer = await admin.post('/api/reach/social/accounts', { ...good, serviceUrl: 'not a url' });
    expect(noServer.status).toBe(400);
    const noSecret = await admin.post('/api/reach/social/accounts', { ...good, secret: '' });
    expect(noSecret.status).toBe(400);
    const unknown = await admin.post('/api/reach/social/accounts', { ...good, network: 'MYSPACE' });
    expect(unknown.status).toBe(400);
    brokenMode = 503;
    const down = await admin.post('/api/reach/social/accounts', { ...good, serviceUrl: brokenUrl });
    expect(down.status).toBe(502);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM social_account`);
    expect(rows[0].n).toBe(0);
  });

  it('connects with an app password sealed at rest, shows it to the PIO, and only the admin may change it', async () => {
    const good = {
      network: 'BLUESKY',
      serviceUrl: net.pdsUrl,
      handle: agencyAccount.handle,
      secret: agencyAccount.password,
    };
    expect((await pio.post('/api/reach/social/accounts', good)).status).toBe(403);
    const connected = await admin.post('/api/reach/social/accounts', good);
    expect(connected.status).toBe(201);
    expect(connected.body).toMatchObject({
      network: 'BLUESKY',
      handle: agencyAccount.handle,
      accountId: agencyAccount.did,
      status: 'CONNECTED',
    });
    expect(JSON.stringify(connected.body)).not.toContain(agencyAccount.password);

    const { rows } = await t.db.query(`SELECT secret_enc FROM social_account WHERE id = $1`, [
      connected.body.id,
    ]);
    expect(rows[0].secret_enc).not.toContain(agencyAccount.password);
    const audit = await t.db.query(
      `SELECT data::text FROM audit_event WHERE action = 'reach.social_account_connected'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].data).not.toContain(agencyAccount.password);

    const seen = await pio.get('/api/reach/social/accounts');
    expect(seen.status).toBe(200);
    expect(seen.body.networks).toContain('BLUESKY');
    expect(seen.body.accounts).toEqual([
      expect.objectContaining({ id: connected.body.id, status: 'CONNECTED' }),
    ]);
    expect((await admin.post('/api/reach/social/accounts', good)).status).toBe(409);
  });
});
