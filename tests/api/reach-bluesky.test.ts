import { AtpAgent } from '@atproto/api';
import { createServer, Server } from 'node:http';
import sharp from 'sharp';
import { BlueskyClient } from '../../apps/api/src/reach/social/networks/bluesky/bluesky.client';
import {
  SocialAccountCredentials,
  SocialNetworkError,
} from '../../apps/api/src/reach/social/networks/social-network';
import { SocialNetworkClients } from '../../apps/api/src/reach/social/networks/social-network-clients';
import { AppealKind } from '@vigie/common';
import { JobQueue } from '../../apps/api/src/jobs/job-queue';
import { MediaStore } from '../../apps/api/src/media/media-store';
import { SocialArchive } from '../../apps/api/src/reach/social/archive/social-archive.service';
import { SocialPosting } from '../../apps/api/src/reach/social/posting/social-posting.service';
import { ApiClient } from '../support/api-client';
import { appealBody } from '../support/appeal-factory';
import { jpegWithGps, upload } from '../support/media-fixtures';
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
  supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
}, 120_000);

let brokenMode = 500;
let t: TestApp;
let admin: ApiClient;
let pio: ApiClient;
let supervisor: ApiClient;
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
    // The AppView indexes each account's repository on its own: a reply it indexes before its parent
    // notifies no one (it cannot tell whose post was answered). On the real network the post is long
    // indexed when someone answers it; here the reply follows within milliseconds, so wait.
    await net.settle();
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

    // The AppView indexes the PDS's firehose on its own: read until it has (a few rounds at most).
    let first = await client.received(agency, null);
    for (
      let round = 0;
      round < 40 && !first.messages.some((m) => m.text.includes('rue Principale'));
      round++
    ) {
      await net.settle();
      await new Promise((resolve) => setTimeout(resolve, 100));
      first = await client.received(agency, null);
    }
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

/** Runs the publication's listeners and the posts' jobs to the end. */
async function settleJobs() {
  const jobs = t.app.get(JobQueue);
  await jobs.drain('reach.appeal-published');
  await jobs.drain('reach.social-send');
  await jobs.drain('reach.social-takedown');
}

interface PostRow {
  id: string;
  publication: string;
  state: string;
  lastError: string | null;
  attempts: number;
  failure: { reason: string; status: number | null } | null;
  takedownRequestedAt: string | null;
  nextTryAt: string | null;
}

/** When pg-boss will run again the failed job that holds this post (its send job, or its takedown). */
async function retryAtOf(postId: string): Promise<string | null> {
  const { rows } = await t.db.query(
    `SELECT j.start_after FROM pgboss.job j JOIN social_post p
        ON j.data = jsonb_build_object('postId', p.id)
        OR j.data = jsonb_build_object('accountId', p.account_id, 'appealId', p.appeal_id, 'publication', p.publication)
      WHERE p.id = $1 AND j.state = 'retry' AND j.name IN ('reach.social-send', 'reach.social-takedown')`,
    [postId],
  );
  return rows[0] ? (rows[0].start_after as Date).toISOString() : null;
}

/**
 * The appeal's posts once `ready` holds: the queue sends them in the background, and retries a
 * failed send later by itself, so the test waits for what the queue did rather than racing it.
 */
async function postsOnce(appealId: string, ready: (posts: PostRow[]) => boolean): Promise<PostRow[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const posts = (await pio.get(`/api/reach/social/appeals/${appealId}/posts`)).body as PostRow[];
    if (ready(posts) || Date.now() > deadline) return posts;
    await new Promise((r) => setTimeout(r, 100));
  }
}

let amber: { id: string; slug: string };

