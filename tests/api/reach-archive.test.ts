import { createHash, randomUUID } from 'node:crypto';
import { SocialArchive } from '../../apps/api/src/reach/social/archive/social-archive.service';
import { SEALED_MEDIA_LOCK } from '../../apps/api/src/reach/social/archive/received-media';
import { SocialRetention } from '../../apps/api/src/reach/social/archive/social-retention';
import { MediaStore } from '../../apps/api/src/media/media-store';
import { ApiClient } from '../support/api-client';
import { connectFediverseAccount } from '../support/fediverse-account';
import { startFediversePeer, type FediversePeer } from '../support/fediverse-peer';
import { carriesNoMetadata, exifTags, jpegWithGps } from '../support/media-fixtures';
import { freePort } from '../support/free-port';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The archive of what the agency's accounts received, on its fediverse actor, with alice on a
 * second server (fediverse-peer.ts) mentioning it with photos her own server serves:
 * - a photo on another server than the account's is fetched (through the SSRF-safe client; this
 *   test allows loopback with SOCIAL_MEDIA_ALLOW_INSECURE, production refuses it: the unit spec
 *   received-media.spec.ts), sealed as sent, with a clean copy without metadata;
 * - a hostile or failing file is refused with the reason, and the message is archived all the same;
 * - the files are fetched before any transaction: no lock held while a slow server answers;
 * - the archive's pages follow a keyset on (time, id): messages of one moment across a page end.
 */

let t: TestApp;
let alice: FediversePeer;
let investigator: ApiClient;
let accountId: string;
let agencyId: string;
let actorUrl: string;
let inbox: string;
let archive: SocialArchive;

const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';
const MB = 1024 * 1024;

/** alice mentions the agency, publicly, with these files attached. */
async function mentioned(n: string, text: string, files: string[]): Promise<void> {
  const activity = {
    '@context': 'https://www.w3.org/ns/activitystreams',
    id: `${alice.actorId}/statuses/${n}/activity`,
    type: 'Create',
    actor: alice.actorId,
    object: {
      id: `${alice.actorId}/statuses/${n}`,
      type: 'Note',
      attributedTo: alice.actorId,
      url: `${alice.origin}/@alice/${n}`,
      content: `<p>@demo ${text}</p>`,
      to: [PUBLIC],
      tag: [{ type: 'Mention', href: actorUrl }],
      attachment: files.map((url) => ({ type: 'Document', mediaType: 'image/jpeg', url })),
    },
  };
  expect((await alice.deliver(inbox, JSON.stringify(activity))).status).toBe(202);
}

