import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { publishedAppeal } from '../support/appeal-factory';
import { carriesNoMetadata, jpegWithGps } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { sha256, tipForm } from '../support/tip-client';
import { JobQueue } from '../../apps/api/src/jobs/job-queue';
import { TIP_MEDIA_JOB } from '../../apps/api/src/jobs/job-registry';

let t: TestApp;
let anon: ApiClient;
let appealSlug: string;

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  anon = new ApiClient(t.baseUrl);
  const { rows } = await t.db.query(
    `SELECT slug FROM appeal WHERE kind = 'MISSING_PERSON' AND status = 'PUBLISHED' LIMIT 1`,
  );
  appealSlug = rows[0].slug;
});
afterAll(() => t.close());

const storedFile = (...parts: string[]) => readFile(join(t.dataDir, 'media', ...parts));

describe('a citizen sends a tip', () => {
  it('anonymously, as text: gets a readable code and a passphrase in their language, stored only as a hash', async () => {
    const res = await anon.post(
      '/api/public/tips',
      tipForm({ description: 'J’ai vu un homme avec un sac rouge près du métro.' }),
    );
    expect(res.status).toBe(201);
    expect(res.body.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(res.body.password.split('-')).toHaveLength(5);
    expect(new Date(res.body.receivedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const { rows } = await t.db.query(
      `SELECT password_hash, language, contact_enc, status, priority FROM tip WHERE code = $1`,
      [res.body.code],
    );
    expect(rows[0]).toMatchObject({ language: 'fr', contact_enc: null, status: 'NEW', priority: 'NORMAL' });
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].password_hash).not.toContain(res.body.password);
  });

  it('in English when they write in English', async () => {
    const res = await anon.post(
      '/api/public/tips',
      tipForm({ description: 'I saw her at the bus stop.', language: 'en', appeal: appealSlug }),
    );
    expect(res.status).toBe(201);
    const { rows } = await t.db.query(
      `SELECT language, priority, appeal_id IS NOT NULL AS on_appeal FROM tip WHERE code = $1`,
      [res.body.code],
    );
    expect(rows[0]).toEqual({ language: 'en', priority: 'HIGH', on_appeal: true });
  });

  it('with a photo: the original is sealed byte for byte, then processed into stripped copies and staff-only evidence', async () => {
    const photo = await jpegWithGps();
    const res = await anon.post(
      '/api/public/tips',
      tipForm(
        {
          description: 'Photo prise hier soir.',
          appeal: appealSlug,
          latitude: '45.5',
          longitude: '-73.56',
          accuracyM: '12',
        },
        [{ data: photo, name: 'IMG_2041.JPG', type: 'image/jpeg' }],
      ),
    );
    expect(res.status).toBe(201);
    const { rows } = await t.db.query(
      `SELECT m.id, m.tip_id, m.sha256, m.bytes, m.state FROM tip_media m JOIN tip t ON t.id = m.tip_id WHERE t.code = $1`,
      [res.body.code],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].sha256).toBe(sha256(photo));
    expect(Number(rows[0].bytes)).toBe(photo.length);
    // Acknowledged means sealed on disk already, before any processing.
    expect(sha256(await storedFile('sealed', 'tips', rows[0].tip_id, rows[0].id))).toBe(sha256(photo));

    await t.app.get(JobQueue).drain(TIP_MEDIA_JOB);
    const { rows: done } = await t.db.query(
      `SELECT state, renditions, phash, evidence FROM tip_media WHERE id = $1`,
      [rows[0].id],
    );
    expect(done[0].state).toBe('READY');
    expect(done[0].phash).toMatch(/^[0-9a-f]{16}$/);
    expect(done[0].evidence).toMatchObject({ device: { make: 'Apple', model: 'iPhone 15' } });
    expect(done[0].evidence.latitude).toBeCloseTo(45.5017, 3);
    expect(done[0].evidence.longitude).toBeCloseTo(-73.5673, 3);
    expect(done[0].renditions.length).toBeGreaterThan(0);
    for (const r of done[0].renditions) {
      const file = await readFile(join(t.dataDir, 'media', r.key));
      expect(carriesNoMetadata(file)).toBe(true);
    }
  });

  it('with contact details: encrypted at rest, with keyed hashes for duplicate detection', async () => {
    const res = await anon.post(
      '/api/public/tips',
      tipForm({
        description: 'Call me.',
        contactName: 'Jeanne Témoin',
        contactPhone: '+1 (514) 555-0199',
        contactEmail: 'Jeanne@example.org',
      }),
    );
    expect(res.status).toBe(201);
    const { rows } = await t.db.query(
      `SELECT t::text AS row, contact_enc, contact_phone_key FROM tip t WHERE code = $1`,
      [res.body.code],
    );
    expect(rows[0].contact_enc).toMatch(/^v1\./);
    expect(rows[0].contact_phone_key).toBeTruthy();
    // The phone's digits as written and as stored (E.164); '555' alone turned up in a random UUID.
    for (const secret of ['Jeanne', '555-0199', '5550199', 'example.org']) {
      expect(rows[0].row).not.toContain(secret);
    }
  });

  it('takes a phone written the usual North American way, with the area code in parentheses', async () => {
    const res = await anon.post(
      '/api/public/tips',
      tipForm({ description: 'Rappelez-moi.', contactPhone: '(514) 555-2163' }),
    );
    expect(res.status).toBe(201);
    const { rows } = await t.db.query(`SELECT contact_phone_key FROM tip WHERE code = $1`, [res.body.code]);
    expect(rows[0].contact_phone_key).toBeTruthy();
    expect(
      (await anon.post('/api/public/tips', tipForm({ description: 'x', contactPhone: ')514( 555' }))).status,
    ).toBe(400);
  });
});

