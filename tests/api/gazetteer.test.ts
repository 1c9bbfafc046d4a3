import { Clock } from '../../apps/api/src/common/clock';
import { DEMO_GAZETTEER_GEOJSON } from '../../apps/api/src/gazetteer/demo-gazetteer';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { sendTip, settle, suggestion } from './dedupe-fixtures';

/*
 * The agency's gazetteer: the demo agency's is seeded, an admin replaces it with a GeoJSON file
 * (a bad one changes nothing), and the duplicate signals use it to place a typed corner, so that
 * it meets a phone's position.
 */
let t: TestApp;
let admin: ApiClient;
let investigator: ApiClient;

/** 15:30 in Montréal, a weekday in November: the tips arrive then, whatever the hour of the run. */
const ARRIVAL = '2026-11-20T20:30:00.000Z';
const NEXT_DAY = '2026-11-21T20:30:00.000Z';

/** The demo gazetteer's corner of Rachel and Papineau, where the witness with a phone stood (~110 m off). */
const corner = (() => {
  const doc = JSON.parse(DEMO_GAZETTEER_GEOJSON) as {
    features: { geometry: { coordinates: [number, number] }; properties: { streets?: string[] } }[];
  };
  const found = doc.features.find((f) => f.properties.streets?.join() === 'rue Rachel,avenue Papineau');
  if (!found) throw new Error('the demo gazetteer has no corner of Rachel and Papineau');
  const [longitude, latitude] = found.geometry.coordinates;
  return { latitude: latitude + 0.001, longitude };
})();

const upload = (body: string, name = 'places.geojson') => {
  const form = new FormData();
  form.append('file', new Blob([body], { type: 'application/geo+json' }), name);
  return admin.request('PUT', '/api/admin/gazetteer', form);
};
const point = (lon: number, lat: number, properties: Record<string, unknown>) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties,
});
const audited = async () =>
  Number(
    (await t.db.query(`SELECT count(*) FROM audit_event WHERE action = 'gazetteer.loaded'`)).rows[0].count,
  );

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  const { rows } = await t.db.query(
    `SELECT a.slug FROM appeal a JOIN agency g ON g.id = a.agency_id
      WHERE g.slug = 'demo' AND a.status = 'PUBLISHED' ORDER BY a.slug LIMIT 1`,
  );
  const appeal = rows[0].slug;
  t.app.get(Clock).set(ARRIVAL);
  // A witness still there sends the phone's position; another types the corner with the time.
  ids.located = await sendTip(t, {
    description: 'A man is kicking the door of the pharmacy right now, grey hoodie, he has a bike.',
    language: 'en',
    appeal,
    latitude: String(corner.latitude),
    longitude: String(corner.longitude),
  });
  ids.typed = await sendTip(t, {
    description:
      'Vers 15 h 20 un homme en kangourou gris donnait des coups de pied dans la porte de la pharmacie.',
    appeal,
    place: 'coin Rachel et Papineau',
  });
  // The same corner's name in another municipality, the same minutes: not the demo's corner.
  ids.otherTown = await sendTip(t, {
    description: 'Vers 15 h 20 un gars frappait dans une porte avec son pied, il avait un vélo.',
    appeal,
    place: 'coin Rachel et Papineau, Laval',
  });
  t.app.get(Clock).set(NEXT_DAY);
  // The corner typed again the next day, about that afternoon.
  ids.nextDay = await sendTip(t, {
    description: 'Vers 15 h 20 un homme donnait des coups de pied dans une porte, encore.',
    appeal,
    place: 'Rachel / Papineau',
  });
  await settle(t);
}, 60_000);
afterAll(() => t.close());

describe('the demo agency’s gazetteer', () => {
  it('is seeded with its stations, landmarks and intersections', async () => {
    const res = await admin.get('/api/admin/gazetteer');
    expect(res.status).toBe(200);
    expect(res.body.intersections).toBe(192);
    expect(res.body.places).toBeGreaterThan(90);
    expect(res.body.municipalities).toEqual(['Brossard', 'Laval', 'Longueuil', 'Mont-Royal', 'Montréal']);
  });

  it('is an administrator’s: an investigator may not read or load it', async () => {
    expect((await investigator.get('/api/admin/gazetteer')).status).toBe(403);
  });
});

describe('a typed corner placed by the gazetteer', () => {
  it('meets a phone’s position at that corner, saying which place placed it', async () => {
    const found = await suggestion(investigator, ids.typed, ids.located);
    expect(found?.reasons.map((r) => r.text)).toContainEqual(
      expect.stringMatching(
        /^\d+ m and \d+ min apart \(placed by the gazetteer: rue Rachel \/ avenue Papineau\)$/,
      ),
    );
  });

  it('is not placed in another municipality, nor met on another day', async () => {
    expect(await suggestion(investigator, ids.otherTown, ids.located)).toBeUndefined();
    expect(await suggestion(investigator, ids.nextDay, ids.located)).toBeUndefined();
    const { rows } = await t.db.query(
      `SELECT tip_id, position_from FROM tip_fingerprint WHERE tip_id = ANY($1)`,
      [[ids.otherTown, ids.typed, ids.located]],
    );
    const from = Object.fromEntries(rows.map((r) => [r.tip_id, r.position_from]));
    expect(from).toEqual({ [ids.otherTown]: null, [ids.typed]: 'GAZETTEER', [ids.located]: 'TIPSTER' });
  });
});

describe('loading a gazetteer', () => {
  it('refuses a bad file with 400, saying what is wrong, and changes nothing', async () => {
    const before = (await admin.get('/api/admin/gazetteer')).body;
    const cases: [string, RegExp][] = [
      ['not json', /^not JSON/],
      [JSON.stringify({ type: 'Feature' }), /not a GeoJSON FeatureCollection/],
      [
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            point(-73.57, 45.5, { name: 'Marché Atwater' }),
            point(-73.57, 145.5, { name: 'Parc Jarry' }),
          ],
        }),
        /^features\[1\]: coordinates/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await upload(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BAD_GAZETTEER');
      expect(Object.values(res.body.errors)[0]).toMatch(message);
    }
    const noFile = await admin.request('PUT', '/api/admin/gazetteer', new FormData());
    expect(noFile.status).toBe(400);
    expect(noFile.body.code).toBe('NO_FILE');
    expect((await admin.get('/api/admin/gazetteer')).body).toEqual(before);
    expect(await audited()).toBe(0);
  });

  it('replaces the whole gazetteer with the file’s, audited', async () => {
    const res = await upload(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          point(-73.5772, 45.4781, {
            name: 'Marché Atwater',
            'name:en': 'Atwater Market',
            'addr:city': 'Montréal',
          }),
          point(-73.5667, 45.5298, { streets: ['rue Rachel', 'avenue Papineau'], municipality: 'Montréal' }),
        ],
      }),
      'spvm-2026-11.geojson',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ places: 1, intersections: 1, municipalities: ['Montréal'] });
    expect(await audited()).toBe(1);
    const { rows } = await t.db.query(`SELECT data FROM audit_event WHERE action = 'gazetteer.loaded'`);
    expect(rows[0].data).toEqual({ by: 'admin', file: 'spvm-2026-11.geojson', places: 1, intersections: 1 });
  });
});
