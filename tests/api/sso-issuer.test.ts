import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Without SSO_ALLOW_INSECURE_ISSUER (the default), an agency's issuer must be https and not name
 * a loopback, link-local or private address: the server fetches it (SSRF). sso.test.ts covers the
 * flag on, with its provider on loopback http.
 */
let t: TestApp;
let admin: ApiClient;

beforeAll(async () => {
  t = await startTestApp({});
  admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
});
afterAll(() => t.close());

const settings = (issuer: string) => ({
  enabled: true,
  issuer,
  clientId: 'vigie-demo',
  clientSecret: 'demo-client-secret-0123456789',
  groupMappings: [{ group: 'vigie-investigators', roles: ['INVESTIGATOR'] }],
  passwordSignIn: true,
});

it.each([
  ['plain http', 'http://idp.police.example/realms/vigie', /https/],
  ['loopback', 'https://127.0.0.1:8443/', /public address/],
  ['loopback by name', 'https://localhost/', /public address/],
  ['a cloud metadata address (link-local)', 'https://169.254.169.254/latest/meta-data', /public address/],
  ['a private address', 'https://10.0.0.5/', /public address/],
  ['a private address', 'https://192.168.1.10/', /public address/],
  ['IPv6 loopback', 'https://[::1]/', /public address/],
  ['IPv6 unique-local', 'https://[fd00::1]/', /public address/],
])('refuses %s (%s) with a 400 on the issuer, storing nothing', async (_what, issuer, message) => {
  const res = await admin.request('PUT', '/api/admin/sso', settings(issuer));
  expect(res.status).toBe(400);
  expect(res.body.code).toBe('VALIDATION_FAILED');
  expect(res.body.errors.issuer).toMatch(message);
  expect((await admin.get('/api/admin/sso')).body.configured).toBe(false);
  expect(Number((await t.db.query(`SELECT count(*) FROM agency_sso`)).rows[0].count)).toBe(0);
});
