import { AppealKind } from '@vigie/common';
import { ApiClient } from '../support/api-client';
import { appealBody } from '../support/appeal-factory';
import { jpegWithGps, pngBomb, RENAMED_EXECUTABLE, SVG_WITH_SCRIPT, upload } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let pio: ApiClient;
let draftId: string;

/** Row counts that must not move when a request is refused. */
async function footprint() {
  const { rows } = await t.db.query(`SELECT
    (SELECT count(*) FROM appeal) AS appeals, (SELECT count(*) FROM appeal_image) AS images,
    (SELECT count(*) FROM audit_event) AS audit, (SELECT max(version) FROM appeal) AS version`);
  return rows[0];
}

beforeAll(async () => {
  t = await startTestApp();
  pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
  draftId = (await pio.post('/api/appeals', appealBody())).body.id;
});
afterAll(() => t.close());

describe('appeal text: refused with a field message, nothing stored', () => {
  const cases: [string, unknown, string][] = [
    ['an unknown kind', { ...appealBody(), kind: 'LOST_DOG' }, 'kind'],
    [
      'no title in any language',
      appealBody(AppealKind.WANTED, { title: { fr: ' ', en: '' } }),
      'content.title',
    ],
    [
      'a title over 120 characters',
      appealBody(AppealKind.WANTED, { title: { en: 'x'.repeat(121) } }),
      'content.title',
    ],
    [
      'a language other than fr/en',
      appealBody(AppealKind.WANTED, { title: { de: 'Gesucht' } }),
      'content.title',
    ],
    [
      'an AMBER alert without a child',
      appealBody(AppealKind.AMBER_ALERT, { subjects: [{ role: 'SUSPECT' }] }),
      'subjects',
    ],
    [
      'an AMBER alert without an expiry',
      {
        kind: 'AMBER_ALERT',
        content: { ...appealBody(AppealKind.AMBER_ALERT).content, expiresAt: undefined },
      },
      'expiresAt',
    ],
    ['a wanted appeal without a suspect', appealBody(AppealKind.WANTED, { subjects: [] }), 'subjects'],
    [
      'an age range upside down',
      appealBody(AppealKind.MISSING_PERSON, { subjects: [{ role: 'MISSING', ageMin: 40, ageMax: 30 }] }),
      'subjects.0.ageMax',
    ],
    [
      'a height of 5 cm',
      appealBody(AppealKind.MISSING_PERSON, { subjects: [{ role: 'MISSING', heightMinCm: 5 }] }),
      'content.subjects.0.heightMinCm',
    ],
    [
      'a reward in an unknown currency',
      appealBody(AppealKind.WANTED, { reward: { amount: 100, currency: 'BTC', terms: { en: 'x' } } }),
      'content.reward.currency',
    ],
    [
      'a negative reward',
      appealBody(AppealKind.WANTED, { reward: { amount: -5, currency: 'CAD', terms: { en: 'x' } } }),
      'content.reward.amount',
    ],
    ['an unknown field', appealBody(AppealKind.WANTED, { secretNotes: 'x' }), 'content.secretNotes'],
    [
      'an image never uploaded',
      appealBody(AppealKind.WANTED, {
        images: [{ id: '4b0e6c1c-5a8e-4a44-9a39-3f0a4f7d0c11', isComposite: false }],
      }),
      '',
    ],
  ];

  it.each(cases)('%s', async (_name, body, field) => {
    const before = await footprint();
    const res = await pio.post('/api/appeals', body);
    expect(res.status).toBe(400);
    if (field) expect(Object.keys(res.body.errors ?? {})).toContain(field);
    expect(await footprint()).toEqual(before);
  });

  it('stores HTML and script as plain text, byte for byte', async () => {
    const title = { en: '<script>alert(1)</script> Missing <b>Bob</b>' };
    const res = await pio.post('/api/appeals', appealBody(AppealKind.MISSING_PERSON, { title }));
    expect(res.status).toBe(201);
    expect(res.body.draft.title).toEqual(title);
  });

  it('refuses a malformed appeal id with 400 and an unknown one with 404', async () => {
    expect((await pio.get('/api/appeals/not-a-uuid')).status).toBe(400);
    expect((await pio.get('/api/appeals/4b0e6c1c-5a8e-4a44-9a39-3f0a4f7d0c11')).status).toBe(404);
  });

  it('refuses roles that may not write appeals', async () => {
    const investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
    expect((await investigator.post('/api/appeals', appealBody())).status).toBe(403);
    const analyst = await ApiClient.signedIn(t.baseUrl, 'analyst@demo.test');
    expect((await analyst.post(`/api/appeals/${draftId}/submit`)).status).toBe(403);
  });

  it('refuses transitions out of order', async () => {
    const supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
    expect((await supervisor.post(`/api/appeals/${draftId}/approve`)).body.code).toBe('NOT_IN_REVIEW');
    expect((await pio.post(`/api/appeals/${draftId}/resolve`, { outcome: 'ARRESTED' })).body.code).toBe(
      'NOT_PUBLISHED',
    );
    expect(
      (await pio.post(`/api/appeals/${draftId}/updates`, { kind: 'UPDATE', text: { en: 'x' } })).body.code,
    ).toBe('NOT_PUBLISHED');
    expect((await pio.post(`/api/appeals/${draftId}/resolve`, { outcome: 'ESCAPED' })).status).toBe(400);
  });
});

