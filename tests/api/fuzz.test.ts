import { AppealKind, CSRF_COOKIE, CSRF_HEADER } from '@vigie/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PORTAL_DIST } from '../../apps/api/src/portal/portal-page.service';
import { ApiClient } from '../support/api-client';
import { appealBody } from '../support/appeal-factory';
import { registeredRoutes } from '../support/app-routes';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

/*
 * Bad input gets a 4xx, never a 5xx. A few hundred requests, mutated from valid ones by a seeded
 * generator (the same requests on every run: FUZZ_SEED and FUZZ_REQUESTS change them), over every
 * route the application registers: public ones anonymously (with a follow-up token where they
 * take one), staff ones as the admin and the other demo roles with their CSRF token, so that
 * validation is reached rather than a 403. JSON and multipart bodies, query strings and path
 * parameters. Any 5xx, or no answer, fails the test and prints the request that caused it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 600);

let t: TestApp;
const staff: Record<string, ApiClient> = {};
const known: Record<string, string[]> = { appeal: [], tip: [], case: [], staff: [], slug: [] };
let followUpToken = '';
let tipReceipt = { code: '', password: '' };

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  for (const role of ['admin', 'pio', 'supervisor', 'investigator'])
    staff[role] = await ApiClient.signedIn(t.baseUrl, `${role}@demo.test`);
  const anon = new ApiClient(t.baseUrl);
  const tip = await anon.post('/api/public/tips', tipForm({ description: 'Une voiture grise rôdait.' }));
  tipReceipt = { code: tip.body.code, password: tip.body.password };
  followUpToken = (await anon.post('/api/public/tips/follow-up', tipReceipt)).body.token;
  await staff.investigator.post('/api/cases', { title: 'Vols de vélos, Plateau' });
  await staff.pio.post('/api/appeals', appealBody(AppealKind.WANTED));
  const ids = async (sql: string) => (await t.db.query(sql)).rows.map((r) => String(r.v));
  known.appeal = await ids(`SELECT id AS v FROM appeal ORDER BY created_at LIMIT 5`);
  known.slug = await ids(`SELECT slug AS v FROM appeal WHERE status = 'PUBLISHED' LIMIT 3`);
  known.tip = await ids(`SELECT id AS v FROM tip LIMIT 5`);
  known.case = await ids(`SELECT id AS v FROM "case" LIMIT 3`).catch(() => []);
  // Not the fuzzing clients themselves: disabling one, or resetting its password, would end its
  // session and leave the rest of the run at 401.
  known.staff = await ids(
    `SELECT id AS v FROM staff_user WHERE email NOT IN (${Object.keys(staff).map((r) => `'${r}@demo.test'`)}) LIMIT 5`,
  );
}, 60_000);
afterAll(() => t?.close());

/** mulberry32: a small, well-spread seeded generator. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const chance = (p: number) => next() < p;
  const uuid = () =>
    'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => pick([...'0123456789abcdef']));
  return { next, int, pick, chance, uuid };
}
type Rng = ReturnType<typeof generator>;

const nested = (depth: number, leaf: unknown): unknown =>
  Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: [inner] }), leaf);

/** Values that have broken parsers, validators and databases elsewhere. */
function hostile(rng: Rng): unknown {
  return rng.pick<() => unknown>([
    () => null,
    () => true,
    () => 0,
    () => -1,
    () => 1.5,
    () => 1e308,
    () => -1e308,
    () => 2 ** 53 + 1,
    () => '',
    () => '   ',
    () => 'x'.repeat(rng.pick([121, 2001, 20_001])),
    () => 'nul\u0000byte',
    () => 'lone \ud800 surrogate',
    () => '<script>alert(1)</script>',
    () => "'; DROP TABLE tip; --",
    () => '../../../etc/passwd',
    () => '2026-02-30T25:61:00Z',
    () => '0000-01-01T00:00:00Z',
    () => '+275760-09-13T00:00:00.001Z',
    () => 'NaN',
    () => '1e400',
    () => '-0',
    () => rng.uuid(),
    () => rng.pick(Object.values(known).flat().concat('x')),
    () => [],
    () => {},
    () => [null],
    () => [[[]]],
    () => ({ fr: '', en: 7 }),
    () => Array.from({ length: rng.pick([3, 200]) }, () => rng.uuid()),
    () => nested(rng.pick([10, 30]), 'deep'),
  ])();
}