describe('where a tip that answers no appeal can go', () => {
  it('lists the police services by name, with their public phone and nothing internal', async () => {
    const res = await anon.get('/api/public/agencies');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.body.map((a: { slug: string }) => a.slug).sort()).toEqual(['demo', 'second']);
    for (const agency of res.body)
      expect(Object.keys(agency).sort()).toEqual(['name', 'publicPhone', 'slug']);
  });

  it('needs the service named when there are several (404), and takes it when named', async () => {
    const unnamed = await anon.post(
      '/api/public/tips',
      tipForm({ description: 'Vu au parc.', agency: undefined }),
    );
    expect(unnamed.status).toBe(404);
    expect(unnamed.body.code).toBe('UNKNOWN_AGENCY');
    const named = await anon.post(
      '/api/public/tips',
      tipForm({ description: 'Vu au parc.', agency: 'second' }),
    );
    expect(named.status).toBe(201);
  });
});

describe('bad input is refused and nothing is half-stored', () => {
  async function footprint() {
    const { rows } = await t.db.query(
      `SELECT (SELECT count(*) FROM tip) AS tips, (SELECT count(*) FROM tip_media) AS media`,
    );
    const sealed = await readdir(join(t.dataDir, 'media', 'sealed', 'tips')).catch(() => []);
    const scratch = await readdir(join(t.dataDir, 'media', '.tmp'));
    return { ...rows[0], sealed: sealed.length, scratch: scratch.length };
  }

  const cases: [string, () => Promise<FormData> | FormData, number][] = [
    ['an empty description', () => tipForm({ description: '   ' }), 400],
    ['a description over 10,000 characters', () => tipForm({ description: 'x'.repeat(10_001) }), 400],
    ['a bad latitude', () => tipForm({ description: 'x', latitude: '91', longitude: '0' }), 400],
    ['an unknown field', () => tipForm({ description: 'x', ip: '1.2.3.4' }), 400],
    ['a week date nobody can store', () => tipForm({ description: 'x', occurredFrom: '2026-W10-1' }), 400],
    ['a NUL byte in the text', () => tipForm({ description: 'avant\u0000après' }), 400],
    [
      'a "photo" over 64 MB',
      () =>
        tipForm({ description: 'x' }, [
          {
            data: Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(65 * 1024 * 1024)]),
            name: 'huge.jpg',
            type: 'image/jpeg',
          },
        ]),
      413,
    ],
    ['an unpublished or unknown appeal', () => tipForm({ description: 'x', appeal: 'no-such-appeal' }), 404],
    ['an unknown agency', () => tipForm({ description: 'x', agency: 'nowhere' }), 404],
    [
      'a renamed executable',
      () =>
        tipForm({ description: 'x' }, [
          {
            data: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(2048, 1)]),
            name: 'photo.jpg',
            type: 'image/jpeg',
          },
        ]),
      415,
    ],
    [
      'an SVG with script',
      () =>
        tipForm({ description: 'x' }, [
          {
            data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
            name: 'a.svg',
            type: 'image/svg+xml',
          },
        ]),
      415,
    ],
    [
      'more files than a tip may carry (TIP_MAX_FILES, 20)',
      async () =>
        tipForm(
          { description: 'x' },
          Array.from({ length: 21 }, (_, i) => ({ data: Buffer.from(`f${i}`), name: `f${i}.txt` })),
        ),
      400,
    ],
  ];

  it.each(cases)('%s', async (_name, make, status) => {
    const before = await footprint();
    const res = await anon.post('/api/public/tips', await make());
    expect(res.status).toBe(status);
    expect(res.body.message).toBeTruthy();
    expect(await footprint()).toEqual(before);
  });

  it("a tip for another agency's appeal (404)", async () => {
    const { rows } = await t.db.query(
      `SELECT a.slug FROM appeal a JOIN agency g ON g.id = a.agency_id WHERE g.slug = 'second' AND a.status = 'PUBLISHED' LIMIT 1`,
    );
    const res = await anon.post(
      '/api/public/tips',
      tipForm({ description: 'x', agency: 'demo', appeal: rows[0].slug }),
    );
    expect(res.status).toBe(404);
  });

  it('a multipart body cut off in the middle of a file (400), leaving no scratch file', async () => {
    const before = await footprint();
    const boundary = 'vigieboundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nx\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="v.mp4"\r\nContent-Type: video/mp4\r\n\r\n`;
    const res = await fetch(`${t.baseUrl}/api/public/tips`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: Buffer.concat([Buffer.from(head), Buffer.alloc(200_000, 7)]),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).code).toBe('UPLOAD_INCOMPLETE');
    expect(await footprint()).toEqual(before);
  });
});

// Last: publishing and resolving an appeal start jobs that write files of their own.
describe('an appeal that closes', () => {
  it('stops taking tips at once (404), though it took them a moment before', async () => {
    const [pio, supervisor] = await Promise.all([
      ApiClient.signedIn(t.baseUrl, 'pio@demo.test'),
      ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test'),
    ]);
    const appeal = await publishedAppeal(pio, supervisor);
    const tip = () =>
      anon.post('/api/public/tips', tipForm({ description: 'Je l’ai vu ce matin.', appeal: appeal.slug }));
    expect((await tip()).status).toBe(201);
    const resolved = await pio.post(`/api/appeals/${appeal.id}/resolve`, {
      outcome: 'ARRESTED',
      note: { fr: 'Arrêté. Merci.', en: 'Arrested. Thank you.' },
    });
    expect(resolved.status).toBe(200);
    const refused = await tip();
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('UNKNOWN_APPEAL');
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM tip WHERE appeal_id = $1`, [appeal.id]);
    expect(rows[0].n).toBe(1);
  });
});
