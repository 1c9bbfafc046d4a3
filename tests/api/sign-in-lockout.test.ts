import { DEVICE_COOKIE } from '@vigie/common';
import { ApiClient, ApiResponse } from '../support/api-client';
import { DEMO_PASSWORD } from '../support/constants';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

let t: TestApp;

// One proxy hop: each "client" below is a different forwarded address (documentation ranges).
beforeAll(async () => {
  t = await startTestApp({ TRUST_PROXY_HOPS: '1', TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
});
afterAll(() => t.close());

let nextAddress = 1;
/** A request from a new client address each time, unless one is given. */
const from = (address = `198.51.100.${nextAddress++}`) => ({ 'x-forwarded-for': address });

const signIn = (client: ApiClient, email: string, password: string, address?: string) =>
  client.post('/api/auth/login', { email, password }, from(address));

/** The owner's browser: it signed in once, then signed out, and keeps its device cookie. */
async function ownersBrowser(email: string): Promise<ApiClient> {
  const browser = new ApiClient(t.baseUrl);
  const first = await signIn(browser, email, DEMO_PASSWORD, '203.0.113.10');
  expect(first.status).toBe(200);
  expect((await browser.post('/api/auth/logout')).status).toBe(204);
  expect(browser.cookies.get(DEVICE_COOKIE)).toBeDefined();
  return browser;
}

describe('staff sign-in lockout', () => {
  it('sets a signed, httpOnly device cookie at sign-in, for the sign-in route only', async () => {
    const res = await signIn(new ApiClient(t.baseUrl), 'pio@demo.test', DEMO_PASSWORD);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/auth\/login/i);
    expect(cookie).toMatch(/Max-Age=15552000/); // 180 days
    const { rows } = await t.db.query(`SELECT id FROM staff_user WHERE email = 'pio@demo.test'`);
    expect(cookie.split(';')[0].split('=')[1]).toMatch(new RegExp(`^${rows[0].id}\\.[\\w-]+\\.[\\w-]+$`));
  });

  it("an attacker's failures lock the account for new browsers, but the owner's browser still signs in", async () => {
    const owner = await ownersBrowser('investigator@demo.test');

    const attacker = new ApiClient(t.baseUrl);
    const tries: number[] = [];
    for (let i = 0; i < 12; i++)
      tries.push((await signIn(attacker, 'investigator@demo.test', `guess-${i}`, '192.0.2.66')).status);
    // Ten attempts per window from browsers unknown to the account: the owner's first sign-in was one.
    expect(tries).toEqual([...Array(9).fill(401), 429, 429, 429]);

    // A new browser, even with the right password and from another address, waits.
    const newBrowser = await signIn(new ApiClient(t.baseUrl), 'investigator@demo.test', DEMO_PASSWORD);
    expect(newBrowser.status).toBe(429);
    expect(newBrowser.body.code).toBe('SIGN_IN_THROTTLED');
    expect(Number(newBrowser.headers.get('retry-after'))).toBeGreaterThan(0);

    // The owner's browser, with its device cookie, signs in; even from the attacker's address.
    const back = await signIn(owner, 'investigator@demo.test', DEMO_PASSWORD, '192.0.2.66');
    expect(back.status).toBe(200);
    expect((await owner.get('/api/auth/me')).body.email).toBe('investigator@demo.test');
  });

  it('keeps the brute-force bound: ten guesses per account from unknown browsers, forged or borrowed cookies included', async () => {
    const owner = await ownersBrowser('supervisor@demo.test');
    const ownCookie = owner.cookies.get(DEVICE_COOKIE)!;
    // The attacker's own account gives them a genuine device cookie, but for another person.
    const attackersOwn = await ownersBrowser('analyst@demo.test');
    const borrowed = attackersOwn.cookies.get(DEVICE_COOKIE)!;
    const forged = ownCookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const withCookie = (value: string) => {
      const client = new ApiClient(t.baseUrl);
      client.cookies.set(DEVICE_COOKIE, value);
      return client;
    };

    // The owner's first sign-in was one of the ten attempts the account allows unknown browsers.
    const attempts: ApiResponse[] = [];
    for (let i = 0; i < 9; i++) {
      // Every guess from another address, half of them with a cookie that is not the owner's.
      const client = i % 2 ? withCookie(i % 4 === 1 ? forged : borrowed) : new ApiClient(t.baseUrl);
      attempts.push(await signIn(client, 'supervisor@demo.test', `guess-${i}`));
    }
    expect(attempts.map((r) => r.status)).toEqual(Array(9).fill(401));
    for (const cookie of [forged, borrowed, undefined]) {
      const client = cookie ? withCookie(cookie) : new ApiClient(t.baseUrl);
      expect((await signIn(client, 'supervisor@demo.test', DEMO_PASSWORD)).status).toBe(429);
    }
    expect((await signIn(owner, 'supervisor@demo.test', DEMO_PASSWORD)).status).toBe(200);
  });

  it("bounds a known browser's own attempts too (ten per window), apart from everyone else's", async () => {
    const owner = await ownersBrowser('admin@demo.test');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await signIn(owner, 'admin@demo.test', `typo-${i}`)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const stopped = await signIn(owner, 'admin@demo.test', DEMO_PASSWORD);
    expect(stopped.status).toBe(429);
    expect(Number(stopped.headers.get('retry-after'))).toBeGreaterThan(0);
    // The browser's failures did not touch the account: a new browser still signs in.
    expect((await signIn(new ApiClient(t.baseUrl), 'admin@demo.test', DEMO_PASSWORD)).status).toBe(200);
  });

  it('bounds one client address across accounts (thirty per window)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push(
        (await signIn(new ApiClient(t.baseUrl), `nobody-${i}@demo.test`, 'whatever-123', '192.0.2.99'))
          .status,
      );
    expect(statuses).toEqual([...Array(30).fill(401), 429]);
  });
});

