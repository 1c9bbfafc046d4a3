import { get as httpGet } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { AppealKind } from '@vigie/common';
import { ApiClient } from '../support/api-client';
import { appealBody, publishedAppeal } from '../support/appeal-factory';
import { carriesNoMetadata, jpegWithGps, upload } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let pio: ApiClient;
let supervisor: ApiClient;
let supervisor2: ApiClient;
let anon: ApiClient;

beforeAll(async () => {
  t = await startTestApp();
  await t.db.query(`INSERT INTO staff_user (agency_id, email, display_name, password_hash, roles)
    SELECT agency_id, 'supervisor2@demo.test', 'Second Supervisor', password_hash, ARRAY['SUPERVISOR'] FROM staff_user WHERE email = 'supervisor@demo.test'`);
  pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
  supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
  supervisor2 = await ApiClient.signedIn(t.baseUrl, 'supervisor2@demo.test');
  anon = new ApiClient(t.baseUrl);
});
afterAll(() => t.close());

const publicSlugs = async () =>
  (await anon.get('/api/public/appeals')).body.items.map((i: { slug: string }) => i.slug);

describe('a PIO publishes an appeal with a photo and a reward; a supervisor approves it', () => {
  let id: string;
  let slug: string;

  it('creates a draft that the public cannot see', async () => {
    const res = await pio.post(
      '/api/appeals',
      appealBody(AppealKind.MISSING_PERSON, {
        reward: { amount: 5000, currency: 'CAD', terms: { fr: 'Conditions.', en: 'Terms apply.' } },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'DRAFT', revisionState: 'EDITING', version: 1 });
    ({ id, slug } = res.body);
    expect(slug).toMatch(/^missing-marc-gagnon-72-[0-9a-f]{6}$/);
    expect(await publicSlugs()).not.toContain(slug);
    expect((await anon.get(`/api/public/appeals/${slug}`)).status).toBe(404);
  });

  it('adds a photo: renditions carry no metadata, and the sealed original is kept byte for byte', async () => {
    const photo = await jpegWithGps();
    expect(carriesNoMetadata(photo)).toBe(false); // the fixture really is a phone photo with GPS
    const res = await pio.post(
      `/api/appeals/${id}/images`,
      upload('file', photo, 'IMG_0001.jpg', 'image/jpeg', { isComposite: 'false', altEn: 'Marc in 2025' }),
    );
    expect(res.status).toBe(201);
    expect(res.body.draft.images).toHaveLength(1);
    const [image] = res.body.images;
    expect(image.sha256).toBe(createHash('sha256').update(photo).digest('hex'));
    for (const url of [image.thumb.jpeg, image.card.webp, image.full.avif]) {
      const file = await pio.request('GET', url);
      expect(file.status).toBe(200);
    }
    const full = Buffer.from(
      await (
        await fetch(t.baseUrl + image.full.jpeg, { headers: { cookie: `vigie_session=${pio.sessionToken}` } })
      ).arrayBuffer(),
    );
    expect(carriesNoMetadata(full)).toBe(true);
    // EXIF orientation 6 (rotate 90°) was applied before stripping: 1200x900 becomes portrait.
    expect([image.full.width, image.full.height]).toEqual([900, 1200]);
    // Not public yet.
    expect((await anon.get(`/media/appeal-images/${image.id}/card.webp`)).status).toBe(404);
  });

  it('a PIO cannot approve; the supervisor who did not write it can', async () => {
    expect((await pio.post(`/api/appeals/${id}/submit`)).body.status).toBe('IN_REVIEW');
    const byPio = await pio.post(`/api/appeals/${id}/approve`);
    expect(byPio.status).toBe(403);
    const res = await supervisor.post(`/api/appeals/${id}/approve`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'PUBLISHED', live: { versionNo: 1 } });
    expect(res.body.draft).toBeUndefined();
  });

  it('is live at once in the public list and detail, with reward and photo', async () => {
    expect(await publicSlugs()).toContain(slug);
    const res = await anon.get(`/api/public/appeals/${slug}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'MISSING_PERSON',
      status: 'PUBLISHED',
      versionNo: 1,
      reward: { amount: 5000, currency: 'CAD' },
    });
    expect(res.body.images[0].alt).toEqual({ en: 'Marc in 2025' });
    const image = await fetch(t.baseUrl + res.body.images[0].card.webp);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
  });

  it('answers revalidation with 304', async () => {
    const first = await fetch(`${t.baseUrl}/api/public/appeals/${slug}`);
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toMatch(/public/);
    expect(first.headers.get('last-modified')).toBeTruthy();
    const again = await fetch(`${t.baseUrl}/api/public/appeals/${slug}`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('sends the cached answer compressed when the client accepts it, with its own validator', async () => {
    const plain = await fetch(`${t.baseUrl}/api/public/appeals/${slug}`, {
      headers: { 'accept-encoding': 'identity' },
    });
    const raw = Buffer.from(await plain.arrayBuffer());
    for (const encoding of ['br', 'gzip']) {
      // fetch would decode it; node:http shows what was on the wire.
      const wire = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve) =>
        httpGet(
          `${t.baseUrl}/api/public/appeals/${slug}`,
          { headers: { 'accept-encoding': encoding } },
          (res: any) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          },
        ),
      );
      expect(wire.headers['content-encoding']).toBe(encoding);
      expect(wire.headers.etag).not.toBe(plain.headers.get('etag'));
      expect((encoding === 'br' ? brotliDecompressSync(wire.body) : gunzipSync(wire.body)).equals(raw)).toBe(
        true,
      );
    }
  });

  it('an edit waits for review while the published version stays live; approval makes version 2', async () => {
    const current = (await pio.get(`/api/appeals/${id}`)).body;
    const draft = {
      ...current.live.content,
      summary: { fr: 'Vu à Laval puis à Terrebonne.', en: 'Seen in Laval, then Terrebonne.' },
    };
    const edited = await pio.patch(`/api/appeals/${id}`, { content: draft, version: current.version });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'PUBLISHED', revisionState: 'EDITING' });
    expect((await anon.get(`/api/public/appeals/${slug}`)).body.summary.en).toBe('Last seen in Laval.');

    await pio.post(`/api/appeals/${id}/submit`);
    expect((await supervisor.post(`/api/appeals/${id}/approve`)).status).toBe(200);
    const live = (await anon.get(`/api/public/appeals/${slug}`)).body;
    expect(live).toMatchObject({ versionNo: 2, summary: { en: 'Seen in Laval, then Terrebonne.' } });

    const { rows } = await t.db.query(
      `SELECT version_no, public->'content'->'summary'->>'en' AS en FROM appeal_version WHERE appeal_id = $1 ORDER BY version_no`,
      [id],
    );
    expect(rows).toEqual([
      { version_no: 1, en: 'Last seen in Laval.' },
      { version_no: 2, en: 'Seen in Laval, then Terrebonne.' },
    ]);
  });

  it('refuses a stale edit with 409 and the current version', async () => {
    const res = await pio.patch(`/api/appeals/${id}`, { content: appealBody().content, version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('STALE_VERSION');
    expect(res.body.current.version).toBeGreaterThan(1);
  });

  it('keeps published versions immutable in the database', async () => {
    await expect(
      t.db.query(`UPDATE appeal_version SET public = '{}' WHERE appeal_id = $1`, [id]),
    ).rejects.toThrow(/public records/);
    await expect(t.db.query(`DELETE FROM appeal_version WHERE appeal_id = $1`, [id])).rejects.toThrow(
      /public records/,
    );
  });

  it('posts a rumour correction that goes live after review, newest first', async () => {
    const first = await pio.post(`/api/appeals/${id}/updates`, {
      kind: 'UPDATE',
      text: { fr: 'Merci pour vos appels.', en: 'Thank you for your calls.' },
    });
    expect(first.status).toBe(201);
    const pending = first.body.updates[0];
    expect(pending.state).toBe('IN_REVIEW');
    expect((await anon.get(`/api/public/appeals/${slug}`)).body.updates).toEqual([]);
    expect((await pio.post(`/api/appeals/${id}/updates/${pending.id}/approve`)).status).toBe(403);
    expect((await supervisor.post(`/api/appeals/${id}/updates/${pending.id}/approve`)).status).toBe(200);

    const rumour = await pio.post(`/api/appeals/${id}/updates`, {
      kind: 'RUMOUR_CORRECTION',
      text: { fr: 'Non, il n’a pas été retrouvé à Québec.', en: 'No, he has not been found in Québec City.' },
    });
    await supervisor.post(`/api/appeals/${id}/updates/${rumour.body.updates[0].id}/approve`);
    const updates = (await anon.get(`/api/public/appeals/${slug}`)).body.updates;
    expect(updates.map((u: { kind: string }) => u.kind)).toEqual(['RUMOUR_CORRECTION', 'UPDATE']);
  });

  it('resolves as FOUND_SAFE: the photo and personal details leave the public page, the record keeps them', async () => {
    const before = (await anon.get(`/api/public/appeals/${slug}`)).body;
    const res = await pio.post(`/api/appeals/${id}/resolve`, {
      outcome: 'FOUND_SAFE',
      note: { fr: 'Retrouvé sain et sauf. Merci.', en: 'Found safe. Thank you.' },
    });
    expect(res.status).toBe(200);
    const after = (await anon.get(`/api/public/appeals/${slug}`)).body;
    expect(after).toMatchObject({
      status: 'RESOLVED',
      outcome: 'FOUND_SAFE',
      resolution: { outcome: 'FOUND_SAFE' },
      images: [],
      subjects: [],
    });
    expect(after.lastSeen).toBeUndefined();
    expect(after.reward).toBeUndefined();
    expect((await fetch(t.baseUrl + before.images[0].card.webp)).status).toBe(404);
    const { rows } = await t.db.query(
      `SELECT reason, jsonb_array_length(public->'content'->'images') AS images FROM appeal_version WHERE appeal_id = $1 ORDER BY version_no`,
      [id],
    );
    expect(rows.map((r) => `${r.reason}:${r.images}`)).toEqual(['APPROVED:1', 'APPROVED:1', 'RESOLVED:0']);
  });

  it('cannot be edited once resolved, and archiving withdraws it from the public (410)', async () => {
    const current = (await pio.get(`/api/appeals/${id}`)).body;
    expect(
      (await pio.patch(`/api/appeals/${id}`, { content: appealBody().content, version: current.version }))
        .status,
    ).toBe(409);
    expect((await pio.post(`/api/appeals/${id}/archive`)).status).toBe(403);
    expect((await supervisor.post(`/api/appeals/${id}/archive`)).status).toBe(200);
    expect((await anon.get(`/api/public/appeals/${slug}`)).status).toBe(410);
    expect(await publicSlugs()).not.toContain(slug);
    const archived = (await pio.get(`/api/appeals/${id}`)).body;
    expect(
      (await pio.patch(`/api/appeals/${id}`, { content: appealBody().content, version: archived.version }))
        .status,
    ).toBe(409);
  });

  it('audited every step', async () => {
    const { rows } = await t.db.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [
      id,
    ]);
    expect(rows.map((r) => r.action)).toEqual([
      'appeal.created',
      'appeal.image_added',
      'appeal.submitted',
      'appeal.approved',
      'appeal.edited',
      'appeal.submitted',
      'appeal.approved',
      'appeal.update_posted',
      'appeal.update_approved',
      'appeal.update_posted',
      'appeal.update_approved',
      'appeal.resolved',
      'appeal.archived',
    ]);
  });
});

describe('two-person rule and rejection', () => {
  it('a supervisor who edited or submitted cannot approve; another can', async () => {
    const created = await supervisor.post(
      '/api/appeals',
      appealBody(AppealKind.WANTED, { title: { en: 'Wanted: bank robbery' } }),
    );
    await supervisor.post(`/api/appeals/${created.body.id}/submit`);
    const self = await supervisor.post(`/api/appeals/${created.body.id}/approve`);
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('SELF_APPROVAL');
    expect((await supervisor2.post(`/api/appeals/${created.body.id}/approve`)).status).toBe(200);
  });

  it('rejection sends it back to DRAFT with the reason, and it can be fixed and resubmitted', async () => {
    const created = await pio.post('/api/appeals', appealBody(AppealKind.UNIDENTIFIED_PERSON));
    await pio.post(`/api/appeals/${created.body.id}/submit`);
    expect((await supervisor.post(`/api/appeals/${created.body.id}/reject`, { reason: '   ' })).status).toBe(
      400,
    );
    const rejected = await supervisor.post(`/api/appeals/${created.body.id}/reject`, {
      reason: 'Add the place where the person was found.',
    });
    expect(rejected.body).toMatchObject({
      status: 'DRAFT',
      revisionState: 'EDITING',
      rejectionReason: 'Add the place where the person was found.',
    });
    const resubmitted = await pio.post(`/api/appeals/${created.body.id}/submit`);
    expect(resubmitted.body.status).toBe('IN_REVIEW');
  });
});

describe('tenancy', () => {
  it("another agency's appeal is not found (404), whatever the action", async () => {
    const { rows } = await t.db.query(
      `SELECT a.id FROM appeal a JOIN agency g ON g.id = a.agency_id WHERE g.slug = 'second' LIMIT 1`,
    );
    const other = rows[0].id;
    expect((await pio.get(`/api/appeals/${other}`)).status).toBe(404);
    expect(
      (await pio.patch(`/api/appeals/${other}`, { content: appealBody().content, version: 2 })).status,
    ).toBe(404);
    expect((await supervisor.post(`/api/appeals/${other}/approve`)).status).toBe(404);
    expect((await supervisor.post(`/api/appeals/${other}/archive`)).status).toBe(404);
    expect(
      (
        await pio.post(
          `/api/appeals/${other}/images`,
          upload('file', await jpegWithGps(200, 200), 'x.jpg', 'image/jpeg', { isComposite: 'false' }),
        )
      ).status,
    ).toBe(404);
    const list = (await pio.get('/api/appeals')).body.map((a: { id: string }) => a.id);
    expect(list).not.toContain(other);
  });
});

describe('publishing through the helper', () => {
  it('works for every kind', async () => {
    for (const kind of Object.values(AppealKind)) {
      const appeal = await publishedAppeal(pio, supervisor, appealBody(kind));
      expect(appeal.status).toBe('PUBLISHED');
    }
  });
});
