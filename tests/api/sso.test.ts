import { SIGN_IN_BOUNDS } from '../../apps/api/src/identity/sign-in-throttle';
import { ApiClient } from '../support/api-client';
import { DEMO_PASSWORD } from '../support/constants';
import { startProvider, TestProvider } from '../support/oidc-provider';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Single sign-on against a real OpenID provider (oidc-provider) on loopback. The test plays the
 * browser: it follows each redirect itself, keeping each site's cookies, and hands the provider's
 * answer to the app's callback as a browser would after the redirect to PUBLIC_URL.
 */
const PUBLIC_URL = 'http://127.0.0.1:9';
const CALLBACK = `${PUBLIC_URL}/api/auth/sso/callback`;
const CLIENT = {
  client_id: 'vigie-demo',
  client_secret: 'demo-client-secret-0123456789',
  redirect_uris: [CALLBACK],
};
const OTHER_CLIENT = {
  client_id: 'other-app',
  client_secret: 'other-secret-0123456789',
  redirect_uris: [CALLBACK],
};

let t: TestApp;
let provider: TestProvider;
let admin: ApiClient;

beforeAll(async () => {
  provider = await startProvider([CLIENT, OTHER_CLIENT], {
    alice: {
      email: 'alice@demo.test',
      email_verified: true,
      name: 'Alice Tremblay',
      groups: ['vigie-investigators'],
    },
    bob: { email: 'bob@demo.test', email_verified: true, name: 'Bob', groups: ['marketing'] },
    pio: {
      email: 'pio@demo.test',
      email_verified: true,
      name: 'PIO',
      groups: ['vigie-pio', 'vigie-supervisors'],
    },
    eve: { email: 'investigator@second.test', email_verified: true, groups: ['vigie-investigators'] },
    mallory: { email: 'analyst@demo.test', email_verified: false, groups: ['vigie-investigators'] },
    // Says nothing of the address (as Entra ID, where a tenant user sets their own e-mail).
    trudy: { email: 'supervisor@demo.test', groups: ['vigie-investigators'] },
  });
  t = await startTestApp({ PUBLIC_URL, SSO_ALLOW_INSECURE_ISSUER: 'true' }); // the provider is on loopback http
  admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
  const res = await admin.request('PUT', '/api/admin/sso', settings());
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await provider?.stop();
});

function settings(overrides: Record<string, unknown> = {}) {
  return {
    enabled: true,
    issuer: provider.issuer,
    clientId: CLIENT.client_id,
    clientSecret: CLIENT.client_secret,
    scopes: 'openid email profile groups',
    groupsClaim: 'groups',
    groupMappings: [
      { group: 'vigie-investigators', roles: ['INVESTIGATOR'] },
      { group: 'vigie-pio', roles: ['PIO'] },
      { group: 'vigie-supervisors', roles: ['SUPERVISOR'] },
    ],
    passwordSignIn: true,
    ...overrides,
  };
}

/** One site's cookies, as a browser keeps them. */
class Jar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const value = pair.slice(i + 1);
      if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(pair.slice(0, i));
      else this.cookies.set(pair.slice(0, i), value);
    }
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

async function go(url: string, jar: Jar): Promise<Response> {
  const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
  jar.take(res);
  return res;
}

/** Our start route: the provider's authorization URL, and the app's cookies. */
async function start(slug = 'demo') {
  const app = new Jar();
  const res = await go(`${t.baseUrl}/api/auth/sso/${slug}/start`, app);
  expect(res.status).toBe(303);
  return { app, authorizationUrl: new URL(res.headers.get('location')!) };
}

