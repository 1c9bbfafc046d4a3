import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';
import { duplicatesOf, settle } from './dedupe-fixtures';
import { JobQueue } from '../../apps/api/src/jobs/job-queue';
import { DEDUPE_SCORE_JOB } from '../../apps/api/src/jobs/job-registry';

let t: TestApp;
let anon: ApiClient;
let investigator: ApiClient;
let analyst: ApiClient;
let elsewhere: ApiClient;
let french: { id: string; code: string; password: string };
let english: { id: string; code: string; password: string };
let unrelated: { id: string; code: string; password: string };

const FRENCH =
  "Vers 14 h 30, une Honda Civic grise, plaque FXK 482, stationnée au 1234 rue Ontario Est. Le chauffeur s'appelle Marc-André Gagnon; il m'a donné le 514 555-0199.";
const ENGLISH =
  'Around 2:30 PM I saw a grey Honda Civic, plate fxk-482, at 1234 Ontario St E. Nobody got out.';

async function send(description: string, extra: Record<string, string> = {}) {
  const res = await anon.post('/api/public/tips', tipForm({ description, language: 'fr', ...extra }));
  expect(res.status).toBe(201);
  const { rows } = await t.db.query(`SELECT id FROM tip WHERE code = $1`, [res.body.code]);
  return { id: rows[0].id as string, code: res.body.code as string, password: res.body.password as string };
}

const stored = async (tipId: string) =>
  (
    await t.db.query(
      `SELECT kind, value, source, span_start, span_end, retracted_at IS NOT NULL AS retracted
         FROM tip_observable WHERE tip_id = $1 ORDER BY kind, value, source`,
      [tipId],
    )
  ).rows;
const chips = async (tipId: string) => (await investigator.get(`/api/tips/${tipId}/observables`)).body;
const rescore = async (tipId: string) => {
  await t.app.get(JobQueue).send(DEDUPE_SCORE_JOB, { tipId });
  await settle(t);
};

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  anon = new ApiClient(t.baseUrl);
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  analyst = await ApiClient.signedIn(t.baseUrl, 'analyst@demo.test');
  elsewhere = await ApiClient.signedIn(t.baseUrl, 'investigator@second.test');
  // The French tipster leaves a private phone and e-mail in the contact fields: never observables.
  french = await send(FRENCH, {
    place: 'Stationnement du 1234 rue Ontario Est',
    contactPhone: '438 555-0142',
    contactEmail: 'temoin.prive@exemple.ca',
  });
  english = await send(ENGLISH, { language: 'en' });
  unrelated = await send('Un homme en manteau rouge courait vers le métro Papineau sans rien dire.');
  await settle(t);
}, 120_000);
afterAll(() => t.close());

describe('observables recorded when a tip is scored', () => {
  it('stores what the words and the typed place mention, with spans, and nothing from the contact fields', async () => {
    const rows = await stored(french.id);
    expect(rows.map((r) => [r.kind, r.value, r.source])).toEqual([
      ['ADDRESS', '1234 ontario st e', 'DESCRIPTION'],
      ['ADDRESS', '1234 ontario st e', 'PLACE'],
      ['PERSON', 'marc-andre gagnon', 'DESCRIPTION'],
      ['PHONE', '+15145550199', 'DESCRIPTION'],
      ['PLATE', 'FXK482', 'DESCRIPTION'],
      ['VEHICLE', 'honda civic grey', 'DESCRIPTION'],
    ]);
    const plate = rows.find((r) => r.kind === 'PLATE');
    expect(FRENCH.slice(plate.span_start, plate.span_end)).toBe('FXK 482');
    const all = JSON.stringify(await t.db.query(`SELECT * FROM tip_observable`).then((r) => r.rows));
    expect(all).not.toMatch(/4385550142|438 555|temoin\.prive/);
  });

  it('records the same values from an English tip, and nothing from a tip without any', async () => {
    expect((await stored(english.id)).map((r) => `${r.kind} ${r.value}`)).toEqual([
      'ADDRESS 1234 ontario st e',
      'PLATE FXK482',
      'VEHICLE honda civic grey',
    ]);
    expect(await stored(unrelated.id)).toEqual([]);
  });

  it('writes nothing more when the tip is scored again', async () => {
    const before = await stored(french.id);
    await rescore(french.id);
    expect(await stored(french.id)).toEqual(before);
  });

  it("reads the tipster's follow-up messages, and not the investigators'", async () => {
    await t.db.query(
      `INSERT INTO tip_message (tip_id, agency_id, author, staff_id, body)
       SELECT t.id, t.agency_id, 'INVESTIGATOR', u.id, 'Était-ce la plaque GHT 917 ?' FROM tip t, staff_user u
        WHERE t.id = $1 AND u.email = 'investigator@demo.test'`,
      [unrelated.id],
    );
    const token = (
      await anon.post('/api/public/tips/follow-up', { code: unrelated.code, password: unrelated.password })
    ).body.token;
    const answered = await anon.post(
      '/api/public/tips/follow-up/messages',
      { body: 'Non. Il est monté dans une Mazda rouge, plaque fxk482, et son compte est @kev_mtl.' },
      { authorization: `Bearer ${token}` },
    );
    expect(answered.status).toBe(201);
    await settle(t); // the message enqueued the scoring job, which reads it
    expect((await stored(unrelated.id)).map((r) => `${r.kind} ${r.value} ${r.source}`)).toEqual([
      'HANDLE @kev_mtl MESSAGE',
      'PLATE FXK482 MESSAGE',
      'VEHICLE mazda red MESSAGE',
    ]);
  });
});