describe('An approved AMBER alert is posted on Bluesky', () => {
  it('shows the supervisor the posts approval will make, then posts them threaded, with the photo and its alt text', async () => {
    const body = appealBody(AppealKind.AMBER_ALERT, {
      title: { fr: 'Alerte AMBER : Léa Tremblay, 8 ans', en: 'AMBER Alert: Léa Tremblay, 8' },
      summary: { fr: 'Enlevée à Gatineau vers 15 h.', en: 'Abducted in Gatineau around 3 p.m.' },
    });
    const created = await pio.post('/api/appeals', body);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const image = await pio.post(
      `/api/appeals/${id}/images`,
      upload('file', await jpegWithGps(900, 700), 'lea.jpg', 'image/jpeg', { isComposite: 'false' }),
    );
    expect(image.status).toBe(201);
    const imageId = (image.body.images as { id: string }[])[0].id;
    const alt = { fr: 'Léa, cheveux bruns, chandail rouge', en: 'Léa, brown hair, red sweater' };
    const edited = await pio.patch(`/api/appeals/${id}`, {
      content: { ...body.content, images: [{ id: imageId, isComposite: false, alt }] },
      version: image.body.version,
    });
    expect(edited.status).toBe(200);
    expect((await pio.post(`/api/appeals/${id}/submit`)).status).toBe(200);

    const preview = await supervisor.get(`/api/reach/social/appeals/${id}/preview`);
    expect(preview.status).toBe(200);
    const [bluesky] = preview.body.accounts;
    expect(bluesky).toMatchObject({ network: 'BLUESKY', handle: agencyAccount.handle, maxTextLength: 300 });
    const [fr, en] = bluesky.posts;
    expect(fr).toMatchObject({ language: 'fr', problem: null, image: { imageId, altText: alt.fr } });
    expect(fr.text).toContain('#AlerteAMBER');
    expect(en.text).toContain('#AMBERAlert');
    expect(en.text).toContain('?lang=en');
    expect(fr.length).toBeLessThanOrEqual(300);

    const approved = await supervisor.post(`/api/appeals/${id}/approve`);
    expect(approved.status).toBe(200);
    amber = { id, slug: approved.body.slug };
    await settleJobs();

    const posts = await pio.get(`/api/reach/social/appeals/${id}/posts`);
    expect(posts.body).toEqual([
      expect.objectContaining({ language: 'fr', state: 'SENT', network: 'BLUESKY', attempts: 1 }),
      expect.objectContaining({ language: 'en', state: 'SENT', network: 'BLUESKY' }),
    ]);
    const { rows } = await t.db.query(
      `SELECT remote_id FROM social_post WHERE appeal_id = $1 ORDER BY position`,
      [id],
    );
    const first = (await record(rows[0].remote_id)).data.value as {
      text: string;
      embed: { images: { alt: string }[] };
    };
    expect(first.text).toBe(fr.text);
    expect(first.embed.images[0].alt).toBe(alt.fr);
    const second = (await record(rows[1].remote_id)).data.value as { reply: { root: { uri: string } } };
    expect(second.reply.root.uri).toBe(rows[0].remote_id);

    // Run again (the queue retries a publication whose other listener failed): nothing is posted twice.
    const agency = await t.db.query(`SELECT agency_id FROM social_post WHERE appeal_id = $1 LIMIT 1`, [id]);
    await t.app
      .get(SocialPosting)
      .onPublication({ appealId: id, agencyId: agency.rows[0].agency_id, event: 'APPROVED', versionNo: 1 });
    await settleJobs();
    expect((await pio.get(`/api/reach/social/appeals/${id}/posts`)).body).toHaveLength(2);
  });
});