/** The person signs in at the provider; returns the provider's redirect back to the callback. */
async function atProvider(sub: string, authorizationUrl: URL): Promise<URL> {
  await provider.nextLogin(sub);
  const jar = new Jar();
  let url = authorizationUrl.toString();
  for (let hop = 0; hop < 10; hop++) {
    const res = await go(url, jar);
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider stopped at ${url}: ${res.status} ${await res.text()}`);
    url = new URL(location, url).toString();
    if (url.startsWith(CALLBACK)) return new URL(url);
  }
  throw new Error('too many redirects at the provider');
}

/** The browser lands on the callback (PUBLIC_URL is this app). */
function callback(answer: URL, app: Jar): Promise<Response> {
  return go(`${t.baseUrl}/api/auth/sso/callback${answer.search}`, app);
}

async function signInAs(sub: string): Promise<{ res: Response; app: Jar }> {
  const { app, authorizationUrl } = await start();
  const res = await callback(await atProvider(sub, authorizationUrl), app);
  return { res, app };
}

const me = (app: Jar) => fetch(`${t.baseUrl}/api/auth/me`, { headers: { cookie: app.header() } });
const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.db.query(`SELECT count(*) FROM ${sql}`, params)).rows[0].count);

describe('SSO sign-in', () => {
  it('sends the browser to the provider with a code flow, PKCE, state and nonce', async () => {
    const { app, authorizationUrl } = await start();
    expect(authorizationUrl.origin).toBe(provider.issuer);
    const p = authorizationUrl.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe(CLIENT.client_id);
    expect(p.get('redirect_uri')).toBe(CALLBACK);
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(p.get('state')).toBeTruthy();
    expect(p.get('nonce')).toBeTruthy();
    // The pending sign-in is sealed in the cookie: neither its state nor its verifier shows.
    const sealed = app.get('vigie_sso')!;
    expect(sealed).toMatch(/^v1\./);
    expect(decodeURIComponent(sealed)).not.toContain(p.get('state')!);
  });

  it('signs in a person for the first time with the roles their groups map to, and audits it', async () => {
    const before = await count('staff_user');
    const { res, app } = await signInAs('alice');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/desk');
    const session = res.headers.getSetCookie().find((c) => c.startsWith('vigie_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    const profile = await me(app);
    expect(profile.status).toBe(200);
    expect(await profile.json()).toMatchObject({
      email: 'alice@demo.test',
      displayName: 'Alice Tremblay',
      roles: ['INVESTIGATOR'],
      agency: { slug: 'demo' },
    });
    expect(await count('staff_user')).toBe(before + 1);
    const { rows } = await t.db.query(
      `SELECT i.issuer, i.subject FROM sso_identity i JOIN staff_user u ON u.id = i.staff_user_id WHERE u.email = 'alice@demo.test'`,
    );
    expect(rows).toEqual([{ issuer: provider.issuer, subject: 'alice' }]);
    expect(await count(`audit_event WHERE action = 'auth.sso_first_login'`)).toBe(1);
  });

  it('updates a person’s roles from their groups at each sign-in, found by issuer and subject', async () => {
    await provider.setAccount('alice', {
      email: 'alice@demo.test',
      email_verified: true,
      name: 'Alice Tremblay',
      groups: ['vigie-investigators', 'vigie-supervisors'],
    });
    const { res, app } = await signInAs('alice');
    expect(res.status).toBe(303);
    expect(((await (await me(app)).json()) as { roles: string[] }).roles).toEqual([
      'SUPERVISOR',
      'INVESTIGATOR',
    ]);
    expect(await count(`staff_user WHERE email = 'alice@demo.test'`)).toBe(1);
    expect(await count(`audit_event WHERE action = 'staff.roles_changed' AND data->>'by' = 'sso'`)).toBe(1);
  });

  it('links an existing staff member of the agency by e-mail, and sets the mapped roles', async () => {
    const { res, app } = await signInAs('pio');
    expect(res.status).toBe(303);
    expect(await (await me(app)).json()).toMatchObject({
      email: 'pio@demo.test',
      roles: ['SUPERVISOR', 'PIO'],
    });
    expect(await count(`sso_identity WHERE subject = 'pio'`)).toBe(1);
  });

  it('refuses, with a page the desk explains, a person in no mapped group; nobody is created', async () => {
    const before = await count('staff_user');
    const { res } = await signInAs('bob');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?sso_error=NO_MAPPED_GROUP');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('vigie_session='))).toBe(false);
    expect(await count('staff_user')).toBe(before);
    expect(
      await count(`audit_event WHERE action = 'auth.sso_refused' AND data->>'reason' = 'NO_MAPPED_GROUP'`),
    ).toBe(1);
  });

  it('refuses a disabled person', async () => {
    await t.db.query(`UPDATE staff_user SET disabled_at = now() WHERE email = 'alice@demo.test'`);
    try {
      const { res } = await signInAs('alice');
      expect(res.headers.get('location')).toBe('/login?sso_error=ACCOUNT_DISABLED');
      expect(res.headers.getSetCookie().some((c) => c.startsWith('vigie_session='))).toBe(false);
    } finally {
      await t.db.query(`UPDATE staff_user SET disabled_at = NULL WHERE email = 'alice@demo.test'`);
    }
  });

  it('refuses an e-mail that belongs to another agency’s staff', async () => {
    const { res } = await signInAs('eve');
    expect(res.headers.get('location')).toBe('/login?sso_error=EMAIL_ELSEWHERE');
    expect(await count(`sso_identity WHERE subject = 'eve'`)).toBe(0);
  });
});

describe('SSO and unverified e-mail', () => {
  it('refuses, without a 500, an unverified e-mail that a staff member already holds; nothing linked', async () => {
    const before = await count('staff_user');
    const { res } = await signInAs('mallory');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?sso_error=SSO_FAILED');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('vigie_session='))).toBe(false);
    expect(await count('staff_user')).toBe(before);
    expect(await count(`sso_identity WHERE subject = 'mallory'`)).toBe(0);
  });

  it('links no existing account by an e-mail the provider does not say it verified; refusal audited', async () => {
    const before = await count('staff_user');
    const { res } = await signInAs('trudy');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?sso_error=SSO_FAILED');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('vigie_session='))).toBe(false);
    expect(await count('staff_user')).toBe(before);
    expect(await count(`sso_identity WHERE subject = 'trudy'`)).toBe(0);
    expect(
      await count(
        `audit_event WHERE action = 'auth.sso_refused' AND data->>'subject' = 'trudy' AND data->>'reason' = 'e-mail not verified'`,
      ),
    ).toBe(1);
  });
});

describe('SSO across agencies', () => {
  it('refuses a person linked in one agency who signs in through another agency with the same issuer', async () => {
    await signInAs('alice');
    const [alice] = (await t.db.query(`SELECT id, roles FROM staff_user WHERE email = 'alice@demo.test'`))
      .rows as { id: string; roles: string[] }[];
    // The second agency's provider claims the same issuer, and maps the same group to ADMIN.
    await t.db.query(
      `INSERT INTO agency_sso (agency_id, enabled, issuer, client_id, client_secret_enc, scopes, groups_claim, role_mapping)
       SELECT (SELECT id FROM agency WHERE slug = 'second'), true, issuer, client_id, client_secret_enc, scopes, groups_claim,
              '[{"group": "vigie-investigators", "roles": ["ADMIN"]}]'::jsonb
         FROM agency_sso WHERE agency_id = (SELECT id FROM agency WHERE slug = 'demo')`,
    );
    try {
      const { app, authorizationUrl } = await start('second');
      const res = await callback(await atProvider('alice', authorizationUrl), app);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/login?sso_error=EMAIL_ELSEWHERE');
      expect(res.headers.getSetCookie().some((c) => c.startsWith('vigie_session='))).toBe(false);
      const after = (await t.db.query(`SELECT roles FROM staff_user WHERE id = $1`, [alice.id])).rows[0] as {
        roles: string[];
      };
      expect(after.roles).toEqual(alice.roles);
    } finally {
      await t.db.query(
        `DELETE FROM agency_sso WHERE agency_id = (SELECT id FROM agency WHERE slug = 'second')`,
      );
    }
  });
});

describe('SSO bad input: a clear 4xx, and nothing changed', () => {
  const unchanged = async <T>(work: () => Promise<T>): Promise<T> => {
    const before = [await count('staff_user'), await count('staff_session'), await count('sso_identity')];
    const result = await work();
    expect([await count('staff_user'), await count('staff_session'), await count('sso_identity')]).toEqual(
      before,
    );
    return result;
  };
  /** The check that refused the last answer, as audited (never a token). */
  const lastFailure = async () =>
    (
      await t.db.query(
        `SELECT data->>'reason' AS reason FROM audit_event WHERE action = 'auth.sso_failed' ORDER BY id DESC LIMIT 1`,
      )
    ).rows[0]?.reason as string;
  const expectRefused = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(((await res.json()) as { code: string }).code).toBe(code);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('vigie_session='))).toBe(false);
  };

  /** The browser is sent back to the sign-in page, which says why; no session. */
  const expectSentBack = async (res: Response, code: string) => {
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/login?sso_error=${code}`);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('vigie_session='))).toBe(false);
  };

  it('an unknown agency, or one without SSO', async () => {
    await expectRefused(
      await fetch(`${t.baseUrl}/api/auth/sso/nowhere/start`, { redirect: 'manual' }),
      404,
      'SSO_NOT_AVAILABLE',
    );
    await expectRefused(
      await fetch(`${t.baseUrl}/api/auth/sso/second/start`, { redirect: 'manual' }),
      404,
      'SSO_NOT_AVAILABLE',
    );
  });

  it('a wrong state', async () => {
    await unchanged(async () => {
      const { app, authorizationUrl } = await start();
      const answer = await atProvider('alice', authorizationUrl);
      answer.searchParams.set('state', 'forged-state');
      await expectSentBack(await callback(answer, app), 'SSO_STATE_MISMATCH');
    });
  });

  it('an answer in a browser that did not start the sign-in (no pending cookie), or replayed', async () => {
    await unchanged(async () => {
      const { authorizationUrl } = await start();
      const answer = await atProvider('alice', authorizationUrl);
      await expectSentBack(await callback(answer, new Jar()), 'SSO_NO_TRANSACTION');
    });
    const { app, authorizationUrl } = await start();
    const answer = await atProvider('alice', authorizationUrl);
    expect((await callback(answer, app)).status).toBe(303);
    await unchanged(async () => expectSentBack(await callback(answer, app), 'SSO_NO_TRANSACTION'));
  });

  it('a wrong nonce (an ID token minted for another request)', async () => {
    await unchanged(async () => {
      const { app, authorizationUrl } = await start();
      authorizationUrl.searchParams.set('nonce', 'nonce-of-another-request');
      await expectSentBack(await callback(await atProvider('alice', authorizationUrl), app), 'SSO_REJECTED');
    });
  });

  it('a wrong issuer in the answer (a mix-up with another provider)', async () => {
    await unchanged(async () => {
      const { app, authorizationUrl } = await start();
      const answer = await atProvider('alice', authorizationUrl);
      expect(answer.searchParams.get('iss')).toBe(provider.issuer);
      answer.searchParams.set('iss', 'http://127.0.0.1:1');
      await expectSentBack(await callback(answer, app), 'SSO_REJECTED');
      expect(await lastFailure()).toMatch(/iss mismatch/);
    });
  });

  it('a code issued to another client of the same provider', async () => {
    await unchanged(async () => {
      const { app, authorizationUrl } = await start();
      authorizationUrl.searchParams.set('client_id', OTHER_CLIENT.client_id);
      await expectSentBack(
        await callback(await atProvider('alice', authorizationUrl), app),
        'SSO_PROVIDER_ERROR',
      );
    });
  });

  it('an error sent back by the provider (the person cancelled)', async () => {
    await unchanged(async () => {
      const { app, authorizationUrl } = await start();
      const answer = new URL(CALLBACK);
      answer.searchParams.set('error', 'access_denied');
      answer.searchParams.set('state', authorizationUrl.searchParams.get('state')!);
      answer.searchParams.set('iss', provider.issuer);
      await expectSentBack(await callback(answer, app), 'SSO_PROVIDER_ERROR');
      expect(await lastFailure()).toMatch(/access_denied/);
    });
  });
});

