import { SAVED_VIEW_LIMITS } from '@vigie/common';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

/*
 * Issue 17, point 3: the inbox finds tips by the title of the appeal they answer, shows that title
 * (not the slug), and each investigator keeps saved views of it, theirs alone.
 */

let t: TestApp;
let anon: ApiClient;
let investigator: ApiClient;
let supervisor: ApiClient;
let missing: { id: string; slug: string };
let robberyTip: string;
let missingTip: string;

type Items = { body: { items: { id: string; appeal?: { slug: string; title: Record<string, string> } }[] } };
const ids = (res: Items) => res.body.items.map((i) => i.id).sort();

async function appealTitled(en: string) {
  const { rows } = await t.db.query(
    `SELECT a.id, a.slug FROM appeal a JOIN appeal_version v ON v.id = a.current_version_id
      JOIN agency g ON g.id = a.agency_id WHERE g.slug = 'demo' AND v.public->'content'->'title'->>'en' = $1`,
    [en],
  );
  return rows[0] as { id: string; slug: string };
}

async function tipFor(appeal: string | undefined, description: string) {
  const res = await anon.post('/api/public/tips', tipForm({ description, language: 'en', appeal }));
  expect(res.status).toBe(201);
  const { rows } = await t.db.query(`SELECT id FROM tip WHERE code = $1`, [res.body.code]);
  return rows[0].id as string;
}

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  anon = new ApiClient(t.baseUrl);
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
  missing = await appealTitled('Missing: Léa Tremblay, 14');
  const robbery = await appealTitled('Wanted: armed robbery on Rue Saint-Denis');
  missingTip = await tipFor(missing.slug, 'Seen at the bus stop with a blue backpack.');
  robberyTip = await tipFor(robbery.slug, 'The man ran towards the metro.');
  await tipFor(undefined, 'A dog barking all night.');
});
afterAll(() => t.close());