const KEYS = (
  'accuracyM addTags ageMax ageMin agency alt amount appeal appealId assigneeId body caseId caution ' +
  'code content currency cursor decision description duplicateIds email expiresAt force fr en ids ' +
  'images kind lang language lastSeen latitude leadId limit longitude mergeClusters name note ' +
  'occurredFrom occurredTo outcome password place priority q reason receivedFrom receivedTo reference ' +
  'requireTotp reward role roles status subjects summary tag tags terms text timeZone tipIds title ' +
  'totp version __proto__ constructor'
).split(' ');

/** A valid body for the routes that have one: mutations of it reach deeper than random objects. */
function validBody(method: string, path: string): unknown {
  const key = `${method} ${path}`;
  const bodies: Record<string, () => unknown> = {
    'POST /api/auth/login': () => ({ email: 'admin@demo.test', password: 'not the password' }),
    'POST /api/public/tips/follow-up': () => ({ ...tipReceipt }),
    'POST /api/public/tips/follow-up/messages': () => ({ body: 'Il portait une casquette rouge.' }),
    'POST /api/public/tips/follow-up/reward-claim': () => ({ reference: 'ABC', note: 'x' }),
    'POST /api/appeals': () => appealBody(AppealKind.MISSING_PERSON),
    'PATCH /api/appeals/:id': () => ({ content: appealBody().content, version: 1 }),
    'POST /api/appeals/:id/reject': () => ({ reason: 'Ajouter la taille.' }),
    'POST /api/appeals/:id/updates': () => ({ kind: 'UPDATE', text: { fr: 'Mise à jour', en: 'Update' } }),
    'POST /api/appeals/:id/resolve': () => ({ outcome: 'ARRESTED', note: { fr: 'Arrêté', en: 'Arrested' } }),
    'PATCH /api/tips/:id': () => ({ version: 1, status: 'IN_REVIEW', tags: ['vélo'] }),
    'POST /api/tips/bulk': () => ({ ids: known.tip.slice(0, 2), status: 'IN_REVIEW', addTags: ['x'] }),
    'POST /api/tips/:id/notes': () => ({ body: 'Appeler le témoin.' }),
    'POST /api/tips/:id/messages': () => ({ body: 'Pouvez-vous préciser l’heure ?' }),
    'POST /api/tips/:id/merge': () => ({ duplicateIds: known.tip.slice(1, 2) }),
    'POST /api/tips': () => ({ channel: 'PHONE', description: 'Appel : un homme armé.', agency: 'demo' }),
    'POST /api/cases': () => ({ title: 'Cambriolages' }),
    'POST /api/cases/:id/tips': () => ({ tipIds: known.tip.slice(0, 1) }),
  };
  return bodies[key]?.() ?? randomObject(generator(key.length), 3);
}

function randomObject(rng: Rng, keys: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys; i++) out[rng.pick(KEYS)] = hostile(rng);
  return out;
}

/** One structural change somewhere in a JSON value. */
function mutate(rng: Rng, value: unknown): unknown {
  if (rng.chance(0.08)) return hostile(rng); // the whole body
  if (rng.chance(0.05)) return [value];
  if (value === null || typeof value !== 'object') return hostile(rng);
  const copy: Record<string, unknown> = Array.isArray(value) ? { ...value } : { ...(value as object) };
  const keys = Object.keys(copy);
  const op = rng.int(4);
  if (op === 0 && keys.length) delete copy[rng.pick(keys)];
  else if (op === 1 || !keys.length) copy[rng.pick(KEYS)] = hostile(rng);
  else {
    const k = rng.pick(keys);
    copy[k] = rng.chance(0.5) ? mutate(rng, copy[k]) : hostile(rng);
  }
  return Array.isArray(value) ? Object.values(copy) : copy;
}

/** A JSON body as text: mostly well-formed, sometimes cut, garbled, or far too deep. */
function jsonText(rng: Rng, value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  const op = rng.int(12);
  if (op === 0) return text.slice(0, rng.int(text.length));
  if (op === 1) return text + rng.pick(['}', ']', ',', '\u0000', ' garbage']);
  if (op === 2) return '['.repeat(5000) + ']'.repeat(5000);
  if (op === 3) {
    const depth = rng.pick([33, 2000]);
    return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  }
  if (op === 4) return text.replace(/"[^"]*"/, '"__proto__"');
  return text;
}

