import { AppealKind, type AppealPreview } from '@vigie/common';
import sharp from 'sharp';
import { ApiClient } from '../support/api-client';
import { appealBody, publishedAppeal } from '../support/appeal-factory';
import { carriesNoMetadata, jpegWithGps, upload } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { capErrors } from '../support/xml-checks';

/** A CAP message without the times that say when it was sent (the preview cannot know the second). */
const timeless = (xml: string) =>
  xml.replace(/<sent>[^<]*<\/sent>/, '').replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-00:00/g, 'T');

let t: TestApp;
let pio: ApiClient;
let supervisor: ApiClient;

const NEW_TITLE = {
  fr: 'Disparu : Marc Gagnon, 72 ans, vu à Terrebonne',
  en: 'Missing: Marc Gagnon, 72, seen in Terrebonne',
};

/** A published missing-person appeal with a photo, then a revision of its title submitted for review. */
async function appealWithRevision() {
  const live = await publishedAppeal(pio, supervisor, appealBody(AppealKind.MISSING_PERSON));
  const image = await pio.post(
    `/api/appeals/${live.id}/images`,
    upload('file', await jpegWithGps(900, 700), 'marc.jpg', 'image/jpeg', { isComposite: 'false' }),
  );
  expect(image.status).toBe(201);
  const imageId = (image.body.images as { id: string }[])[0].id;
  const content = {
    ...appealBody(AppealKind.MISSING_PERSON).content,
    title: NEW_TITLE,
    images: [{ id: imageId, isComposite: false, alt: { fr: 'Marc Gagnon', en: 'Marc Gagnon' } }],
  };
  const edited = await pio.patch(`/api/appeals/${live.id}`, { content, version: image.body.version });
  expect(edited.status).toBe(200);
  expect((await pio.post(`/api/appeals/${live.id}/submit`)).status).toBe(200);
  return { id: live.id as string, slug: live.slug as string };
}