async function found(q: string) {
  const res = await investigator.get(`/api/reach/social/archive?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body.items as { id: string; text: string; media: Record<string, unknown>[] }[];
}

async function stored(key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await t.app.get(MediaStore).read(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  const port = await freePort();
  t = await startTestApp(
    {
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ACTIVITYPUB_ALLOW_INSECURE: 'true',
      SOCIAL_ALLOW_INSECURE_SERVICE: 'true',
      SOCIAL_MEDIA_ALLOW_INSECURE: 'true',
      TIP_FILE_MAX_MB: '1',
      SOCIAL_READ_SCHEDULE: 'off',
      WORKERS: '0',
    },
    { port },
  );
  alice = await startFediversePeer();
  const admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  const connected = await connectFediverseAccount(admin);
  accountId = connected.accountId;
  actorUrl = connected.actor.actorUrl;
  inbox = `${actorUrl}/inbox`;
  agencyId = (await t.db.query(`SELECT agency_id FROM social_account WHERE id = $1`, [accountId])).rows[0]
    .agency_id;
  archive = t.app.get(SocialArchive);
});
afterAll(async () => {
  await alice?.close();
  await t?.close();
});

it("archives a photo from another server than the account's, sealed as sent, with a clean copy", async () => {
  const photo = await jpegWithGps(800, 600);
  expect(exifTags(photo)).toHaveProperty('GPS:GPSLatitude');
  alice.serve('/media/car.jpg', (_req, res) =>
    res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo),
  );
  const url = `${alice.origin}/media/car.jpg`;
  expect(new URL(url).origin).not.toBe(new URL(t.baseUrl).origin);
  await mentioned('1', 'la voiture rouge rue Laurier', [url]);

  expect(await archive.read(accountId)).toBe(1);
  const [message] = await found('voiture rouge');
  const sha256 = createHash('sha256').update(photo).digest('hex');
  expect(message.media).toEqual([
    {
      url,
      state: 'SEALED',
      key: `social/sealed/${sha256}`,
      sha256,
      mime: 'image/jpeg',
      size: photo.length,
      cleanKey: `social/clean/${sha256}.jpeg`,
    },
  ]);
  // The record is the file as it was sent; the copy anyone looks at carries nothing of the phone's.
  expect((await stored(`social/sealed/${sha256}`)).equals(photo)).toBe(true);
  const clean = await stored(`social/clean/${sha256}.jpeg`);
  expect(clean.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
  expect(carriesNoMetadata(clean)).toBe(true);

  // Staff look at the clean copy; another agency, or a file that is not there, finds nothing.
  const cookie = [...investigator.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const shown = await fetch(`${t.baseUrl}/api/reach/social/archive/${message.id}/media/0`, {
    headers: { cookie },
  });
  expect(shown.status).toBe(200);
  expect(shown.headers.get('content-type')).toBe('image/jpeg');
  expect(shown.headers.get('cache-control')).toBe('private, no-store');
  expect(Buffer.from(await shown.arrayBuffer()).equals(clean)).toBe(true);
  const elsewhere = await ApiClient.signedIn(t.baseUrl, 'investigator@second.test');
  expect((await elsewhere.get(`/api/reach/social/archive/${message.id}/media/0`)).status).toBe(404);
  for (const [path, status] of [
    [`${message.id}/media/1`, 404],
    [`${message.id}/media/-1`, 404],
    [`${message.id}/media/first`, 400],
    ['not-a-message/media/0', 400],
    [`${randomUUID()}/media/0`, 404],
  ] as const)
    expect(`${path} ${(await investigator.get(`/api/reach/social/archive/${path}`)).status}`).toBe(
      `${path} ${status}`,
    );
  expect((await fetch(`${t.baseUrl}/api/reach/social/archive/${message.id}/media/0`)).status).toBe(401);
});

it('refuses a hostile or failing file with the reason, and archives the message all the same', async () => {
  alice.serve('/media/page.jpg', (_req, res) =>
    res.writeHead(200, { 'content-type': 'image/jpeg' }).end('<html><script>alert(1)</script></html>'),
  );
  // More than TIP_FILE_MAX_MB (1 MB), without saying so ahead: stopped as it streams.
  alice.serve('/media/endless.jpg', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg' });
    const chunk = Buffer.alloc(64 * 1024, 0xff);
    let sent = 0;
    const more = () => {
      while (sent < 2 * MB && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once('drain', more);
      }
      res.end();
    };
    more();
  });
  // Saying so ahead: refused without reading it.
  alice.serve('/media/declared.jpg', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(5 * MB) });
    res.write(Buffer.alloc(1024));
  });
  alice.serve('/media/broken.jpg', (_req, res) => res.writeHead(500).end('upstream failed'));
  const files = ['page', 'endless', 'declared', 'broken', 'missing'].map(
    (name) => `${alice.origin}/media/${name}.jpg`,
  );
  const sealedBefore = await sealedCount();
  await mentioned('2', 'regardez ces photos du suspect', files);

  expect(await archive.read(accountId)).toBe(1);
  const [message] = await found('photos du suspect');
  expect(message.text).toBe('@demo regardez ces photos du suspect');
  expect(message.media.map((m) => [m.url, m.state, m.reason])).toEqual([
    [files[0], 'REFUSED', expect.stringMatching(/not accepted.*\(UNSUPPORTED_TYPE\)$/)],
    [files[1], 'REFUSED', 'Larger than the file limit (1 MB)'],
    [files[2], 'REFUSED', 'Larger than the file limit (1 MB)'],
    [files[3], 'REFUSED', 'Not fetched: the server answered 500'],
    [files[4], 'REFUSED', 'Not fetched: the server answered 404'],
  ]);
  expect(await sealedCount()).toBe(sealedBefore);
  expect((await investigator.get(`/api/reach/social/archive/${message.id}/media/0`)).status).toBe(404);
  expect(await leftInScratch()).toEqual([]);
});

it('holds no transaction or lock while a slow server sends a file: a retention purge runs meanwhile', async () => {
  const photo = await jpegWithGps(400, 300);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked!: () => void;
  const requested = new Promise<void>((resolve) => (asked = resolve));
  alice.serve('/media/slow.jpg', (_req, res) => {
    asked();
    void released.then(() => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo));
  });
  // Past the five-year default, with a sealed file only it refers to: the purge removes both,
  // taking the lock alone to check that no message refers to the file.
  const oldFile = `social/sealed/${createHash('sha256').update('old photo').digest('hex')}`;
  await t.app.get(MediaStore).putBuffer(oldFile, Buffer.from('old photo'));
  await t.db.query(
    `INSERT INTO social_message (agency_id, account_id, direction, kind, remote_id, author_handle, text, at, media, archived_at)
     VALUES ($1, $2, 'RECEIVED', 'MENTION', $3, '@old@example.social', 'Ancien message', now() - interval '2000 days', $4, now())`,
    [
      agencyId,
      accountId,
      randomUUID(),
      JSON.stringify([
        {
          url: 'https://example.social/old.jpg',
          state: 'SEALED',
          key: oldFile,
          sha256: 'x',
          mime: 'image/jpeg',
          size: 9,
        },
      ]),
    ],
  );
  await mentioned('3', 'une photo lente', [`${alice.origin}/media/slow.jpg`]);

  const reading = archive.read(accountId);
  await Promise.race([
    requested,
    reading.then(() => Promise.reject(new Error('The read ended without asking for the photo'))),
  ]);
  // The photo is on its way: the read holds no transaction open and not the sealed files' lock.
  const idle = await t.db.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
  );
  expect(idle.rows[0].n).toBe(0);
  const free = await t.db.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS free`, [SEALED_MEDIA_LOCK]);
  expect(free.rows[0].free).toBe(true);
  await t.db.query(`SELECT pg_advisory_unlock(hashtext($1))`, [SEALED_MEDIA_LOCK]);
  const purged = await t.app.get(SocialRetention).purge(undefined, 1825, 'test');
  expect(purged).toMatchObject({ messages: 1, filesRemoved: 1, fileErrors: [] });
  expect(await t.app.get(MediaStore).exists(oldFile)).toBe(false);

  release();
  expect(await reading).toBe(1);
  const [message] = await found('photo lente');
  expect(message.media).toEqual([expect.objectContaining({ state: 'SEALED', size: photo.length })]);
  expect(await t.app.get(MediaStore).exists(message.media[0].key as string)).toBe(true);
});