function tipFields(rng: Rng): FormData {
  const fields: Record<string, string | undefined> = {
    description: 'J’ai vu une camionnette blanche.',
    place: 'Parc Jarry',
    latitude: '45.53',
    longitude: '-73.62',
    occurredFrom: '2026-11-19T21:30:00.000Z',
    language: 'fr',
    agency: 'demo',
  };
  for (let i = 0, n = 1 + rng.int(3); i < n; i++) {
    const k = rng.pick([...Object.keys(fields), ...KEYS, 'files', 'latitude[a]', 'description[]']);
    const v = hostile(rng);
    fields[k] = rng.chance(0.2) ? undefined : typeof v === 'string' ? v : JSON.stringify(v);
  }
  const form = tipForm(fields);
  if (rng.chance(0.3)) form.append('description', 'encore');
  const files = rng.int(3);
  for (let i = 0; i < files; i++) {
    const bytes = rng.pick([
      Buffer.alloc(0),
      Buffer.from('\xff\xd8\xff\xe0 not really a jpeg', 'latin1'),
      Buffer.from('<svg onload="alert(1)"/>'),
      Buffer.from(Array.from({ length: 2048 }, () => rng.int(256))),
    ]);
    form.append(
      rng.pick(['files', 'files', 'file', 'files[]', 'description']),
      new Blob([new Uint8Array(bytes)], { type: rng.pick(['image/jpeg', 'video/mp4', 'text/html', '']) }),
      rng.pick(['photo.jpg', '', '../../x.jpg', 'a'.repeat(300), 'vidéo.mp4']),
    );
  }
  return form;
}

interface Route {
  method: string;
  path: string;
  isPublic: boolean;
  roles: string[];
}

/** The app's routes, each with the roles it admits (an empty list where it names none). */
function discoverRoutes(): Route[] {
  return registeredRoutes(t.app).map((route) => ({
    ...route,
    roles: (route.roles as string[] | undefined) ?? [],
  }));
}

/** Streams that stay open, and the one route that would end the fuzzing sessions. */
const SKIPPED = new Set(['GET /api/events', 'POST /api/auth/logout']);
const MULTIPART = /^\/api\/public\/tips(\/follow-up\/media)?$|\/images$/;

function pathFor(rng: Rng, path: string): string {
  return path.replace(/:(\w+)|\*(\w+)|\{\*(\w+)\}/g, (_m, name: string) => {
    const kind = path.startsWith('/api/appeals')
      ? 'appeal'
      : path.startsWith('/api/tips')
        ? 'tip'
        : path.startsWith('/api/cases')
          ? 'case'
          : path.includes('staff')
            ? 'staff'
            : name === 'slug'
              ? 'slug'
              : 'tip';
    const real = known[kind];
    if (real.length && rng.chance(0.6)) return rng.pick(real);
    return encodeURIComponent(
      String(
        rng.pick([rng.uuid(), 'not-a-uuid', '0', '-1', '%00', '..', 'x'.repeat(500), 'é', 'rss', 'json']),
      ),
    );
  });
}

function queryFor(rng: Rng): string {
  if (rng.chance(0.3)) return '';
  const params = new URLSearchParams();
  for (let i = 0, n = 1 + rng.int(3); i < n; i++) {
    const v = hostile(rng);
    params.append(rng.pick(KEYS), typeof v === 'string' ? v : JSON.stringify(v));
  }
  return `?${params}`;
}

interface Sent {
  n: number;
  method: string;
  url: string;
  as: string;
  contentType?: string;
  body?: string;
}