function cookieOf(client: ApiClient): string {
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

beforeAll(async () => {
  t = await startTestApp();
  pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
  supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
});
afterAll(() => t?.close());

describe('the preview of what approval publishes', () => {
  it('shows the pending revision as page, feed entry, CAP and card, exactly as approval then publishes it', async () => {
    const { id, slug } = await appealWithRevision();
    const audit = async () => Number((await t.db.query(`SELECT count(*) AS n FROM audit_event`)).rows[0].n);
    const auditBefore = await audit();

    const res = await supervisor.get<AppealPreview>(`/api/appeals/${id}/preview`);
    expect(res.status).toBe(200);
    const preview = res.body;
    expect(preview.appeal).toMatchObject({ slug, title: NEW_TITLE, status: 'PUBLISHED', versionNo: 2 });
    expect(preview.appeal.images).toHaveLength(1);
    expect(preview.feed.fr.title).toBe(`Personne disparue · ${NEW_TITLE.fr}`);
    expect(preview.feed.en.title).toBe(`Missing person · ${NEW_TITLE.en}`);
    expect(preview.feed.en.summary).toContain('Last seen in Laval.');
    expect(capErrors(preview.cap!)).toBe('');
    expect(preview.cap).toContain('<msgType>Update</msgType>');
    expect(preview.cap).toContain(`<identifier>${slug}-v2</identifier>`);
    expect(preview.cap).toContain(NEW_TITLE.en);

    // The card, made from the pending version and kept by nobody.
    const card = await fetch(`${t.baseUrl}${preview.socialCard}`, {
      headers: { cookie: cookieOf(supervisor) },
    });
    expect(card.status).toBe(200);
    expect(card.headers.get('cache-control')).toBe('no-store');
    const image = Buffer.from(await card.arrayBuffer());
    expect(await sharp(image).metadata()).toMatchObject({ width: 1200, height: 630, format: 'jpeg' });
    expect(carriesNoMetadata(image)).toBe(true);

    // Reading changed nothing: the public still reads version 1, and nothing was audited.
    const before = await fetch(`${t.baseUrl}/api/public/appeals/${slug}?lang=en`).then((r) => r.json());
    expect(before.title.en).toBe(appealBody().content.title.en);
    expect(await audit()).toBe(auditBefore);

    // Approved: what goes out is what the preview showed.
    expect((await supervisor.post(`/api/appeals/${id}/approve`)).status).toBe(200);
    const published = await fetch(`${t.baseUrl}/api/public/appeals/${slug}`).then((r) => r.json());
    const { publishedAt: _p, updatedAt: _u, ...shown } = preview.appeal;
    expect(published).toMatchObject(shown);
    const rss = await fetch(`${t.baseUrl}/feeds/appeals.rss?lang=en`).then((r) => r.text());
    expect(rss).toContain(`<title>${preview.feed.en.title}</title>`);
    const cap = await fetch(`${t.baseUrl}/feeds/appeals/${slug}.cap.xml`).then((r) => r.text());
    expect(timeless(cap)).toBe(timeless(preview.cap!));
  });

  it('has no CAP for a kind that sends none', async () => {
    const live = await publishedAppeal(pio, supervisor, appealBody(AppealKind.WANTED));
    const content = {
      ...appealBody(AppealKind.WANTED).content,
      title: { fr: 'Recherché : X', en: 'Wanted: X' },
    };
    expect((await pio.patch(`/api/appeals/${live.id}`, { content, version: live.version })).status).toBe(200);
    expect((await pio.post(`/api/appeals/${live.id}/submit`)).status).toBe(200);
    const res = await supervisor.get<AppealPreview>(`/api/appeals/${live.id}/preview`);
    expect(res.status).toBe(200);
    expect(res.body.cap).toBeNull();
    expect(res.body.feed.en.title).toBe('Wanted · Wanted: X');
  });
});

describe('bad inputs', () => {
  it('refuses an unknown id, another agency’s appeal, a role without rights and an appeal with nothing in review', async () => {
    const { id } = await appealWithRevision();
    const paths = (appealId: string) => [
      `/api/appeals/${appealId}/preview`,
      `/api/appeals/${appealId}/preview/social-card.jpg`,
    ];

    for (const path of paths('6f1c1e0c-1d7e-4a53-9b8e-0b7f6f1d2c3a'))
      expect((await supervisor.get(path)).status).toBe(404);
    for (const path of paths('not-a-uuid')) expect((await supervisor.get(path)).status).toBe(400);

    // Another agency's appeal, even one with a revision in review, is not found.
    const { rows } = await t.db.query(
      `SELECT a.id FROM appeal a JOIN agency g ON g.id = a.agency_id WHERE g.slug = 'second' LIMIT 1`,
    );
    const other = rows[0].id as string;
    await t.db.query(
      `UPDATE appeal a SET draft = v.public->'content', revision_state = 'IN_REVIEW'
         FROM appeal_version v WHERE v.id = a.current_version_id AND a.id = $1`,
      [other],
    );
    for (const path of paths(other)) expect((await supervisor.get(path)).status).toBe(404);

    for (const email of ['investigator@demo.test', 'analyst@demo.test']) {
      const staff = await ApiClient.signedIn(t.baseUrl, email);
      for (const path of paths(id)) expect((await staff.get(path)).status).toBe(403);
    }
    for (const path of paths(id)) expect((await new ApiClient(t.baseUrl).get(path)).status).toBe(401);

    // A working copy still being written is not in review; once approved, nothing is.
    const draft = await pio.post('/api/appeals', appealBody());
    for (const path of paths(draft.body.id)) {
      const res = await supervisor.get(path);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('NOT_IN_REVIEW');
    }
    expect((await supervisor.post(`/api/appeals/${id}/approve`)).status).toBe(200);
    for (const path of paths(id)) expect((await supervisor.get(path)).status).toBe(409);
  });
});