describe('public reads', () => {
  it('refuses an unknown filter even when the same list is cached', async () => {
    const anon = new ApiClient(t.baseUrl);
    expect((await anon.get('/api/public/appeals?kind=WANTED')).status).toBe(200);
    expect((await anon.get('/api/public/appeals?kind=WANTED')).status).toBe(200); // served from the cache
    expect((await anon.get('/api/public/appeals?kind=WANTED&admin=1')).status).toBe(400);
    expect((await anon.get('/api/public/appeals?kind=WANTED&kind=MISSING_PERSON')).status).toBe(400);
    expect((await anon.get('/api/public/appeals?kind=LOST_CAT')).status).toBe(400);
    expect((await anon.get(`/api/public/appeals?q=${'x'.repeat(101)}`)).status).toBe(400);
    // A broken %-escape is the client's mistake, on every cached route.
    for (const path of ['/api/public/appeals/%E0%A4%A', '/appeals/%ZZ', '/feeds/appeals/%ZZ.cap.xml']) {
      expect((await anon.get(path)).status).toBe(400);
    }
  });
});

describe('appeal images: typed from the bytes, refused cleanly', () => {
  const bad: [string, () => Promise<Buffer> | Buffer, string, string, number, string][] = [
    ['a renamed executable', () => RENAMED_EXECUTABLE, 'photo.jpg', 'image/jpeg', 415, 'UNSUPPORTED_TYPE'],
    ['an SVG with a script', () => SVG_WITH_SCRIPT, 'sketch.svg', 'image/svg+xml', 415, 'UNSUPPORTED_TYPE'],
    [
      'an HTML page called .png',
      () => Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
      'x.png',
      'image/png',
      415,
      'UNSUPPORTED_TYPE',
    ],
    [
      'a truncated JPEG',
      async () => (await jpegWithGps()).subarray(0, 6000),
      'cut.jpg',
      'image/jpeg',
      422,
      'DAMAGED',
    ],
    ['a PNG decompression bomb', () => pngBomb(), 'bomb.png', 'image/png', 422, 'TOO_MANY_PIXELS'],
  ];

  it.each(bad)('%s', async (_name, make, filename, type, status, code) => {
    const before = await footprint();
    const res = await pio.post(
      `/api/appeals/${draftId}/images`,
      upload('file', await make(), filename, type, { isComposite: 'false' }),
    );
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(await footprint()).toEqual(before);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(`${t.dataDir}/media/.tmp`)).toEqual([]);
  });

  it('a file over the size limit (413)', async () => {
    const res = await pio.post(
      `/api/appeals/${draftId}/images`,
      upload('file', Buffer.alloc(26 * 1024 * 1024, 0xff), 'huge.jpg', 'image/jpeg', {
        isComposite: 'false',
      }),
    );
    expect(res.status).toBe(413);
  });

  it('no file, or a missing composite flag (400)', async () => {
    expect(
      (
        await pio.post(
          `/api/appeals/${draftId}/images`,
          upload('other', Buffer.from('x'), 'x.jpg', 'image/jpeg', { isComposite: 'false' }),
        )
      ).status,
    ).toBe(400);
    expect(
      (await pio.post(`/api/appeals/${draftId}/images`, upload('file', await jpegWithGps(100, 100), 'x.jpg')))
        .status,
    ).toBe(400);
  });
});
