import { ApiClient } from '../support/api-client';
import { appealBody } from '../support/appeal-factory';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

let t: TestApp;
let pio: ApiClient;
let supervisor: ApiClient;
let appealId: string;
let slug: string;
/** What GET /api/public/appeals/:slug answered after each approval, in order. */
const seenByPublic: any[] = [];
let records: any;

const utcDay = () => new Date().toISOString().slice(0, 10);
/** The UTC days the records below were published on: two if this file runs across midnight. */
let range = '';

/** Edits the published appeal, has it approved, and records what the public then sees. */
async function publishEdit(content: Record<string, unknown>) {
  const current = (await pio.get(`/api/appeals/${appealId}`)).body;
  const edited = await pio.patch(`/api/appeals/${appealId}`, {
    version: current.version,
    content: appealBody(undefined, content).content,
  });
  expect(edited.status).toBe(200);
  expect((await pio.post(`/api/appeals/${appealId}/submit`)).status).toBe(200);
  expect((await supervisor.post(`/api/appeals/${appealId}/approve`)).status).toBe(200);
  seenByPublic.push((await pio.get(`/api/public/appeals/${slug}`)).body);
}

beforeAll(async () => {
  const firstDay = utcDay();
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
  supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');

  const created = await pio.post('/api/appeals', appealBody());
  appealId = created.body.id;
  slug = created.body.slug;
  await pio.post(`/api/appeals/${appealId}/submit`);
  await supervisor.post(`/api/appeals/${appealId}/approve`);
  seenByPublic.push((await pio.get(`/api/public/appeals/${slug}`)).body);
  await publishEdit({
    summary: { fr: 'Vu à Laval, puis à Terrebonne.', en: 'Seen in Laval, then Terrebonne.' },
  });
  await publishEdit({
    summary: { fr: 'Vu à Terrebonne <b>mardi</b>.', en: 'Seen in Terrebonne on Tuesday.' },
    body: { fr: 'Il porte un manteau "rouge", des lunettes.', en: 'He wears a "red" coat, glasses.' },
  });

  // A tip with contact details, a pending edit, a rejected update: none of it is public.
  await new ApiClient(t.baseUrl).post(
    '/api/public/tips',
    tipForm({
      description: 'SECRET-TIP-TEXT',
      appeal: slug,
      contactName: 'Témoin Caché',
      contactPhone: '514-555-0199',
    }),
  );
  const current = (await pio.get(`/api/appeals/${appealId}`)).body;
  await pio.patch(`/api/appeals/${appealId}`, {
    version: current.version,
    content: appealBody(undefined, { summary: { fr: 'DRAFT-NOT-PUBLIC' } }).content,
  });
  const rejected = await pio.post(`/api/appeals/${appealId}/updates`, {
    kind: 'UPDATE',
    text: { fr: 'REJECTED-TEXT' },
  });
  const rejectedId = rejected.body.updates.find(
    (u: { text: { fr: string } }) => u.text.fr === 'REJECTED-TEXT',
  ).id;
  await supervisor.post(`/api/appeals/${appealId}/updates/${rejectedId}/reject`, {
    reason: 'REVIEW-COMMENT',
  });
  for (const [kind, fr] of [
    ['UPDATE', 'La police remercie la population.'],
    ['RUMOUR_CORRECTION', 'Non, il n’a pas été vu à Québec.'],
  ]) {
    const posted = await pio.post(`/api/appeals/${appealId}/updates`, { kind, text: { fr } });
    const id = posted.body.updates.find((u: { text: { fr: string } }) => u.text.fr === fr).id;
    expect((await supervisor.post(`/api/appeals/${appealId}/updates/${id}/approve`)).status).toBe(200);
  }
  await pio.post(`/api/appeals/${appealId}/resolve`, {
    outcome: 'FOUND_SAFE',
    note: { fr: 'Retrouvé sain et sauf.' },
  });

  range = `from=${firstDay}&to=${utcDay()}`;
  const res = await pio.get(`/api/records/open-records?${range}&format=json`);
  expect(res.status).toBe(200);
  records = res.body;
});
afterAll(() => t.close());

const ofAppeal = () => records.items.filter((i: { appealId: string }) => i.appealId === appealId);