describe('chips: GET /api/tips/:id/observables', () => {
  it('lists one chip per value, with the words it came from and how many other tips share it', async () => {
    const list = await chips(french.id);
    expect(list.map((c: { kind: string; value: string }) => `${c.kind} ${c.value}`)).toEqual([
      'PLATE FXK482',
      'PHONE +15145550199',
      'ADDRESS 1234 ontario st e',
      'VEHICLE honda civic grey',
      'PERSON marc-andre gagnon',
    ]);
    expect(list[0]).toMatchObject({ source: 'DESCRIPTION', written: 'FXK 482', sharedWith: 2 });
    expect(list[2]).toMatchObject({ written: '1234 rue Ontario Est', sharedWith: 1 });
  });

  it("answers 404 for another agency's tip and an unknown tip, 400 for a malformed id", async () => {
    expect((await elsewhere.get(`/api/tips/${french.id}/observables`)).status).toBe(404);
    expect(
      (await investigator.get(`/api/tips/00000000-0000-4000-8000-000000000000/observables`)).status,
    ).toBe(404);
    expect((await investigator.get(`/api/tips/not-a-uuid/observables`)).status).toBe(400);
  });
});

describe('everything that mentions a value: GET /api/observables/mentions', () => {
  it('finds the French and English tips and the linked case, whichever way the plate is typed', async () => {
    const created = await investigator.post('/api/cases', { title: 'Civic grise, rue Ontario' });
    expect(created.status).toBe(201);
    expect(
      (await investigator.post(`/api/cases/${created.body.id}/tips`, { tipIds: [english.id] })).status,
    ).toBe(201);
    for (const typed of ['FXK 482', 'fxk-482', 'FXK482']) {
      const res = await analyst.get(
        `/api/observables/mentions?kind=PLATE&value=${encodeURIComponent(typed)}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.value).toBe('FXK482');
      expect(res.body.tips.map((tip: { id: string }) => tip.id).sort()).toEqual(
        [french.id, english.id, unrelated.id].sort(),
      );
      expect(res.body.cases.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    }
    // The case shows what its tips mention, with how many of them mention each.
    const caseView = await investigator.get(`/api/cases/${created.body.id}`);
    expect(caseView.body.observables).toEqual(
      expect.arrayContaining([
        { kind: 'PLATE', value: 'FXK482', tips: 1 },
        { kind: 'ADDRESS', value: '1234 ontario st e', tips: 1 },
      ]),
    );
    expect(
      (await investigator.post(`/api/cases/${created.body.id}/tips`, { tipIds: [french.id] })).status,
    ).toBe(201);
    const withTwo = await investigator.get(`/api/cases/${created.body.id}`);
    expect(withTwo.body.observables[0]).toEqual({ kind: 'PLATE', value: 'FXK482', tips: 2 });
  });

  it('lists each tip once, newest first, as the index orders them by arrival', async () => {
    // Three arrivals a day apart, the French tip oldest.
    const days = [french, english, unrelated].map((tip, i) => [tip.id, `2026-11-0${i + 1}T12:00:00Z`]);
    for (const [id, at] of days) {
      await t.db.query(`UPDATE tip SET received_at = $2 WHERE id = $1`, [id, at]);
      await t.db.query(`UPDATE tip_observable SET tip_received_at = $2 WHERE tip_id = $1`, [id, at]);
    }
    const plate = await investigator.get('/api/observables/mentions?kind=PLATE&value=FXK482');
    expect(plate.body.tips.map((tip: { id: string }) => tip.id)).toEqual([
      unrelated.id,
      english.id,
      french.id,
    ]);
    expect(plate.body.more).toBe(false);
    // The French tip wrote the address in its words and in its typed place: two rows, one line.
    const { rows } = await t.db.query(
      `SELECT o.source, o.tip_received_at = t.received_at AS arrival
         FROM tip_observable o JOIN tip t ON t.id = o.tip_id
        WHERE o.tip_id = $1 AND o.kind = 'ADDRESS' ORDER BY o.source`,
      [french.id],
    );
    expect(rows).toEqual([
      { source: 'DESCRIPTION', arrival: true },
      { source: 'PLACE', arrival: true },
    ]);
    const address = await investigator.get(
      `/api/observables/mentions?kind=ADDRESS&value=${encodeURIComponent('1234 rue Ontario Est')}`,
    );
    expect(address.body.tips.map((tip: { id: string }) => tip.id)).toEqual([english.id, french.id]);
  });

  it("finds nothing of this agency's from another agency", async () => {
    const res = await elsewhere.get('/api/observables/mentions?kind=PLATE&value=FXK482');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tips: [], cases: [] });
  });

  it('refuses a kind it does not know, a value that is not of its kind, and no value', async () => {
    for (const q of [
      'kind=CAR&value=FXK482',
      'kind=PLATE&value=45%20%24',
      'kind=PHONE&value=14%20h%2030',
      'kind=PLATE',
    ]) {
      const res = await investigator.get(`/api/observables/mentions?${q}`);
      expect(res.status).toBe(400);
    }
  });
});

describe('an investigator adds, corrects and removes observables (audited)', () => {
  const auditOf = async (action: string) =>
    (await t.db.query(`SELECT data FROM audit_event WHERE action = $1 ORDER BY id`, [action])).rows.map(
      (r) => r.data,
    );
  const rowCount = async () =>
    Number((await t.db.query(`SELECT count(*) FROM tip_observable`)).rows[0].count);

  it('adds a plate typed any way, normalised, as MANUAL, with who added it', async () => {
    const res = await investigator.post(`/api/tips/${english.id}/observables`, {
      kind: 'PLATE',
      value: 'bxr 4821',
    });
    expect(res.status).toBe(201);
    expect(res.body).toContainEqual(
      expect.objectContaining({
        kind: 'PLATE',
        value: 'BXR4821',
        source: 'MANUAL',
        written: null,
        addedBy: expect.any(Object),
      }),
    );
    expect(await auditOf('tip.observable_add')).toEqual([{ kind: 'PLATE', value: 'BXR4821' }]);
  });

  it('refuses bad input with a 4xx and changes nothing', async () => {
    const before = await rowCount();
    const url = `/api/tips/${english.id}/observables`;
    const cases: [Promise<{ status: number; body: { errors?: Record<string, string> } }>, number][] = [
      [investigator.post(url, { kind: 'PLATE', value: '45 $' }), 400],
      [investigator.post(url, { kind: 'PHONE', value: '14 h 30' }), 400],
      [investigator.post(url, { kind: 'ADDRESS', value: 'rue Ontario' }), 400],
      [investigator.post(url, { kind: 'CAR', value: 'FXK482' }), 400],
      [investigator.post(url, { kind: 'PLATE' }), 400],
      [investigator.post(url, { kind: 'PLATE', value: 'x'.repeat(301) }), 400],
      [investigator.post(url, { kind: 'PLATE', value: 'ABC123', source: 'DESCRIPTION' }), 400],
      [investigator.post(url, { kind: 'PLATE', value: ['ABC123'] }), 400],
      [elsewhere.post(url, { kind: 'PLATE', value: 'ABC123' }), 404],
      [
        investigator.post('/api/tips/00000000-0000-4000-8000-000000000000/observables', {
          kind: 'PLATE',
          value: 'ABC123',
        }),
        404,
      ],
      [analyst.post(url, { kind: 'PLATE', value: 'ABC123' }), 403],
    ];
    for (const [request, status] of cases) expect((await request).status).toBe(status);
    const refused = await investigator.post(url, { kind: 'PLATE', value: '45 $' });
    expect(refused.body.errors).toEqual({ value: expect.any(String) });
    expect(await rowCount()).toBe(before);
  });

  it('corrects a misread plate: the old one retracted for good, the right one recorded and audited', async () => {
    const plate = (await chips(french.id)).find((c: { kind: string }) => c.kind === 'PLATE');
    const bad = [
      [investigator.patch(`/api/tips/${french.id}/observables/${plate.id}`, { value: 'fxk 482' }), 400],
      [
        investigator.patch(`/api/tips/${french.id}/observables/${plate.id}`, { value: 'pas une plaque' }),
        400,
      ],
      [investigator.patch(`/api/tips/${english.id}/observables/${plate.id}`, { value: 'FXK 432' }), 404],
      [elsewhere.patch(`/api/tips/${french.id}/observables/${plate.id}`, { value: 'FXK 432' }), 404],
    ] as const;
    for (const [request, status] of bad) expect((await request).status).toBe(status);

    const res = await investigator.patch(`/api/tips/${french.id}/observables/${plate.id}`, {
      value: 'FXK 432',
    });
    expect(res.status).toBe(200);
    const values = res.body.map((c: { kind: string; value: string }) => `${c.kind} ${c.value}`);
    expect(values).toContain('PLATE FXK432');
    expect(values).not.toContain('PLATE FXK482');
    expect(res.body.find((c: { value: string }) => c.value === 'FXK432')).toMatchObject({
      source: 'MANUAL',
      corrects: plate.id,
    });
    expect(await auditOf('tip.observable_correct')).toEqual([
      { from: { kind: 'PLATE', value: 'FXK482' }, to: { kind: 'PLATE', value: 'FXK432' } },
    ]);
    await rescore(french.id);
    expect((await chips(french.id)).map((c: { value: string }) => c.value)).not.toContain('FXK482');
    expect((await stored(french.id)).filter((r) => r.value === 'FXK482')).toEqual([
      expect.objectContaining({ retracted: true }),
    ]);
  });

  it('removes a wrong reading: gone from the chips and the search, kept as retracted', async () => {
    const person = (await chips(french.id)).find((c: { kind: string }) => c.kind === 'PERSON');
    const res = await investigator.delete(`/api/tips/${french.id}/observables/${person.id}`);
    expect(res.status).toBe(200);
    expect(res.body.map((c: { kind: string }) => c.kind)).not.toContain('PERSON');
    expect((await investigator.delete(`/api/tips/${french.id}/observables/${person.id}`)).status).toBe(404);
    expect(await auditOf('tip.observable_remove')).toEqual([{ kind: 'PERSON', value: 'marc-andre gagnon' }]);
    await rescore(french.id);
    expect((await chips(french.id)).map((c: { kind: string }) => c.kind)).not.toContain('PERSON');
  });
});

describe('the inbox search matches observables', () => {
  const found = async (client: ApiClient, q: string) =>
    ((await client.get(`/api/tips?q=${encodeURIComponent(q)}`)).body.items as { id: string }[])
      .map((i) => i.id)
      .sort();

  it('finds every tip that mentions a plate, typed any way', async () => {
    for (const q of ['FXK 482', 'fxk482', 'Fxk-482'])
      expect(await found(investigator, q)).toEqual(expect.arrayContaining([english.id, unrelated.id]));
    // The French tip's plate was corrected to FXK432: only its words ("FXK 482") still match them.
    expect(await found(investigator, 'fxk482')).toEqual([english.id, unrelated.id].sort());
    expect(await found(investigator, 'FXK 432')).toEqual([french.id]);
  });

  it('finds a phone number and an address typed another way than in the tip', async () => {
    expect(await found(investigator, '(514) 555 0199')).toEqual([french.id]);
    expect(await found(investigator, '1234 Ontario Street East')).toEqual([english.id, french.id].sort());
  });

  it('still searches words, and finds nothing of another agency', async () => {
    expect(await found(investigator, 'manteau')).toEqual([unrelated.id]);
    expect(await found(elsewhere, 'FXK 482')).toEqual([]);
  });
});

describe('a shared observable is a duplicate signal', () => {
  it('says which plate and phone two tips share, and never reads a contact field', async () => {
    const witness = await send(
      'Une Mazda rouge, plaque GHT 917, a heurté un cycliste puis est repartie. Le conducteur criait de le rappeler au 438 555-0177.',
    );
    const other = await send(
      'A red Mazda, plate ght-917, hit a cyclist and drove off; the driver yelled a number, 438-555-0177.',
      { language: 'en' },
    );
    // This tipster gave, privately, the number the first one wrote: it must link nothing.
    const caller = await send('Un cycliste a été renversé près du parc, je ne sais rien de plus.', {
      contactPhone: '438 555-0177',
    });
    await settle(t);

    const found = await duplicatesOf(investigator, witness.id);
    const pair = found.find((d) => d.tip.id === other.id);
    expect(pair?.reasons).toContainEqual(
      expect.objectContaining({
        signal: 'OBSERVABLE',
        text: 'both mention plate GHT917 and phone +14385550177',
        shared: [
          { kind: 'PLATE', value: 'GHT917', mentions: 2 },
          { kind: 'PHONE', value: '+14385550177', mentions: 2 },
        ],
      }),
    );
    expect(found.map((d) => d.tip.id)).not.toContain(caller.id);
    const stored = await t.db.query(`SELECT reasons FROM duplicate_suggestion WHERE $1 IN (tip_a, tip_b)`, [
      caller.id,
    ]);
    expect(JSON.stringify(stored.rows)).not.toMatch(/OBSERVABLE|4385550177/);
    expect(JSON.stringify(await duplicatesOf(investigator, caller.id))).not.toMatch(
      /4385550177|438.555.0177/,
    );
  });

  it('suggests one person named in two languages (a name after "c’est", an account without its @)', async () => {
    const fr = await send(
      "Je suis presque certaine que c'est Mathieu Côté sur la vidéo, son insta c'est math.cote99, il montre des liasses de billets.",
    );
    const en = await send("It's Mathieu Côté, he brags on Instagram as math.cote99 and I know his mother.", {
      language: 'en',
    });
    await settle(t);
    const pair = (await duplicatesOf(investigator, fr.id)).find((d) => d.tip.id === en.id);
    expect(pair?.reasons[0]).toMatchObject({
      signal: 'OBSERVABLE',
      text: 'both mention handle @math.cote99 and person mathieu cote',
    });
  });

  it('does not suggest one van seen at two places: the same plate is two leads, and the reason says so', async () => {
    const school = await send(
      'Une fourgonnette grise, plaque JVKT 223, roulait lentement à côté des enfants.',
      {
        place: 'école Saint-Ambroise, rue Beaubien, Montréal',
      },
    );
    const park = await send('Grey minivan JVKT 223 parked by the playground, the driver watching the kids.', {
      language: 'en',
      place: 'parc Terra-Cotta, Pointe-Claire',
    });
    await settle(t);
    expect((await duplicatesOf(investigator, school.id)).map((d) => d.tip.id)).not.toContain(park.id);
    const { rows } = await t.db.query(
      `SELECT suggested, reasons FROM duplicate_suggestion WHERE $1 IN (tip_a, tip_b) AND $2 IN (tip_a, tip_b)`,
      [school.id, park.id],
    );
    expect(rows[0].suggested).toBe(false);
    expect(rows[0].reasons).toContainEqual(
      expect.objectContaining({
        signal: 'OBSERVABLE',
        text: 'both mention plate JVKT223, about another moment',
      }),
    );
  });
});