describe('A citizen’s reply on Bluesky is archived and becomes a tip', () => {
  it('archives the reply with its photo sealed and its hostile file refused, finds it, makes it a tip once, and exports it', async () => {
    const root = await t.db.query(
      `SELECT remote_id, remote_cid FROM social_post WHERE appeal_id = $1 AND position = 0 AND publication = 'APPROVED'`,
      [amber.id],
    );
    const parent = { uri: root.rows[0].remote_id as string, cid: root.rows[0].remote_cid as string };
    await net.settle(); // the post indexed before it is answered, as above
    const other = new AtpAgent({ service: net.pdsUrl });
    await other.login({ identifier: citizen.handle, password: citizen.password });
    const photo = await other.uploadBlob(await jpegWithGps(640, 480), { encoding: 'image/jpeg' });
    // Script dressed as a picture: the network takes it as image/png, Vigie reads the bytes.
    const hostile = await other.uploadBlob(
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      { encoding: 'image/png' },
    );
    await other.post({
      text: 'Je crois avoir vu la voiture rue Principale, à Hull',
      reply: { root: parent, parent },
      embed: {
        $type: 'app.bsky.embed.images',
        images: [
          { image: photo.data.blob, alt: 'la voiture' },
          { image: hostile.data.blob, alt: 'x' },
        ],
      },
    });
    // The scheduled job's work, run now (again until the AppView has indexed the reply), and once more.
    const archived = async () =>
      (await t.db.query(`SELECT 1 FROM social_message WHERE text LIKE '%voiture%'`)).rows.length > 0;
    for (let round = 0; round < 20 && !(await archived()); round++) {
      await net.settle();
      await t.app.get(SocialArchive).readAll();
    }
    await t.app.get(SocialArchive).readAll();

    const investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
    const found = await investigator.get('/api/reach/social/archive?q=VOITURE%20rue&direction=RECEIVED');
    expect(found.status).toBe(200);
    expect(found.body.items).toHaveLength(1);
    const reply = found.body.items[0];
    expect(reply).toMatchObject({
      direction: 'RECEIVED',
      kind: 'REPLY',
      network: 'BLUESKY',
      authorHandle: citizen.handle,
      appealId: amber.id,
      tipId: null,
    });
    expect(reply.media).toEqual([
      expect.objectContaining({ state: 'SEALED', mime: 'image/jpeg' }),
      expect.objectContaining({ state: 'REFUSED' }),
    ]);
    expect(await t.app.get(MediaStore).exists(reply.media[0].key)).toBe(true);
    const sent = await investigator.get('/api/reach/social/archive?direction=SENT');
    expect(sent.body.items.length).toBeGreaterThanOrEqual(2);
    expect((await investigator.get('/api/reach/social/archive?direction=SIDEWAYS')).status).toBe(400);

    expect((await pio.post(`/api/reach/social/archive/${reply.id}/tip`)).status).toBe(403);
    expect((await investigator.post(`/api/reach/social/archive/${sent.body.items[0].id}/tip`)).status).toBe(
      409,
    );
    // Two clicks at once: one tip.
    const clicks = await Promise.all([
      investigator.post(`/api/reach/social/archive/${reply.id}/tip`),
      investigator.post(`/api/reach/social/archive/${reply.id}/tip`),
    ]);
    expect(clicks.map((c) => c.status).sort()).toEqual([201, 409]);
    const made = clicks.find((c) => c.status === 201)!;
    expect((await investigator.post(`/api/reach/social/archive/${reply.id}/tip`)).status).toBe(409);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM tip WHERE channel = 'SOCIAL'`)).rows[0].n).toBe(
      1,
    );
    const tip = await investigator.get(`/api/tips/${made.body.tipId}`);
    expect(tip.status).toBe(200);
    expect(tip.body.channel).toBe('SOCIAL');
    expect(tip.body.description).toContain('rue Principale');
    expect(tip.body.description).toContain(`@${citizen.handle}`);
    expect(tip.body.description).toContain(reply.url);
    const audit = await t.db.query(`SELECT data FROM audit_event WHERE action = 'tip.social_recorded'`);
    expect(audit.rows).toEqual([{ data: expect.objectContaining({ messageId: reply.id, link: reply.url }) }]);

    const exported = await pio.get('/api/records/open-records?from=2000-01-01&to=2999-12-31&format=json');
    expect(exported.status).toBe(200);
    const social = exported.body.social as {
      direction: string;
      text: string;
      tipId: unknown;
      media: unknown[];
    }[];
    const exportedReply = social.find((m) => m.direction === 'RECEIVED' && m.text.includes('rue Principale'));
    // The public reply is a public record; that it became a tip, and its files, are not.
    expect(exportedReply).toMatchObject({ tipId: null, media: [] });
    expect(social.some((m) => m.direction === 'SENT' && m.text.includes('#AlerteAMBER'))).toBe(true);
    const csv = await pio.get('/api/records/open-records?from=2000-01-01&to=2999-12-31&format=csv');
    expect(String(csv.body)).toContain('social_reply_received');
  });
});

describe('Posts that fail, and posts that come down', () => {
  it('retries a post the network could not take, shows a refused one to the PIO, and sends it again on request', async () => {
    const { rows } = await t.db.query(`SELECT id, service_url FROM social_account`);
    const account = rows[0];
    const toCheck = async () => (await pio.get('/api/reach/social/posts/attention/count')).body.count;
    const before = await toCheck();
    // The account's server answers 503, then 400 (the network is what fails, not Vigie).
    await t.db.query(`UPDATE social_account SET service_url = $1 WHERE id = $2`, [brokenUrl, account.id]);
    const update = await pio.post(`/api/appeals/${amber.id}/updates`, {
      kind: 'RUMOUR_CORRECTION',
      text: { fr: 'Aucune arrestation n’a eu lieu.', en: 'No arrest has been made.' },
    });
    expect(update.status).toBe(201);
    const updateId = (update.body.updates as { id: string; state: string }[]).find(
      (u) => u.state === 'IN_REVIEW',
    )!.id;
    brokenMode = 503;
    expect((await supervisor.post(`/api/appeals/${amber.id}/updates/${updateId}/approve`)).status).toBe(200);
    const publication = `UPDATE:${updateId}`;
    const jobs = t.app.get(JobQueue);
    // The queue's send job meets the 503: the job fails (the queue runs it again later), the post waits.
    await jobs.drain('reach.appeal-published');
    const answered = (p: PostRow) => p.publication === publication && p.lastError !== null;
    // Waiting for the queue's next try, which the desk is told the time of.
    let posts = await postsOnce(amber.id, (all) => all.some((p) => answered(p) && p.nextTryAt !== null));
    let correction = posts.find(answered)!;
    expect(correction).toMatchObject({ state: 'QUEUED', attempts: expect.any(Number) });
    expect(correction.lastError).toMatch(/^503/);
    expect(correction.nextTryAt).not.toBeNull();
    expect(await retryAtOf(correction.id)).toBe(correction.nextTryAt);
    const accounts = await pio.get('/api/reach/social/accounts');
    expect(accounts.body.accounts[0]).toMatchObject({ status: 'FAILING' });

    // A refusal a retry cannot change: the queue's next try is refused, the post is shown as
    // failed, and the queue stops trying (its job ends).
    brokenMode = 400;
    await jobs.drain('reach.social-send');
    posts = (await pio.get(`/api/reach/social/appeals/${amber.id}/posts`)).body;
    correction = posts.find((p) => p.publication === publication && p.state === 'FAILED')!;
    expect(correction.lastError).toMatch(/^400/);
    expect((await pio.post(`/api/reach/social/posts/${posts[0].id}/retry`)).status).toBe(409);
    // The navigation counts the failed posts, as many as the list shows.
    const failedCount = posts.filter((p) => p.state === 'FAILED').length;
    expect(failedCount).toBe(2);
    expect(await toCheck()).toBe(before + failedCount);

    // The account works again; the PIO sends the failed posts again and they thread under the alert.
    await t.db.query(`UPDATE social_account SET service_url = $1 WHERE id = $2`, [
      account.service_url,
      account.id,
    ]);
    for (const failed of posts.filter((p) => p.state === 'FAILED')) {
      const again = await pio.post(`/api/reach/social/posts/${failed.id}/retry`);
      expect(again.status).toBe(200);
    }
    await settleJobs();
    posts = (await pio.get(`/api/reach/social/appeals/${amber.id}/posts`)).body;
    expect(posts.filter((p) => p.publication === publication).map((p) => p.state)).toEqual(['SENT', 'SENT']);
    expect(await toCheck()).toBe(before);
    const sent = await t.db.query(
      `SELECT remote_id, root_remote_id FROM social_post WHERE publication = $1 ORDER BY position`,
      [publication],
    );
    const reply = (await record(sent.rows[0].remote_id)).data.value as {
      text: string;
      reply: { root: { uri: string } };
    };
    expect(reply.text).toContain('Aucune arrestation');
    expect(reply.reply.root.uri).toBe(sent.rows[0].root_remote_id);
    const audit = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'reach.social_post_retried'`,
    );
    expect(audit.rows[0].n).toBe(2);
  });

  it('takes down every post naming the child when she is found, photo or not, and says so in the thread', async () => {
    const photos = await t.db.query(
      `SELECT remote_id FROM social_post WHERE appeal_id = $1 AND image_id IS NOT NULL`,
      [amber.id],
    );
    expect(photos.rows).toHaveLength(2);
    // The update posted under the alert names her too, without a photo.
    const named = await t.db.query(
      `SELECT remote_id FROM social_post WHERE appeal_id = $1 AND remote_id IS NOT NULL`,
      [amber.id],
    );
    expect(named.rows.length).toBeGreaterThan(photos.rows.length);
    // Bluesky fails for a while (503): each takedown is said to be on its way again, and when.
    const { rows } = await t.db.query(`SELECT id, service_url FROM social_account`);
    await t.db.query(`UPDATE social_account SET service_url = $1 WHERE id = $2`, [brokenUrl, rows[0].id]);
    brokenMode = 503;
    const toCheck = async () => (await pio.get('/api/reach/social/posts/attention/count')).body.count;
    const waiting = await toCheck();
    const resolved = await pio.post(`/api/appeals/${amber.id}/resolve`, {
      outcome: 'FOUND_SAFE',
      note: { fr: 'Retrouvée saine et sauve.', en: 'Found safe.' },
    });
    expect(resolved.status).toBe(200);
    const retrying = (
      await postsOnce(amber.id, (all) =>
        all.filter((p) => p.publication === 'APPROVED').every((p) => p.nextTryAt !== null),
      )
    ).filter((p) => p.publication === 'APPROVED');
    for (const post of retrying) {
      // Still up, its takedown asked for, the last try's failure and the next try's time.
      expect(post).toMatchObject({ state: 'SENT', failure: { reason: 'NETWORK_ERROR', status: 503 } });
      expect(post.takedownRequestedAt).not.toBeNull();
      expect(post.nextTryAt).not.toBeNull();
      expect(await retryAtOf(post.id)).toBe(post.nextTryAt);
    }
    // On its way again: not a post to check.
    expect(await toCheck()).toBe(waiting);
    // Bluesky is back; the queue's next tries are brought forward rather than waited for.
    await t.db.query(`UPDATE social_account SET service_url = $1 WHERE id = $2`, [
      rows[0].service_url,
      rows[0].id,
    ]);
    await t.db.query(
      `UPDATE pgboss.job SET start_after = now() WHERE state = 'retry' AND name IN ('reach.social-send', 'reach.social-takedown')`,
    );
    await settleJobs();
    const posts = (await pio.get(`/api/reach/social/appeals/${amber.id}/posts`)).body as {
      publication: string;
      state: string;
      text: string;
    }[];
    expect(posts.filter((p) => p.publication === 'APPROVED').map((p) => p.state)).toEqual([
      'TAKEN_DOWN',
      'TAKEN_DOWN',
    ]);
    expect(posts.filter((p) => p.publication !== 'RESOLVED').every((p) => p.state === 'TAKEN_DOWN')).toBe(
      true,
    );
    for (const row of named.rows) await expect(record(row.remote_id)).rejects.toThrow();
    const outcome = posts.filter((p) => p.publication === 'RESOLVED');
    expect(outcome.map((p) => p.state)).toEqual(['SENT', 'SENT']);
    expect(outcome[1].text).toContain('Found safe');
  });
});
