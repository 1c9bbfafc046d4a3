import { currentTotp } from '../../apps/api/src/identity/totp';
import { ApiClient } from '../support/api-client';
import { DEMO_PASSWORD } from '../support/constants';
import { startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auditCount = async (action: string) =>
  Number((await t.db.query('SELECT count(*) FROM audit_event WHERE action = $1', [action])).rows[0].count);

describe('staff sign-in', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and a readable CSRF cookie', async () => {
    const res = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'Investigator@Demo.test', password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('vigie_session='))!;
    const csrf = cookies.find((c) => c.startsWith('vigie_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    const body: any = await res.json();
    expect(body).toMatchObject({
      email: 'investigator@demo.test',
      roles: ['INVESTIGATOR'],
      agency: { slug: 'demo' },
    });
    expect(body.csrfToken).toBe(csrf.split(';')[0].split('=')[1]);
  });

  it('stores only a hash of the session token', async () => {
    const client = await ApiClient.signedIn(t.baseUrl, 'analyst@demo.test');
    const { rows } = await t.db.query('SELECT token_hash FROM staff_session');
    expect(rows.map((r) => r.token_hash)).not.toContain(client.sessionToken);
  });

  it('answers /me for the signed-in user and 401 without a session', async () => {
    const client = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
    expect((await client.get('/api/auth/me')).body).toMatchObject({ email: 'pio@demo.test', roles: ['PIO'] });
    expect((await new ApiClient(t.baseUrl).get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a wrong password and an unknown account alike, and audits both', async () => {
    const before = await auditCount('auth.login_failed');
    const wrong = await new ApiClient(t.baseUrl).post('/api/auth/login', {
      email: 'admin@demo.test',
      password: 'not-the-password',
    });
    const unknown = await new ApiClient(t.baseUrl).post('/api/auth/login', {
      email: 'nobody@demo.test',
      password: 'whatever-123',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.headers.getSetCookie()).toHaveLength(0);
    expect(await auditCount('auth.login_failed')).toBe(before + 2);
  });

  it('logs out: the same cookie no longer works, and the logout is audited', async () => {
    const client = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
    const token = client.sessionToken!;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replay = await new ApiClient(t.baseUrl).get('/api/auth/me', { cookie: `vigie_session=${token}` });
    expect(replay.status).toBe(401);
    expect(await auditCount('auth.logout')).toBeGreaterThan(0);
  });
});

describe('sessions and CSRF', () => {
  it('refuses a mutation without the x-csrf-token header, and changes nothing', async () => {
    const client = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
    const res = await client.post('/api/auth/logout', undefined, { 'x-csrf-token': '' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_MISMATCH');
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses a CSRF token from another session', async () => {
    const a = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
    const b = await ApiClient.signedIn(t.baseUrl, 'analyst@demo.test');
    const res = await a.post('/api/auth/logout', undefined, { 'x-csrf-token': b.cookies.get('vigie_csrf')! });
    expect(res.status).toBe(403);
  });

  it('refuses a forged session cookie', async () => {
    const res = await new ApiClient(t.baseUrl).get('/api/auth/me', {
      cookie: 'vigie_session=forged-token-value',
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired session', async () => {
    const client = await ApiClient.signedIn(t.baseUrl, 'analyst@demo.test');
    await t.db.query(
      `UPDATE staff_session SET expires_at = now() - interval '1 second' WHERE expires_at > now()`,
    );
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });
});

describe('bad input', () => {
  const anon = () => new ApiClient(t.baseUrl);

  it('answers malformed JSON with 400', async () => {
    const res = await anon().post('/api/auth/login', '{"email": "x');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/JSON/);
  });

  it('names each bad field: unknown fields, wrong types, bad e-mail', async () => {
    const res = await anon().post('/api/auth/login', { email: 'not-an-email', password: 42, role: 'ADMIN' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.errors).sort()).toEqual(['email', 'password', 'role']);
    expect(res.body.errors.password).toMatch(/string/);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await anon().post('/api/auth/login', { email: 'a@b.test', password: 'x'.repeat(300_000) });
    expect(res.status).toBe(413);
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await anon().get('/api/no-such-route');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('throttling', () => {
  it('throttles repeated attempts on one account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (await anon().post('/api/auth/login', { email: 'throttled@demo.test', password: `guess-${i}` }))
          .status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  function anon() {
    return new ApiClient(t.baseUrl);
  }
});

describe('TOTP (RFC 6238)', () => {
  it('enrols, then requires the code at sign-in and refuses a replayed code', async () => {
    const client = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
    const enrol = await client.post('/api/auth/totp/enrol');
    expect(enrol.status).toBe(200);
    expect(enrol.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Vigie:admin%40demo\.test\?/);

    expect((await client.post('/api/auth/totp/verify', { code: '000000' })).status).toBe(400);
    const verify = await client.post('/api/auth/totp/verify', { code: currentTotp(enrol.body.secret) });
    expect(verify.status).toBe(200);
    expect(verify.body.totpEnabled).toBe(true);

    const noCode = await new ApiClient(t.baseUrl).post('/api/auth/login', {
      email: 'admin@demo.test',
      password: DEMO_PASSWORD,
    });
    expect(noCode.status).toBe(401);
    expect(noCode.body.code).toBe('TOTP_REQUIRED');

    // The code that confirmed enrolment is spent; the next step's code is within the allowed drift.
    const code = currentTotp(enrol.body.secret, Date.now() + 30_000);
    const ok = await new ApiClient(t.baseUrl).post('/api/auth/login', {
      email: 'admin@demo.test',
      password: DEMO_PASSWORD,
      totp: code,
    });
    expect(ok.status).toBe(200);
    const replay = await new ApiClient(t.baseUrl).post('/api/auth/login', {
      email: 'admin@demo.test',
      password: DEMO_PASSWORD,
      totp: code,
    });
    expect(replay.status).toBe(401);
  });

  it('when the agency requires TOTP, an unenrolled user can only enrol', async () => {
    await t.db.query(`UPDATE agency SET require_totp = true WHERE slug = 'second'`);
    const client = await ApiClient.signedIn(t.baseUrl, 'investigator@second.test');
    const me = await client.get('/api/auth/me');
    expect(me.body.totpEnrolmentRequired).toBe(true);
    expect((await client.post('/api/auth/totp/enrol')).status).toBe(200);
  });
});