describe('follow-up sign-in', () => {
  const attempt = (code: string, password: string) =>
    new ApiClient(t.baseUrl).post('/api/public/tips/follow-up', { code, password }, from());
  const answerOf = (r: ApiResponse) => ({
    status: r.status,
    body: r.body,
    retryAfter: r.headers.get('retry-after') !== null,
  });

  it('answers alike for a real code and an unknown one, lock included', async () => {
    const sent = await new ApiClient(t.baseUrl).post(
      '/api/public/tips',
      tipForm({ description: 'Une camionnette blanche.' }),
    );
    expect(sent.status).toBe(201);
    const { code, password } = sent.body as { code: string; password: string };
    const unknown = code === 'ZZZZ-ZZZZ' ? 'YYYY-YYYY' : 'ZZZZ-ZZZZ';

    const real: ReturnType<typeof answerOf>[] = [];
    const made: ReturnType<typeof answerOf>[] = [];
    for (let i = 0; i < 12; i++) {
      real.push(answerOf(await attempt(code, `wrong-words-${i}`)));
      made.push(answerOf(await attempt(unknown, `wrong-words-${i}`)));
    }
    expect(made).toEqual(real);
    expect(real.map((a) => a.status)).toEqual([...Array(10).fill(401), 429, 429]);
    expect(real[10].body.code).toBe('LOCKED');
    // The right passphrase waits for the lock like any other.
    expect(answerOf(await attempt(code, password))).toEqual(answerOf(await attempt(unknown, password)));
  });

  it('a right passphrase clears the count', async () => {
    const sent = await new ApiClient(t.baseUrl).post(
      '/api/public/tips',
      tipForm({ description: 'Un vélo.' }),
    );
    const { code, password } = sent.body as { code: string; password: string };
    for (let i = 0; i < 9; i++) expect((await attempt(code, `wrong-${i}`)).status).toBe(401);
    expect((await attempt(code, password)).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await attempt(code, `wrong-again-${i}`)).status).toBe(401);
    expect((await attempt(code, password)).status).toBe(200);
  });

  it('keeps no code that people type', async () => {
    await attempt('QQQQ-RRRR', 'some words');
    const { rows } = await t.db.query(`SELECT code_key FROM follow_up_sign_in_attempt`);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/QQQQ/);
  });
});