async function send(
  rng: Rng,
  n: number,
  route: Route,
): Promise<{ sent: Sent; status: number; answer: string }> {
  const method =
    route.method === 'ALL' ? rng.pick(['POST', 'PATCH', 'HEAD', 'DELETE', 'OPTIONS', 'GET']) : route.method;
  const url = pathFor(rng, route.path) + (method === 'GET' || rng.chance(0.15) ? queryFor(rng) : '');
  // Mostly someone the route admits, so that the request reaches validation; the admin otherwise.
  const admitted = Object.keys(staff).filter((role) => route.roles.includes(role.toUpperCase()));
  const as = route.isPublic ? 'anonymous' : admitted.length && rng.chance(0.8) ? rng.pick(admitted) : 'admin';
  const headers: Record<string, string> = {};
  const client = staff[as];
  if (client) {
    headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET') headers[CSRF_HEADER] = client.cookies.get(CSRF_COOKIE) ?? '';
  }
  if (route.path.includes('follow-up') && rng.chance(0.85))
    headers.authorization = `Bearer ${rng.chance(0.9) ? followUpToken : rng.pick(['x', followUpToken + 'x', ''])}`;
  if (route.path.includes('/uploads')) {
    headers['tus-resumable'] = rng.pick(['1.0.0', '0.2', '']);
    headers['upload-length'] = String(rng.pick([0, 1, 1e12, -1, 'x']));
    headers['upload-offset'] = String(rng.pick([0, 5, -1, 'x']));
  }
  let body: BodyInit | undefined;
  let shown: string | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    if (MULTIPART.test(route.path) && rng.chance(0.85)) {
      body = tipFields(rng);
      const parts: string[] = [];
      (body as FormData).forEach((v, k) =>
        parts.push(`${k}=${typeof v === 'string' ? v.slice(0, 80) : `<file ${v.size} B>`}`),
      );
      shown = parts.join('&');
    } else {
      body = jsonText(rng, mutate(rng, validBody(route.method, route.path)));
      shown = body.slice(0, 400);
      headers['content-type'] = rng.chance(0.9)
        ? 'application/json'
        : rng.pick(['text/plain', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']);
    }
  }
  const sent = { n, method, url: url.slice(0, 300), as, contentType: headers['content-type'], body: shown };
  try {
    const res = await fetch(t.baseUrl + url, {
      method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    });
    return { sent, status: res.status, answer: (await res.text()).slice(0, 300) };
  } catch (err) {
    return { sent, status: 0, answer: `no answer: ${String(err)}` };
  }
}

describe('found by fuzzing, each a 400 with a field message', () => {
  it('latitude without longitude, or the reverse, on the public tip route', async () => {
    const anon = new ApiClient(t.baseUrl);
    for (const [given, missing] of [
      [{ latitude: '45.5' }, 'longitude'],
      [{ longitude: '-73.6' }, 'latitude'],
    ] as const) {
      const res = await anon.post('/api/public/tips', tipForm({ description: 'Vu ici.', ...given }));
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual({ [missing]: expect.any(String) });
    }
  });

  it('JSON nested 5,000 deep, on sign-in and on a staff route', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const login = await new ApiClient(t.baseUrl).post('/api/auth/login', deep);
    expect(login.status).toBe(400);
    expect(login.body.message).toMatch(/nested/);
    const appeal = await staff.pio.post('/api/appeals', '['.repeat(5000) + ']'.repeat(5000));
    expect(appeal.status).toBe(400);
  });

  it('an appeal whose content is missing, or an array', async () => {
    for (const content of [undefined, [], [{ title: { fr: 'x' } }]]) {
      const res = await staff.pio.post('/api/appeals', { kind: 'WANTED', content });
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveProperty('content');
    }
  });
});

it(`answers ${REQUESTS} mutated requests over every route without a 5xx (seed ${SEED})`, async () => {
  const rng = generator(SEED);
  const portalBuilt = existsSync(join(PORTAL_DIST, 'index.html'));
  const routes = discoverRoutes()
    .filter((r) => !SKIPPED.has(`${r.method} ${r.path}`))
    .sort((a, b) => `${a.method} ${a.path}`.localeCompare(`${b.method} ${b.path}`));
  expect(routes.length).toBeGreaterThan(40);
  const statuses: Record<number, number> = {};
  const failures: string[] = [];
  for (let n = 0; n < REQUESTS; n++) {
    // Every route at least once, then routes at random.
    const route = n < routes.length ? routes[n] : rng.pick(routes);
    const { sent, status, answer } = await send(rng, n, route);
    statuses[status] = (statuses[status] ?? 0) + 1;
    // Without a portal build (running this file alone), the page routes say so with a 503.
    const noPortal = status === 503 && answer.startsWith('The portal is not built') && !portalBuilt;
    if ((status >= 500 && !noPortal) || status === 0)
      failures.push(`${status} for ${JSON.stringify(sent)}\n    answered: ${answer}`);
  }
  console.log(`fuzz seed ${SEED}, ${REQUESTS} requests, by status: ${JSON.stringify(statuses)}`);
  if (failures.length) console.log(failures.join('\n'));
  expect(failures).toEqual([]);
  // The run reached validation, not only the guards.
  expect(statuses[400]).toBeGreaterThan(REQUESTS / 10);
}, 120_000);