describe('the inbox search, given an appeal’s title', () => {
  it('finds the tips of the appeal by part of its French or English title, any case or accents', async () => {
    for (const q of ['Léa Tremblay', 'lea tremblay', 'LÉA', 'disparue', 'missing: lea', 'Tremblay, 14']) {
      const res = await investigator.get(`/api/tips?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual([missingTip]);
    }
    const robbery = await investigator.get(`/api/tips?q=${encodeURIComponent('vol à main armee')}`);
    expect(ids(robbery)).toEqual([robberyTip]);
  });

  it('still finds tips by their own words, and both together', async () => {
    expect(ids(await investigator.get('/api/tips?q=backpack'))).toEqual([missingTip]);
    // "metro" is in one tip's words; "Saint-Denis" in another appeal's title: neither hides the other.
    expect(ids(await investigator.get('/api/tips?q=metro'))).toEqual([robberyTip]);
  });

  it('keeps the other filters: a status tab narrows the appeal’s tips', async () => {
    expect(ids(await investigator.get(`/api/tips?q=tremblay&status=NEW`))).toEqual([missingTip]);
    expect(ids(await investigator.get(`/api/tips?q=tremblay&status=CLOSED`))).toEqual([]);
  });

  it('never reaches another agency’s appeals', async () => {
    // The second agency's appeal is titled "Wanted: fraud targeting seniors".
    const other = await ApiClient.signedIn(t.baseUrl, 'investigator@second.test');
    expect((await other.get('/api/tips?q=tremblay')).body.items).toEqual([]);
    expect((await investigator.get('/api/tips?q=seniors')).body.items).toEqual([]);
  });

  it('lists the appeal’s title in both languages with each tip, and in the tip itself', async () => {
    const res = await investigator.get(`/api/tips?q=tremblay`);
    expect(res.body.items[0].appeal).toEqual({
      id: missing.id,
      slug: missing.slug,
      kind: 'MISSING_PERSON',
      title: { fr: 'Disparue : Léa Tremblay, 14 ans', en: 'Missing: Léa Tremblay, 14' },
    });
    const tip = await investigator.get(`/api/tips/${missingTip}`);
    expect(tip.body.appeal.title.fr).toBe('Disparue : Léa Tremblay, 14 ans');
  });
});

describe('saved views', () => {
  const amber = { status: 'NEW', hasLocation: 'true', q: 'Léa Tremblay' };

  it('saves the filters and search under a name, lists them to their owner only, and they search as saved', async () => {
    const created = await investigator.post('/api/tips/views', {
      name: '  Léa · new · located  ',
      filters: amber,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Léa · new · located', filters: amber });
    const mine = await investigator.get('/api/tips/views');
    expect(mine.body.map((v: { id: string }) => v.id)).toContain(created.body.id);
    expect((await supervisor.get('/api/tips/views')).body).toEqual([]);
    // Its filters are the inbox's query string as they are.
    const query = new URLSearchParams(created.body.filters).toString();
    expect((await investigator.get(`/api/tips?${query}`)).status).toBe(200);
  });

  it('renames a view and changes its filters; drops empty filters', async () => {
    const { body: view } = await investigator.post('/api/tips/views', {
      name: 'Mine',
      filters: { assignee: 'me' },
    });
    const renamed = await investigator.patch(`/api/tips/views/${view.id}`, { name: 'Mine, urgent' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Mine, urgent', filters: { assignee: 'me' } });
    const refiltered = await investigator.patch(`/api/tips/views/${view.id}`, {
      filters: { assignee: 'me', priority: 'URGENT', tag: '' },
    });
    expect(refiltered.body.filters).toEqual({ assignee: 'me', priority: 'URGENT' });
    expect((await investigator.delete(`/api/tips/views/${view.id}`)).status).toBe(204);
    expect((await investigator.get('/api/tips/views')).body.map((v: { id: string }) => v.id)).not.toContain(
      view.id,
    );
  });

  it('answers 404 for someone else’s view, and leaves it as it was', async () => {
    const { body: view } = await investigator.post('/api/tips/views', {
      name: 'Private',
      filters: { status: 'NEW' },
    });
    expect((await supervisor.patch(`/api/tips/views/${view.id}`, { name: 'Taken' })).status).toBe(404);
    expect((await supervisor.delete(`/api/tips/views/${view.id}`)).status).toBe(404);
    const other = await ApiClient.signedIn(t.baseUrl, 'investigator@second.test');
    expect((await other.delete(`/api/tips/views/${view.id}`)).status).toBe(404);
    const { rows } = await t.db.query(`SELECT name FROM saved_inbox_view WHERE id = $1`, [view.id]);
    expect(rows).toEqual([{ name: 'Private' }]);
    expect((await investigator.delete(`/api/tips/views/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await investigator.delete(`/api/tips/views/not-an-id`)).status).toBe(400);
  });

  it('refuses bad names and unknown filters, and saves nothing', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM saved_inbox_view`)).rows[0].n;
    const bad: unknown[] = [
      { name: '', filters: {} },
      { name: '   ', filters: {} },
      { name: 'two\nlines', filters: {} },
      { name: 'x'.repeat(SAVED_VIEW_LIMITS.nameMax + 1), filters: {} },
      { filters: { status: 'NEW' } },
      { name: 'No filters' },
      { name: 'Filters as text', filters: 'status=NEW' },
      { name: 'Unknown status', filters: { status: 'ON_FIRE' } },
      { name: 'Unknown filter', filters: { colour: 'red' } },
      { name: 'A page is no filter', filters: { cursor: 'abc', limit: '10' } },
      { name: 'Boolean as JSON', filters: { hasMedia: true } },
      { name: 'Someone, not an id', filters: { assignee: 'everyone' } },
      { name: 'Long search', filters: { q: 'x'.repeat(201) } },
      { name: 'Extra field', filters: {}, shared: true },
    ];
    for (const body of bad) {
      const res = await investigator.post('/api/tips/views', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    const { body: view } = await investigator.post('/api/tips/views', { name: 'Keep me', filters: {} });
    expect((await investigator.patch(`/api/tips/views/${view.id}`, {})).status).toBe(400);
    expect((await investigator.patch(`/api/tips/views/${view.id}`, { name: '' })).status).toBe(400);
    expect(
      (await investigator.patch(`/api/tips/views/${view.id}`, { filters: { status: 'NOPE' } })).status,
    ).toBe(400);
    const after = (await t.db.query(`SELECT count(*)::int AS n FROM saved_inbox_view`)).rows[0].n;
    expect(after).toBe(before + 1);
    expect(
      (await t.db.query(`SELECT name, filters FROM saved_inbox_view WHERE id = $1`, [view.id])).rows,
    ).toEqual([{ name: 'Keep me', filters: {} }]);
  });

  it('refuses a second view of the same name, whatever its case; another person may use it', async () => {
    await investigator.post('/api/tips/views', { name: 'Night shift', filters: {} });
    const again = await investigator.post('/api/tips/views', { name: 'NIGHT SHIFT', filters: {} });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('VIEW_NAME_TAKEN');
    expect((await supervisor.post('/api/tips/views', { name: 'Night shift', filters: {} })).status).toBe(201);
    const { body: other } = await investigator.post('/api/tips/views', { name: 'Day shift', filters: {} });
    expect((await investigator.patch(`/api/tips/views/${other.id}`, { name: 'night shift' })).status).toBe(
      409,
    );
  });

  it('keeps a person to a limit of views', async () => {
    const analyst = await ApiClient.signedIn(t.baseUrl, 'analyst@demo.test');
    for (let i = 0; i < SAVED_VIEW_LIMITS.perPerson; i++)
      expect((await analyst.post('/api/tips/views', { name: `View ${i}`, filters: {} })).status).toBe(201);
    const over = await analyst.post('/api/tips/views', { name: 'One too many', filters: {} });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('TOO_MANY_VIEWS');
    expect((await analyst.get('/api/tips/views')).body).toHaveLength(SAVED_VIEW_LIMITS.perPerson);
  });

  it('is closed to roles that do not read tips', async () => {
    const pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
    expect((await pio.get('/api/tips/views')).status).toBe(403);
    expect((await pio.post('/api/tips/views', { name: 'PIO', filters: {} })).status).toBe(403);
  });
});