describe('open-records export', () => {
  it('yields each of the three approved versions exactly as the public saw it, with its approver', async () => {
    const versions = ofAppeal().filter((i: { type: string }) => i.type === 'appeal_version');
    expect(versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([1, 2, 3]);
    const supervisorName = (await supervisor.get('/api/auth/me')).body.displayName;
    versions.forEach((v: any, i: number) => {
      const seen = seenByPublic[i];
      expect(seen.versionNo).toBe(v.versionNo);
      expect(v.public.content.title).toEqual(seen.title);
      expect(v.public.content.summary).toEqual(seen.summary);
      expect(v.public.content.body).toEqual(seen.body);
      expect(v.public.content.subjects).toEqual(seen.subjects);
      expect(v.public.agency).toMatchObject(seen.agency);
      expect(v.publishedAt).toBe(seen.updatedAt);
      expect(v.approvedBy).toBe(supervisorName);
    });
    expect(versions[2].public.content.summary.fr).toBe('Vu à Terrebonne <b>mardi</b>.');
  });

  it('includes the published update, the rumour correction and the resolution, in order', () => {
    expect(ofAppeal().map((i: { type: string }) => i.type)).toEqual([
      'appeal_version',
      'appeal_version',
      'appeal_version',
      'update',
      'rumour_correction',
      'resolution',
    ]);
    const resolution = ofAppeal()[5];
    expect(resolution.public.resolution).toMatchObject({
      outcome: 'FOUND_SAFE',
      note: { fr: 'Retrouvé sain et sauf.' },
    });
    expect(resolution.approvedBy).toBeNull();
    expect(resolution.publishedBy).toBeTruthy();
  });

  it('never carries tipster data, drafts, rejected text or review comments, in any format', async () => {
    for (const format of ['json', 'csv', 'html']) {
      const res = await supervisor.get(`/api/records/open-records?${range}&format=${format}`);
      expect(res.status).toBe(200);
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      for (const secret of [
        'SECRET-TIP-TEXT',
        'Témoin Caché',
        '555-0199',
        'DRAFT-NOT-PUBLIC',
        'REJECTED-TEXT',
        'REVIEW-COMMENT',
      ])
        expect(text).not.toContain(secret);
      expect(text).not.toMatch(/"editors"|draft/i);
    }
  });

  it('gives one CSV row per published item, with the record itself as JSON, and a readable HTML index', async () => {
    const csv = await pio.get(`/api/records/open-records?${range}&format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="open-records-demo-.*\.csv"/,
    );
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(records.items.length + 1);
    expect(lines[0]).toContain('"type","published_at","appeal_slug"');
    const v3 = lines.find((l: string) => l.startsWith('"appeal_version"') && l.includes(`"${slug}","3"`))!;
    const json = v3.slice(v3.lastIndexOf(',"{') + 2, -1).replace(/""/g, '"');
    expect(JSON.parse(json)).toEqual(ofAppeal()[2].public);

    const html = await pio.get(`/api/records/open-records?${range}&format=html`);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.body).toContain('Vu à Terrebonne &#60;b&#62;mardi&#60;/b&#62;.');
    expect(html.body).toContain('Rumour correction');
    expect(html.body).not.toContain('<b>mardi</b>');
  });

  it('refuses an empty, inverted or malformed range, other formats and other roles', async () => {
    const at = (q: string) => pio.get(`/api/records/open-records?${q}`);
    expect((await at('from=2026-03-01&to=2026-02-01')).body.code).toBe('BAD_RANGE');
    expect((await at('from=2026-03-01T10:00:00Z&to=2026-03-01T10:00:00Z')).status).toBe(400);
    expect((await at('from=2026-03-01')).status).toBe(400);
    expect((await at('')).status).toBe(400);
    expect((await at('from=yesterday&to=today')).status).toBe(400);
    expect((await at(`${range}&format=pdf`)).status).toBe(400);
    const investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
    expect((await investigator.get(`/api/records/open-records?${range}`)).status).toBe(403);
    expect((await new ApiClient(t.baseUrl).get(`/api/records/open-records?${range}`)).status).toBe(401);
    const lastYear = await pio.get('/api/records/open-records?from=2000-01-01&to=2000-12-31');
    expect(lastYear.body.items).toEqual([]);
  });

  it("shows another agency nothing of this one's", async () => {
    await t.db.query(`INSERT INTO staff_user (agency_id, email, display_name, password_hash, roles)
      SELECT agency_id, 'pio@second.test', 'Second PIO', password_hash, ARRAY['PIO'] FROM staff_user WHERE email = 'investigator@second.test'
      ON CONFLICT (email) DO NOTHING`);
    const otherPio = await ApiClient.signedIn(t.baseUrl, 'pio@second.test');
    const res = await otherPio.get(`/api/records/open-records?${range}`);
    expect(res.status).toBe(200);
    expect(res.body.agency.slug).toBe('second');
    expect(res.body.items.filter((i: { appealId: string }) => i.appealId === appealId)).toEqual([]);
  });
});
