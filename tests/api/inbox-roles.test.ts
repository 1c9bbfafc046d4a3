import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

/**
 * Who may do what, as a matrix: every inbox, case and reward route, for every role of the demo
 * agency, and for the second agency (which must get 404 for anything of the first).
 */
let t: TestApp;
let tipId: string;
let caseId: string;
let claimId: string;
let appealId: string;

const ROLES = ['investigator', 'supervisor', 'analyst', 'pio', 'admin'] as const;
type Role = (typeof ROLES)[number];
const clients = {} as Record<Role | 'other', ApiClient>;

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  for (const role of ROLES) clients[role] = await ApiClient.signedIn(t.baseUrl, `${role}@demo.test`);
  clients.other = await ApiClient.signedIn(t.baseUrl, 'investigator@second.test');
  const { rows } = await t.db.query(
    `SELECT a.id, a.slug FROM appeal a JOIN appeal_version v ON v.id = a.current_version_id JOIN agency g ON g.id = a.agency_id
      WHERE g.slug = 'demo' AND v.public->'content' ? 'reward'`,
  );
  appealId = rows[0].id;
  const anon = new ApiClient(t.baseUrl);
  const receipt = (
    await anon.post('/api/public/tips', tipForm({ description: 'Matrice', appeal: rows[0].slug }))
  ).body;
  tipId = (await t.db.query(`SELECT id FROM tip WHERE code = $1`, [receipt.code])).rows[0].id;
  caseId = (await clients.investigator.post('/api/cases', { title: 'Matrice' })).body.id;
  const token = (
    await anon.post('/api/public/tips/follow-up', { code: receipt.code, password: receipt.password })
  ).body.token;
  await anon.post('/api/public/tips/follow-up/reward-claim', undefined, { authorization: `Bearer ${token}` });
  claimId = (await t.db.query(`SELECT id FROM reward_claim WHERE tip_id = $1`, [tipId])).rows[0].id;
});
afterAll(() => t.close());

// [route, call, roles allowed, what the second agency's investigator gets]. Each call is made so
// that, when allowed, it succeeds or fails on its merits (never 401/403/404). The second agency
// sees its own (empty) lists, and 404 for anything of this agency: never 403, which would say it exists.
const MATRIX: [string, (c: ApiClient) => Promise<{ status: number }>, Role[], number][] = [
  ['GET /api/tips', (c) => c.get('/api/tips'), ['investigator', 'supervisor', 'analyst'], 200],
  ['GET /api/tips/:id', (c) => c.get(`/api/tips/${tipId}`), ['investigator', 'supervisor', 'analyst'], 404],
  [
    'GET /api/tips/stats',
    (c) => c.get(`/api/tips/stats?appealId=${appealId}`),
    ['investigator', 'supervisor', 'analyst', 'pio'],
    404,
  ],
  [
    'PATCH /api/tips/:id',
    (c) => c.patch(`/api/tips/${tipId}`, { version: 999, priority: 'HIGH' }),
    ['investigator', 'supervisor'],
    404,
  ],
  [
    'POST /api/tips/:id/notes',
    (c) => c.post(`/api/tips/${tipId}/notes`, { body: 'note' }),
    ['investigator', 'supervisor'],
    404,
  ],
  [
    'POST /api/tips/:id/messages',
    (c) => c.post(`/api/tips/${tipId}/messages`, { body: 'question' }),
    ['investigator', 'supervisor'],
    404,
  ],
  [
    'POST /api/tips/:id/contact',
    (c) => c.post(`/api/tips/${tipId}/contact`),
    ['investigator', 'supervisor'],
    404,
  ],
  // Tip by tip: another agency's tip is refused as NOT_FOUND in the answer, like one that does not exist.
  [
    'POST /api/tips/bulk',
    (c) => c.post('/api/tips/bulk', { ids: [tipId], addTags: ['x'] }),
    ['investigator', 'supervisor'],
    200,
  ],
  [
    'GET /api/tips/assignees',
    (c) => c.get('/api/tips/assignees'),
    ['investigator', 'supervisor', 'analyst'],
    200,
  ],
  ['GET /api/cases', (c) => c.get('/api/cases'), ['investigator', 'supervisor', 'analyst'], 200],
  [
    'GET /api/cases/:id',
    (c) => c.get(`/api/cases/${caseId}`),
    ['investigator', 'supervisor', 'analyst'],
    404,
  ],
  ['POST /api/cases', (c) => c.post('/api/cases', { title: 'x' }), ['investigator', 'supervisor'], 201],
  [
    'PATCH /api/cases/:id',
    (c) => c.patch(`/api/cases/${caseId}`, { version: 999 }),
    ['investigator', 'supervisor'],
    404,
  ],
  [
    'POST /api/cases/:id/appeals',
    (c) => c.post(`/api/cases/${caseId}/appeals`, { appealId }),
    ['investigator', 'supervisor'],
    404,
  ],
  [
    'GET /api/rewards/claims',
    (c) => c.get('/api/rewards/claims'),
    ['investigator', 'supervisor', 'analyst'],
    200,
  ],
  // The second agency's investigator is no supervisor: the role check answers first.
  [
    'POST /api/rewards/claims/:id/decision',
    (c) => c.post(`/api/rewards/claims/${claimId}/decision`, { decision: 'REFUSE' }),
    ['supervisor'],
    403,
  ],
  [
    'POST /api/rewards/claims/:id/payment',
    (c) => c.post(`/api/rewards/claims/${claimId}/payment`, { reference: 'x' }),
    ['supervisor'],
    403,
  ],
];

describe.each(MATRIX)('%s', (_route, call, allowed, otherAgency) => {
  it.each(ROLES)('as %s', async (role) => {
    const { status } = await call(clients[role]);
    // Allowed: the route did its work, or refused the request on its merits (a stale version, a decided claim).
    if (allowed.includes(role)) expect([200, 201, 204, 400, 409]).toContain(status);
    else expect(status).toBe(403);
  });

  it('as the second agency', async () => {
    expect((await call(clients.other)).status).toBe(otherAgency);
  });
});

it('the second agency cannot act on a claim of this agency, even as a supervisor (404)', async () => {
  const otherSupervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@second.test');
  expect(
    (await otherSupervisor.post(`/api/rewards/claims/${claimId}/decision`, { decision: 'APPROVE' })).status,
  ).toBe(404);
});

it("lists only the caller's own agency", async () => {
  const items = (await clients.other.get('/api/tips')).body.items;
  expect(items.map((i: { id: string }) => i.id)).not.toContain(tipId);
  expect((await clients.other.get('/api/rewards/claims')).body).toEqual([]);
});
