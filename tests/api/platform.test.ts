import { StaffAccounts } from '../../apps/api/src/identity/staff-accounts.service';
import { currentTotp } from '../../apps/api/src/identity/totp';
import { ApiClient } from '../support/api-client';
import { registeredRoutes, type RegisteredRoute } from '../support/app-routes';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The platform operator of a multi-agency deployment: creates agencies and their first admin, must
 * use TOTP, and reaches no agency's tips, cases, appeals or staff.
 */
let t: TestApp;
let operator: ApiClient;

/** What the operator may reach besides /api/platform: their own account. */
const OWN_ACCOUNT = [
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/totp/enrol',
  'POST /api/auth/totp/verify',
  'GET /api/auth/sessions',
  'DELETE /api/auth/sessions/:sessionId',
];

beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL: 'https://vigie.province.example' });
  const invited = await t.app
    .get(StaffAccounts)
    .invite(
      null,
      { email: 'ops@province.example', name: 'Platform Ops', roles: ['PLATFORM_OPERATOR'] as never },
      { userId: null },
      'show',
    );
  const token = invited.activationUrl!.split('/').pop()!;
  const anonymous = new ApiClient(t.baseUrl);
  // An operator always enrols TOTP as part of activation.
  expect((await anonymous.get(`/api/auth/activation/${token}`)).body).toMatchObject({
    totpRequired: true,
    agencyName: 'Vigie',
  });
  expect(
    (await anonymous.post(`/api/auth/activation/${token}`, { password: 'province wide operations' })).status,
  ).toBe(409);
  const { secret } = (await anonymous.post(`/api/auth/activation/${token}/totp`)).body;
  expect(
    (
      await anonymous.post(`/api/auth/activation/${token}`, {
        password: 'province wide operations',
        totpCode: currentTotp(secret),
      })
    ).status,
  ).toBe(204);

  operator = new ApiClient(t.baseUrl);
  // The next time step's code: the one used at activation cannot be replayed.
  const login = await operator.post('/api/auth/login', {
    email: 'ops@province.example',
    password: 'province wide operations',
    totp: currentTotp(secret, Date.now() + 30_000),
  });
  expect(login.status).toBe(200);
  expect(login.body).toMatchObject({
    roles: ['PLATFORM_OPERATOR'],
    agency: null,
    totpEnrolmentRequired: false,
  });
});
afterAll(() => t.close());

const agencyCount = async () => Number((await t.db.query('SELECT count(*) FROM agency')).rows[0].count);

it('creates an agency and its first admin, who activates and runs it', async () => {
  const created = await operator.post('/api/platform/agencies', {
    name: 'Service de police de Gatineau',
    slug: 'gatineau',
    timeZone: 'America/Toronto',
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ slug: 'gatineau', timeZone: 'America/Toronto', activeAdmins: 0 });
  const me = (await operator.get('/api/auth/me')).body;
  const [audit] = (
    await t.db.query(`SELECT actor_id, agency_id FROM audit_event WHERE action = 'agency.created'`)
  ).rows;
  expect(audit).toEqual({ actor_id: me.id, agency_id: created.body.id });

  const invited = await operator.post(`/api/platform/agencies/${created.body.id}/admins`, {
    email: 'chief@gatineau.example',
    name: 'Marie Tremblay',
  });
  expect(invited.status).toBe(201);
  expect(invited.body).toMatchObject({ emailed: false, member: { roles: ['ADMIN'], status: 'INVITED' } });
  const token = invited.body.activationUrl.split('/').pop();
  expect(
    (
      await new ApiClient(t.baseUrl).post(`/api/auth/activation/${token}`, {
        password: 'riverside morning patrol',
      })
    ).status,
  ).toBe(204);
  const chief = await ApiClient.signedIn(t.baseUrl, 'chief@gatineau.example', 'riverside morning patrol');
  expect((await chief.get('/api/admin/staff')).body.map((m: { email: string }) => m.email)).toEqual([
    'chief@gatineau.example',
  ]);

  const listed = (await operator.get('/api/platform/agencies')).body;
  expect(listed.map((a: { slug: string }) => a.slug)).toEqual(
    expect.arrayContaining(['demo', 'second', 'gatineau']),
  );
  expect(listed.find((a: { slug: string }) => a.slug === 'gatineau').activeAdmins).toBe(1);
});