describe('SSO administration', () => {
  it('shows the configuration without the secret, to an agency admin only', async () => {
    const res = await admin.get('/api/admin/sso');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      configured: true,
      issuer: provider.issuer,
      clientSecretSet: true,
      callbackUrl: CALLBACK,
    });
    expect(JSON.stringify(res.body)).not.toContain(CLIENT.client_secret);
    const stored = (await t.db.query(`SELECT client_secret_enc FROM agency_sso`)).rows[0].client_secret_enc;
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(CLIENT.client_secret);
    const investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
    expect((await investigator.get('/api/admin/sso')).status).toBe(403);
    expect((await investigator.request('PUT', '/api/admin/sso', settings())).status).toBe(403);
  });

  it('refuses bad settings with a 4xx and keeps the old ones', async () => {
    const before = (await admin.get('/api/admin/sso')).body;
    const bad = [
      settings({ issuer: 'not a url' }),
      settings({ groupMappings: [{ group: 'x', roles: ['SHERIFF'] }] }),
      settings({ groupMappings: [{ group: 'x', roles: ['PLATFORM_OPERATOR'] }] }),
      settings({ scopes: 'email profile' }),
      settings({ passwordSignIn: 'no' }),
      settings({ unknownField: 1 }),
    ];
    for (const body of bad) expect((await admin.request('PUT', '/api/admin/sso', body)).status).toBe(400);
    const unreachable = await admin.request(
      'PUT',
      '/api/admin/sso',
      settings({ issuer: 'http://127.0.0.1:1' }),
    );
    expect(unreachable.status).toBe(422);
    expect(unreachable.body.code).toBe('SSO_DISCOVERY_FAILED');
    expect((await admin.get('/api/admin/sso')).body).toEqual(before);
  });

  it('turns password sign-in off for the agency: only the provider signs its staff in', async () => {
    const { clientSecret: _secret, ...withoutSecret } = settings({ passwordSignIn: false });
    expect((await admin.request('PUT', '/api/admin/sso', withoutSecret)).status).toBe(200);
    try {
      const right = await fetch(`${t.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'supervisor@demo.test', password: DEMO_PASSWORD }),
      });
      expect(right.status).toBe(403);
      expect(((await right.json()) as { code: string }).code).toBe('PASSWORD_SIGN_IN_OFF');
      // A wrong password learns nothing more than anywhere else.
      const wrong = await fetch(`${t.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'supervisor@demo.test', password: 'not the password at all' }),
      });
      expect(wrong.status).toBe(401);
      // Right or wrong, every attempt counts: past the bound a right password learns nothing either.
      const attempt = (password: string) =>
        fetch(`${t.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'supervisor@demo.test', password }),
        });
      for (let i = 2; i < SIGN_IN_BOUNDS.account.limit; i++) await attempt('not the password at all');
      const locked = await attempt(DEMO_PASSWORD);
      expect(locked.status).toBe(429);
      expect(((await locked.json()) as { code: string }).code).toBe('SIGN_IN_THROTTLED');
      // Another agency still signs in with passwords.
      expect((await ApiClient.signedIn(t.baseUrl, 'investigator@second.test')).sessionToken).toBeTruthy();
      // What the sign-in page offers, by the e-mail's domain or the agency.
      const byEmail = await (await fetch(`${t.baseUrl}/api/auth/sso/options?email=someone@demo.test`)).json();
      expect(byEmail).toEqual({ sso: true, passwordSignIn: false, startUrl: '/api/auth/sso/demo/start' });
      const other = await (await fetch(`${t.baseUrl}/api/auth/sso/options?agency=second`)).json();
      expect(other).toEqual({ sso: false, passwordSignIn: true, startUrl: null });
      // The agency's settings say so (the desk's settings page shows it).
      expect((await admin.get('/api/admin/agency')).body.passwordSignIn).toBe(false);
      // SSO itself still works, with the secret kept.
      expect((await signInAs('pio')).res.headers.get('location')).toBe('/desk');
    } finally {
      expect((await admin.request('PUT', '/api/admin/sso', settings())).status).toBe(200);
    }
    expect((await admin.get('/api/admin/agency')).body.passwordSignIn).toBe(true);
    expect(await count(`audit_event WHERE action = 'sso.settings_changed'`)).toBeGreaterThanOrEqual(3);
    const { rows } = await t.db.query(`SELECT data FROM audit_event WHERE action = 'sso.settings_changed'`);
    expect(JSON.stringify(rows)).not.toContain(CLIENT.client_secret);
  });
});
