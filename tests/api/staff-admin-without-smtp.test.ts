import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A deployment without SMTP_URL: the link goes to the log once (warn) and back to the admin once.
 * Also: disabling someone closes their open event stream at once.
 */
let t: TestApp;
let admin: ApiClient;
let logFile: string;

beforeAll(async () => {
  logFile = join(process.env.VIGIE_TEST_DATA_DIR!, `staff-admin-${process.pid}.log`);
  t = await startTestApp({ LOG_LEVEL: 'info', LOG_FILE: logFile, PUBLIC_URL: 'https://desk.police.example' });
  admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
});
afterAll(() => t.close());

/** Log lines holding `text`, waiting a moment for the asynchronous log writer to flush. */
async function logLinesWith(text: string): Promise<{ level: number; msg: string }[]> {
  for (let i = 0; i < 40; i++) {
    const lines = (await readFile(logFile, 'utf8').catch(() => ''))
      .split('\n')
      .filter((l) => l.includes(text))
      .map((l) => JSON.parse(l));
    if (lines.length) return lines;
    await new Promise((r) => setTimeout(r, 50));
  }
  return [];
}

it('returns the link once to the inviting admin and writes it once to the log, at warn level', async () => {
  const res = await admin.post('/api/admin/staff', {
    email: 'no.mail@police.example',
    name: 'No Mail',
    roles: ['PIO'],
  });
  expect(res.status).toBe(201);
  expect(res.body.emailed).toBe(false);
  expect(res.body.activationUrl).toMatch(
    /^https:\/\/desk\.police\.example\/desk\/activate\/[A-Za-z0-9_-]{43}$/,
  );
  const token = res.body.activationUrl.split('/').pop();

  // Requests under the link are logged too, with the token left out of their path.
  expect((await new ApiClient(t.baseUrl).get(`/api/auth/activation/${token}`)).status).toBe(200);
  expect(await logLinesWith('/api/auth/activation/:token')).not.toHaveLength(0);
  const lines = await logLinesWith(token);
  expect(lines).toHaveLength(1);
  expect(lines[0].level).toBe(40);
  expect(lines[0].msg).toContain('no.mail@police.example');

  // Not shown again: the list and the person's view carry no link.
  expect(JSON.stringify((await admin.get('/api/admin/staff')).body)).not.toContain(token);
  expect((await new ApiClient(t.baseUrl).get(`/api/auth/activation/${token}`)).body.purpose).toBe('INVITE');

  // A renewed invitation replaces the first link, which stops working.
  const renewed = await admin.post(`/api/admin/staff/${res.body.member.id}/reset-password`);
  expect(renewed.status).toBe(200);
  expect(renewed.body.emailed).toBe(false);
  expect(renewed.body.activationUrl).not.toContain(token);
  expect((await new ApiClient(t.baseUrl).get(`/api/auth/activation/${token}`)).status).toBe(410);
});

it("closes a disabled person's open event stream at once", async () => {
  const investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  const res = await fetch(`${t.baseUrl}/api/events`, {
    headers: { cookie: `vigie_session=${investigator.sessionToken}` },
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  await reader.read(); // "retry: 2000": the stream is open
  const ended = (async () => {
    for (;;) if ((await reader.read()).done) return true;
  })();

  const me = (await investigator.get('/api/auth/me')).body;
  expect((await admin.post(`/api/admin/staff/${me.id}/disable`)).status).toBe(200);
  await expect(ended).resolves.toBe(true);
  expect((await investigator.get('/api/auth/me')).status).toBe(401);
}, 10_000); // under the 25-second heartbeat, which would close it too, later

it('slows down anyone probing activation links: past 60 tries in 15 minutes, 429 with Retry-After', async () => {
  const probe = new ApiClient(t.baseUrl);
  const statuses: number[] = [];
  for (let i = 0; i < 60; i++) {
    const forged = String(i).padStart(43, 'Z');
    statuses.push((await probe.get(`/api/auth/activation/${forged}`)).status);
  }
  // Earlier tests in this file looked at a few links already, within the same 60.
  expect(statuses.slice(0, 50).every((s) => s === 404)).toBe(true);
  expect(statuses.at(-1)).toBe(429);
  const limited = await probe.get(`/api/auth/activation/${'Y'.repeat(43)}`);
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
});