it('refuses a taken slug, a bad slug or time zone, an unknown agency, a taken e-mail; nothing changes', async () => {
  const before = await agencyCount();
  const staffBefore = (await t.db.query('SELECT count(*) FROM staff_user')).rows[0].count;
  const cases: [Record<string, unknown>, number][] = [
    [{ name: 'Démo', slug: 'demo', timeZone: 'America/Toronto' }, 409],
    [{ name: 'Bad', slug: 'Bad Slug', timeZone: 'America/Toronto' }, 400],
    [{ name: 'Bad', slug: 'bad', timeZone: 'Mars/Olympus' }, 400],
    [{ name: '', slug: 'bad', timeZone: 'UTC' }, 400],
    [{ name: 'Bad', slug: 'bad' }, 400],
  ];
  for (const [body, status] of cases)
    expect((await operator.post('/api/platform/agencies', body)).status).toBe(status);
  expect(await agencyCount()).toBe(before);

  expect(
    (
      await operator.post('/api/platform/agencies/00000000-0000-4000-8000-000000000000/admins', {
        email: 'a@b.example',
        name: 'A',
      })
    ).status,
  ).toBe(404);
  expect(
    (await operator.post('/api/platform/agencies/not-a-uuid/admins', { email: 'a@b.example', name: 'A' }))
      .status,
  ).toBe(404);
  const demo = (await t.db.query(`SELECT id FROM agency WHERE slug = 'demo'`)).rows[0].id;
  const taken = await operator.post(`/api/platform/agencies/${demo}/admins`, {
    email: 'admin@demo.test',
    name: 'Again',
  });
  expect(taken.status).toBe(409);
  expect((await t.db.query('SELECT count(*) FROM staff_user')).rows[0].count).toBe(staffBefore);
});

it('is refused to agency staff, the admin included', async () => {
  const admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
  expect((await admin.get('/api/platform/agencies')).status).toBe(403);
  expect(
    (await admin.post('/api/platform/agencies', { name: 'X', slug: 'xx', timeZone: 'UTC' })).status,
  ).toBe(403);
});

describe('sees no agency data', () => {
  let routes: RegisteredRoute[];
  beforeAll(() => {
    routes = registeredRoutes(t.app).filter((r) => !r.isPublic);
  });

  it('no route outside /api/platform and their own account admits the role', () => {
    const admitting = routes
      .filter((r) => Array.isArray(r.roles) && r.roles.includes('PLATFORM_OPERATOR'))
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !r.includes(' /api/platform/'));
    expect(admitting.sort()).toEqual([...OWN_ACCOUNT].sort());
  });

  it('every tip, case, appeal, record and admin route answers 403 to the operator', async () => {
    const agencyRoutes = routes.filter(
      (r) => !r.path.startsWith('/api/platform') && !OWN_ACCOUNT.includes(`${r.method} ${r.path}`),
    );
    expect(agencyRoutes.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        '/api/tips',
        '/api/tips/:id',
        '/api/cases',
        '/api/appeals',
        '/api/events',
        '/api/admin/staff',
      ]),
    );
    for (const route of agencyRoutes) {
      const path = route.path
        .replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000')
        .replace('*id', 'x');
      const res = await operator.request(
        route.method === 'ALL' ? 'GET' : route.method,
        path,
        route.method === 'GET' ? undefined : {},
      );
      expect(`${route.method} ${route.path} -> ${res.status}`).toBe(`${route.method} ${route.path} -> 403`);
    }
  });
});