describe('pages', () => {
  /** Messages at one moment (to the microsecond, as a batch read at once is), and some around it. */
  async function burst(moment: string, count: number): Promise<string[]> {
    const { rows } = await t.db.query(
      `INSERT INTO social_message (agency_id, account_id, direction, kind, remote_id, author_handle, text, at, media, archived_at)
       SELECT $1, $2, 'RECEIVED', 'MENTION', gen_random_uuid()::text, '@crowd@example.social', 'page ' || i, $3::timestamptz, '[]', now()
         FROM generate_series(1, $4::int) AS i
       RETURNING id`,
      [agencyId, accountId, moment, count],
    );
    return rows.map((r) => r.id);
  }

  it('pages through messages of one moment without skipping or repeating one', async () => {
    const expected = [
      ...(await burst('2026-11-20T10:00:01.5Z', 20)),
      ...(await burst('2026-11-20T10:00:00.123456Z', 70)),
      ...(await burst('2026-11-20T09:59:59Z', 15)),
    ];
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: { id: string }[]; next: string | null } } =
        await investigator.get(
          `/api/reach/social/archive?q=page&direction=RECEIVED${next ? `&before=${encodeURIComponent(next)}` : ''}`,
        );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((m) => m.id));
      next = res.body.next;
      pages++;
    } while (next && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(expected.length);
    expect(new Set(seen).size).toBe(expected.length);
    expect([...seen].sort()).toEqual([...expected].sort());
  });

  it('answers 400 to a cursor that is not one, and changes nothing', async () => {
    const id = randomUUID();
    for (const before of [
      'yesterday',
      '2026-11-20T10:00:00Z', // a time alone (the old form): which of its messages came last is unknown
      `2026-02-30T10:00:00Z_${id}`,
      `2026-11-20T25:00:00Z_${id}`,
      `2026-11-20T10:00:00Z_not-a-uuid`,
      `2026-11-20T10:00:00Z_${id}' OR '1'='1`,
      `2026-11-20T10:00:00.1234567Z_${id}`,
    ]) {
      const res = await investigator.get(`/api/reach/social/archive?before=${encodeURIComponent(before)}`);
      expect(`${before} ${res.status}`).toBe(`${before} 400`);
      expect(res.body.errors).toHaveProperty('before');
    }
    const unknown = await investigator.get(
      `/api/reach/social/archive?before=${encodeURIComponent(`2026-11-20T10:00:00.123456Z_${id}`)}`,
    );
    expect(unknown.status).toBe(200);
  });
});

async function sealedCount(): Promise<number> {
  let n = 0;
  for await (const _ of t.app.get(MediaStore).list('social/sealed/')) n++;
  return n;
}

/** Scratch files the archive's reads left behind (none: each is removed once the message is kept). */
async function leftInScratch(): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  return readdir(t.app.get(MediaStore).tempFolder());
}
