import { StaffRole } from '@vigie/common';
import { ApiClient } from '../support/api-client';
import { registeredRoutes, type RegisteredRoute } from '../support/app-routes';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Deny by default, checked from the outside: every route the application registers is listed
 * here, and each one is either explicitly @Public() (and named below, so opening a route is a
 * reviewed decision) or refuses a request without a session.
 */
const KNOWN_PUBLIC = new Set([
  'POST /api/auth/login',
  // An invitation or reset link: the token in the path is the credential (see ActivationController).
  'GET /api/auth/activation/:token',
  'POST /api/auth/activation/:token/totp',
  'POST /api/auth/activation/:token',
  // Single sign-on: what the sign-in page offers, and the way to the agency's provider and back.
  'GET /api/auth/sso/options',
  'GET /api/auth/sso/:agencySlug/start',
  'GET /api/auth/sso/callback',
  'GET /api/health',
  'GET /api/public/agencies',
  'GET /api/public/appeals',
  'GET /api/public/appeals/:slug',
  'GET /media/appeal-images/:imageId/:file',
  'GET /appeals/:slug',
  'GET /appeals/:slug/poster',
  'GET /media/appeals/:slug/:file',
  'GET /feeds/appeals.:format',
  'GET /feeds/appeals/:slug.cap.xml',
  'GET /api/public/tips/challenge',
  'POST /api/public/tips',
  'POST /api/public/tips/follow-up',
  'GET /api/public/tips/follow-up',
  'POST /api/public/tips/follow-up/messages',
  'POST /api/public/tips/follow-up/media',
  'POST /api/public/tips/follow-up/reward-claim',
  // The SMS provider's webhook: no session, but its signature is checked (channels-sms.test.ts).
  'POST /api/channels/sms/inbound',
  // tus protocol; every request still needs the tipster's follow-up token (see ResumableUploads).
  'ALL /api/public/tips/follow-up/uploads',
  'ALL /api/public/tips/follow-up/uploads/*id',
  // Alerts without an account (reach/alerts): subscribing is rate-limited per client; confirming and
  // unsubscribing take a token signed for one subscription (alerts.test.ts).
  'GET /api/public/alerts/setup',
  'POST /api/public/alerts/push',
  'POST /api/public/alerts/email',
  'POST /api/public/alerts/confirm',
  'POST /api/public/alerts/unsubscribe',
  'GET /basic/alerts',
  'POST /basic/alerts',
  'GET /basic/alerts/confirm',
  'POST /basic/alerts/confirm',
  'GET /basic/alerts/unsubscribe',
  'POST /basic/alerts/unsubscribe',
  // The tip form and follow-up without JavaScript (tips/basic): the same checks as the routes above.
  'GET /basic/tips/new',
  'POST /basic/tips/new',
  'GET /basic/tips/follow-up',
  'POST /basic/tips/follow-up',
  'POST /basic/tips/follow-up/messages',
  'POST /basic/tips/follow-up/sign-out',
  // The agency's ActivityPub actor (reach/social/networks/mastodon): read by any fediverse server;
  // the inbox reads nothing unless the sender's HTTP signature verifies (reach-fediverse.test.ts).
  'GET /.well-known/webfinger',
  'GET /ap/users/:username',
  'GET /ap/users/:username/outbox',
  'GET /ap/users/:username/followers',
  'POST /ap/users/:username/inbox',
  'GET /ap/notes/:id',
  'GET /ap/notes/:id/image',
  'GET /{*path}',
]);

/**
 * The call-taker takes tips in and nothing else: these routes, and those about their own account.
 * Every other staff route must refuse them (checked on the routes' roles and by calling each one).
 */
const CALL_TAKER_ROUTES = new Set([
  'POST /api/tips',
  'POST /api/tips/call-back',
  'GET /api/tips/call-back',
  'POST /api/tips/call-back/messages',
]);
const OWN_ACCOUNT_ROUTES = new Set([
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'POST /api/auth/totp/enrol',
  'POST /api/auth/totp/verify',
  'GET /api/auth/sessions',
  'DELETE /api/auth/sessions/:sessionId',
]);

let t: TestApp;
let routes: RegisteredRoute[];
beforeAll(async () => {
  t = await startTestApp();
  routes = registeredRoutes(t.app);
});
afterAll(() => t.close());

it('finds the routes', () => {
  expect(routes.length).toBeGreaterThanOrEqual(KNOWN_PUBLIC.size);
});

it('opens no route without @Public(), and every @Public() route is a known one', () => {
  const publicRoutes = routes.filter((r) => r.isPublic).map((r) => `${r.method} ${r.path}`);
  expect(publicRoutes.filter((r) => !KNOWN_PUBLIC.has(r))).toEqual([]);
});

it('names the allowed roles on every staff route', () => {
  const withoutRoles = routes.filter((r) => !r.isPublic && (!Array.isArray(r.roles) || r.roles.length === 0));
  expect(withoutRoles.map((r) => `${r.method} ${r.path}`)).toEqual([]);
});

it('answers 401 to every staff route called without a session', async () => {
  const staffRoutes = routes.filter((r) => !r.isPublic);
  expect(staffRoutes.length).toBeGreaterThan(0);
  for (const route of staffRoutes) {
    const path = route.path.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
    const res = await fetch(t.baseUrl + path, { method: route.method });
    expect(`${route.method} ${route.path} -> ${res.status}`).toBe(`${route.method} ${route.path} -> 401`);
  }
});

it('opens to the call-taker only the intake routes and their own account', () => {
  const open = routes
    .filter((r) => !r.isPublic && Array.isArray(r.roles) && r.roles.includes(StaffRole.CALL_TAKER))
    .map((r) => `${r.method} ${r.path}`)
    .sort();
  expect(open).toEqual([...CALL_TAKER_ROUTES, ...OWN_ACCOUNT_ROUTES].sort());
});

it('answers 403 to the call-taker on every other staff route, whatever it would change', async () => {
  const callTaker = await ApiClient.signedIn(t.baseUrl, 'calltaker@demo.test');
  const before = await t.db.query(`SELECT count(*)::int AS n FROM audit_event`);
  const refused = routes.filter(
    (r) =>
      !r.isPublic &&
      !CALL_TAKER_ROUTES.has(`${r.method} ${r.path}`) &&
      !OWN_ACCOUNT_ROUTES.has(`${r.method} ${r.path}`),
  );
  expect(refused.length).toBeGreaterThan(50);
  for (const route of refused) {
    const path = route.path.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
    const res = await callTaker.request(route.method, path, route.method === 'GET' ? undefined : {});
    expect(`${route.method} ${route.path} -> ${res.status}`).toBe(`${route.method} ${route.path} -> 403`);
  }
  // Still signed in (no route ended the session), and nothing was written for any of it.
  expect((await callTaker.get('/api/auth/me')).status).toBe(200);
  expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_event`)).rows[0].n).toBe(before.rows[0].n);
});
