import { Clock } from '../../apps/api/src/common/clock';
import { StaffAccounts } from '../../apps/api/src/identity/staff-accounts.service';
import { currentTotp } from '../../apps/api/src/identity/totp';
import { ApiClient } from '../support/api-client';
import { startSmtpInbox } from '../support/smtp-inbox';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * An agency's administrator runs its staff: invitation by e-mail (a real SMTP server receives it),
 * activation through the one-time link, roles, disabling, resets, sessions and settings. Each bad
 * input is refused with a 4xx and changes nothing.
 */
let t: TestApp;
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
let admin: ApiClient;
const NEW_PASSWORD = 'lantern harbour seventeen';

beforeAll(async () => {
  inbox = await startSmtpInbox();
  t = await startTestApp({
    SMTP_URL: inbox.url,
    SMTP_FROM: 'Vigie <no-reply@police.example>',
    PUBLIC_URL: 'https://vigie.police.example',
  });
  admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
});
afterAll(async () => {
  await t.close();
  await inbox.close();
});

const linkIn = (text: string) =>
  text.match(/https:\/\/vigie\.police\.example\/desk\/activate\/([A-Za-z0-9_-]{43})/);
const auditCount = async (action: string) =>
  Number((await t.db.query('SELECT count(*) FROM audit_event WHERE action = $1', [action])).rows[0].count);
const userRow = async (email: string) =>
  (
    await t.db.query(
      `SELECT id, roles, password_hash, activated_at, disabled_at, totp_enabled, last_sign_in_at FROM staff_user WHERE email = $1`,
      [email],
    )
  ).rows[0];
const staffCount = async () => Number((await t.db.query('SELECT count(*) FROM staff_user')).rows[0].count);

/** Invites through the API and returns the token from the e-mail the SMTP server received. */
async function invite(email: string, roles = ['INVESTIGATOR']): Promise<{ token: string; id: string }> {
  const before = inbox.mails.length;
  const res = await admin.post('/api/admin/staff', { email, name: `Test ${email}`, roles });
  expect(res.status).toBe(201);
  expect(inbox.mails.length).toBe(before + 1);
  const mail = inbox.mails.at(-1)!;
  expect(mail.to).toEqual([email]);
  return { token: linkIn(mail.text)![1], id: res.body.member.id };
}

async function activate(token: string, password = NEW_PASSWORD) {
  return new ApiClient(t.baseUrl).post(`/api/auth/activation/${token}`, { password });
}

describe('invitation and activation', () => {
  it('e-mails a one-time link; the person activates with it, signs in, and the link is spent', async () => {
    const res = await admin.post('/api/admin/staff', {
      email: 'Nadia.Roy@Police.example',
      name: 'Nadia Roy',
      roles: ['INVESTIGATOR', 'ANALYST'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      emailed: true,
      activationUrl: null,
      member: { email: 'nadia.roy@police.example', status: 'INVITED', roles: ['INVESTIGATOR', 'ANALYST'] },
    });
    const mail = inbox.mails.at(-1)!;
    expect(mail.to).toEqual(['nadia.roy@police.example']);
    expect(mail.raw).toMatch(/From: Vigie <no-reply@police\.example>/);
    const token = linkIn(mail.text)![1];
    // Only its hash is stored.
    const stored = await t.db.query(`SELECT token_hash FROM staff_one_time_link`);
    expect(JSON.stringify(stored.rows)).not.toContain(token);

    // Invited: no usable password yet.
    expect(
      (
        await new ApiClient(t.baseUrl).post('/api/auth/login', {
          email: 'nadia.roy@police.example',
          password: '',
        })
      ).status,
    ).toBe(400);
    expect((await userRow('nadia.roy@police.example')).password_hash).toBeNull();

    const view = await new ApiClient(t.baseUrl).get(`/api/auth/activation/${token}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      purpose: 'INVITE',
      email: 'nadia.roy@police.example',
      displayName: 'Nadia Roy',
      agencyName: 'Demo Police Service',
      totpRequired: false,
    });

    expect((await activate(token)).status).toBe(204);
    const person = await ApiClient.signedIn(t.baseUrl, 'nadia.roy@police.example', NEW_PASSWORD);
    expect((await person.get('/api/auth/me')).body.roles).toEqual(['INVESTIGATOR', 'ANALYST']);

    const listed = (await admin.get('/api/admin/staff')).body.find(
      (m: { email: string }) => m.email === 'nadia.roy@police.example',
    );
    expect(listed).toMatchObject({ status: 'ACTIVE', totpEnabled: false });
    expect(listed.lastSignInAt).not.toBeNull();

    // Used once: refused, and nothing changes.
    const hashBefore = (await userRow('nadia.roy@police.example')).password_hash;
    expect((await new ApiClient(t.baseUrl).get(`/api/auth/activation/${token}`)).status).toBe(410);
    const reuse = await activate(token, 'another fine passphrase');
    expect(reuse.status).toBe(410);
    expect((await userRow('nadia.roy@police.example')).password_hash).toBe(hashBefore);
    expect(await auditCount('staff.invited')).toBeGreaterThanOrEqual(1);
    expect(await auditCount('staff.activated')).toBe(1);
  });

  it('refuses a weak password and keeps the link usable', async () => {
    const { token } = await invite('weak.password@police.example');
    for (const password of ['short', 'password1234', '123456789012', 'weak.password2']) {
      const res = await activate(token, password);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors)).toEqual(['password']);
    }
    expect((await userRow('weak.password@police.example')).password_hash).toBeNull();
    expect((await new ApiClient(t.baseUrl).get(`/api/auth/activation/${token}`)).status).toBe(200);
  });

  it('refuses an expired link (404 for a forged one) and changes nothing', async () => {
    const clock = t.app.get(Clock);
    const issuedAt = new Date('2026-12-07T10:00:00Z');
    clock.set(issuedAt);
    const { token } = await invite('late.comer@police.example');
    // Still good a minute before the 24 hours are up…
    clock.set(new Date(issuedAt.getTime() + 24 * 3_600_000 - 60_000));
    expect((await new ApiClient(t.baseUrl).get(`/api/auth/activation/${token}`)).status).toBe(200);
    // …and refused once they are.
    clock.set(new Date(issuedAt.getTime() + 24 * 3_600_000));
    expect((await new ApiClient(t.baseUrl).get(`/api/auth/activation/${token}`)).status).toBe(410);
    expect((await new ApiClient(t.baseUrl).post(`/api/auth/activation/${token}/totp`)).status).toBe(410);
    expect((await activate(token)).status).toBe(410);
    expect((await userRow('late.comer@police.example')).password_hash).toBeNull();
    clock.set(undefined);

    const forged = 'A'.repeat(43);
    expect((await new ApiClient(t.baseUrl).get(`/api/auth/activation/${forged}`)).status).toBe(404);
    expect((await activate(forged)).status).toBe(404);
    expect((await activate('not-even-a-token')).status).toBe(404);
    expect((await new ApiClient(t.baseUrl).get(`/api/auth/activation/${token.slice(0, -1)}x`)).status).toBe(
      404,
    );
  });

  it('refuses an e-mail that already has an account, here or in another agency, and creates nothing', async () => {
    const before = await staffCount();
    for (const email of ['investigator@demo.test', 'INVESTIGATOR@second.test']) {
      const res = await admin.post('/api/admin/staff', { email, name: 'Again', roles: ['PIO'] });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('EMAIL_TAKEN');
    }
    expect(await staffCount()).toBe(before);
  });

  it('refuses roles that do not exist (and the platform role), and creates nothing', async () => {
    const before = await staffCount();
    for (const roles of [['SHERIFF'], ['PLATFORM_OPERATOR'], [], 'ADMIN']) {
      const res = await admin.post('/api/admin/staff', {
        email: 'new.role@police.example',
        name: 'N',
        roles,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveProperty('roles');
    }
    expect(await staffCount()).toBe(before);
  });

  it('is for administrators only', async () => {
    const supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
    expect((await supervisor.get('/api/admin/staff')).status).toBe(403);
    const before = await staffCount();
    expect(
      (await supervisor.post('/api/admin/staff', { email: 'x@police.example', name: 'X', roles: ['PIO'] }))
        .status,
    ).toBe(403);
    expect(await staffCount()).toBe(before);
  });
});

describe('managing a person', () => {
  let person: ApiClient;
  let id: string;
  const email = 'marc.gagnon@police.example';

  beforeAll(async () => {
    const invited = await invite(email);
    id = invited.id;
    expect((await activate(invited.token)).status).toBe(204);
    person = await ApiClient.signedIn(t.baseUrl, email, NEW_PASSWORD);
  });

  it('changes roles, audited with before and after', async () => {
    const res = await admin.patch(`/api/admin/staff/${id}`, { roles: ['SUPERVISOR'] });
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(['SUPERVISOR']);
    expect((await person.get('/api/auth/me')).body.roles).toEqual(['SUPERVISOR']);
    const [event] = (
      await t.db.query(
        `SELECT data FROM audit_event WHERE action = 'staff.roles_changed' AND entity_id = $1`,
        [id],
      )
    ).rows;
    expect(event.data).toEqual({ from: ['INVESTIGATOR'], to: ['SUPERVISOR'] });
    expect((await admin.patch(`/api/admin/staff/${id}`, { roles: ['CHIEF'] })).status).toBe(400);
    expect((await userRow(email)).roles).toEqual(['SUPERVISOR']);
  });

  it('lists and ends one of their sessions', async () => {
    const second = await ApiClient.signedIn(t.baseUrl, email, NEW_PASSWORD);
    const sessions = await admin.get(`/api/admin/staff/${id}/sessions`);
    expect(sessions.status).toBe(200);
    expect(sessions.body).toHaveLength(2);
    expect(sessions.body.every((s: { current: boolean }) => !s.current)).toBe(true);
    const own = await second.get('/api/auth/sessions');
    const current = own.body.find((s: { current: boolean }) => s.current);
    expect(current).toBeDefined();
    expect((await admin.delete(`/api/admin/staff/${id}/sessions/${current.id}`)).status).toBe(204);
    expect((await second.get('/api/auth/me')).status).toBe(401);
    expect((await person.get('/api/auth/me')).status).toBe(200);
    expect((await admin.delete(`/api/admin/staff/${id}/sessions/${current.id}`)).status).toBe(404);
  });

  it("ends one's own other session under /api/auth/sessions, never someone else's", async () => {
    const other = await ApiClient.signedIn(t.baseUrl, email, NEW_PASSWORD);
    const otherId = (await other.get('/api/auth/sessions')).body.find(
      (s: { current: boolean }) => s.current,
    ).id;
    // The admin cannot end it as "their own".
    expect((await admin.delete(`/api/auth/sessions/${otherId}`)).status).toBe(404);
    expect((await other.get('/api/auth/me')).status).toBe(200);
    expect((await person.delete(`/api/auth/sessions/${otherId}`)).status).toBe(204);
    expect((await other.get('/api/auth/me')).status).toBe(401);
    expect(await auditCount('auth.session_revoked')).toBe(1);
  });

  it('disables: every session ends at once (old cookie and old CSRF token refused), and sign-in is refused', async () => {
    const csrf = person.cookies.get('vigie_csrf')!;
    const res = await admin.post(`/api/admin/staff/${id}/disable`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('DISABLED');
    expect((await person.get('/api/auth/me')).status).toBe(401);
    expect((await person.post('/api/auth/logout', undefined, { 'x-csrf-token': csrf })).status).toBe(401);
    expect((await person.get('/api/auth/sessions')).status).toBe(401);
    const login = await new ApiClient(t.baseUrl).post('/api/auth/login', { email, password: NEW_PASSWORD });
    expect(login.status).toBe(401);
    // A disabled account gets no new link either.
    expect((await admin.post(`/api/admin/staff/${id}/reset-password`)).status).toBe(409);

    expect((await admin.post(`/api/admin/staff/${id}/enable`)).body.status).toBe('ACTIVE');
    // Enabling does not bring the old sessions back.
    expect((await person.get('/api/auth/me')).status).toBe(401);
    person = await ApiClient.signedIn(t.baseUrl, email, NEW_PASSWORD);
    expect(await auditCount('staff.disabled')).toBe(1);
    expect(await auditCount('staff.enabled')).toBe(1);
  });

  it('resets the password: the old one stops working, a new link is e-mailed, sessions end', async () => {
    const before = inbox.mails.length;
    const res = await admin.post(`/api/admin/staff/${id}/reset-password`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ emailed: true, activationUrl: null });
    expect((await person.get('/api/auth/me')).status).toBe(401);
    expect(
      (await new ApiClient(t.baseUrl).post('/api/auth/login', { email, password: NEW_PASSWORD })).status,
    ).toBe(401);
    expect(inbox.mails.length).toBe(before + 1);
    const token = linkIn(inbox.mails.at(-1)!.text)![1];
    expect((await new ApiClient(t.baseUrl).get(`/api/auth/activation/${token}`)).body.purpose).toBe(
      'PASSWORD_RESET',
    );
    expect((await activate(token, 'a brand new passphrase')).status).toBe(204);
    person = await ApiClient.signedIn(t.baseUrl, email, 'a brand new passphrase');
    expect(await auditCount('staff.password_reset')).toBe(1);
    expect(await auditCount('staff.password_reset_completed')).toBe(1);
  });

  it('resets TOTP for a lost device', async () => {
    const { secret } = (await person.post('/api/auth/totp/enrol')).body;
    expect((await person.post('/api/auth/totp/verify', { code: currentTotp(secret) })).status).toBe(200);
    expect((await userRow(email)).totp_enabled).toBe(true);
    const res = await admin.post(`/api/admin/staff/${id}/reset-totp`);
    expect(res.status).toBe(200);
    expect(res.body.totpEnabled).toBe(false);
    // Without TOTP now, the password alone signs in again.
    await ApiClient.signedIn(t.baseUrl, email, 'a brand new passphrase');
    expect(await auditCount('staff.totp_reset')).toBe(1);
  });
});

describe('an admin and their own agency', () => {
  it("answers 404 for another agency's staff, and changes nothing", async () => {
    const other = await userRow('investigator@second.test');
    const before = JSON.stringify(other);
    const sessionsBefore = (await t.db.query('SELECT count(*) FROM staff_session WHERE revoked_at IS NULL'))
      .rows[0].count;
    const calls = [
      admin.patch(`/api/admin/staff/${other.id}`, { roles: ['ADMIN'] }),
      admin.post(`/api/admin/staff/${other.id}/disable`),
      admin.post(`/api/admin/staff/${other.id}/enable`),
      admin.post(`/api/admin/staff/${other.id}/reset-password`),
      admin.post(`/api/admin/staff/${other.id}/reset-totp`),
      admin.get(`/api/admin/staff/${other.id}/sessions`),
      admin.delete(`/api/admin/staff/${other.id}/sessions/00000000-0000-4000-8000-000000000000`),
      admin.patch(`/api/admin/staff/not-a-uuid`, { roles: ['PIO'] }),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(404);
    expect(JSON.stringify(await userRow('investigator@second.test'))).toBe(before);
    expect(
      (await t.db.query('SELECT count(*) FROM staff_session WHERE revoked_at IS NULL')).rows[0].count,
    ).toBe(sessionsBefore);
    expect((await admin.get('/api/admin/staff')).body.map((m: { email: string }) => m.email)).not.toContain(
      'investigator@second.test',
    );
  });

  it('cannot remove their own admin role or disable themselves (409), and nothing changes', async () => {
    const me = (await admin.get('/api/auth/me')).body;
    const own = await admin.patch(`/api/admin/staff/${me.id}`, { roles: ['SUPERVISOR'] });
    expect(own.status).toBe(409);
    expect(own.body.code).toBe('OWN_ADMIN_ROLE');
    const self = await admin.post(`/api/admin/staff/${me.id}/disable`);
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('DISABLE_SELF');
    expect(await userRow('admin@demo.test')).toMatchObject({ roles: ['ADMIN'], disabled_at: null });
    // Adding a role to oneself is fine.
    expect((await admin.patch(`/api/admin/staff/${me.id}`, { roles: ['ADMIN', 'PIO'] })).status).toBe(200);
    expect((await admin.patch(`/api/admin/staff/${me.id}`, { roles: ['ADMIN'] })).status).toBe(200);
  });

  it("keeps one active admin: the agency's last one cannot be disabled or demoted (409)", async () => {
    const accounts = t.app.get(StaffAccounts);
    const me = (await admin.get('/api/auth/me')).body;
    const agencyId = me.agency.id;
    // From the command line (no acting person), the own-account rules do not apply; this one does.
    await expect(accounts.disable(agencyId, me.id, { userId: null })).rejects.toMatchObject({
      status: 409,
      code: 'LAST_ADMIN',
    });
    await expect(
      accounts.setRoles(agencyId, me.id, ['PIO'] as never, { userId: null }),
    ).rejects.toMatchObject({
      code: 'LAST_ADMIN',
    });
    expect(await userRow('admin@demo.test')).toMatchObject({ roles: ['ADMIN'], disabled_at: null });

    // With a second active admin, either may be demoted by the other.
    const second = await invite('deputy.chief@police.example', ['ADMIN']);
    expect((await activate(second.token)).status).toBe(204);
    const deputy = await ApiClient.signedIn(t.baseUrl, 'deputy.chief@police.example', NEW_PASSWORD);
    expect((await deputy.patch(`/api/admin/staff/${me.id}`, { roles: ['ADMIN', 'SUPERVISOR'] })).status).toBe(
      200,
    );
    expect((await admin.patch(`/api/admin/staff/${second.id}`, { roles: ['SUPERVISOR'] })).status).toBe(200);
    // The deputy is no admin any more: their next admin request is refused.
    expect((await deputy.get('/api/admin/staff')).status).toBe(403);
  });
});

describe('agency settings', () => {
  it('shows and changes them, audited; a bad time zone or language is refused and changes nothing', async () => {
    const before = (await admin.get('/api/admin/agency')).body;
    expect(before).toMatchObject({
      slug: 'demo',
      timeZone: 'America/Toronto',
      languages: ['fr', 'en'],
      requireTotp: false,
    });
    for (const body of [
      { timeZone: 'Mars/Olympus' },
      { timeZone: '' },
      { languages: ['de'] },
      { languages: [] },
      { name: '' },
      { slug: 'x' },
    ]) {
      expect((await admin.patch('/api/admin/agency', body)).status).toBe(400);
    }
    expect((await admin.get('/api/admin/agency')).body).toEqual(before);

    const res = await admin.patch('/api/admin/agency', {
      name: 'Service de police de Démo',
      publicPhone: '819 243-2345',
      timeZone: 'America/Vancouver',
      languages: ['fr'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Service de police de Démo',
      publicPhone: '819 243-2345',
      timeZone: 'America/Vancouver',
      languages: ['fr'],
    });
    const [event] = (
      await t.db.query(`SELECT data FROM audit_event WHERE action = 'agency.settings_changed'`)
    ).rows;
    expect(event.data.changes.timeZone).toEqual({ from: 'America/Toronto', to: 'America/Vancouver' });
    expect((await admin.patch('/api/admin/agency', { publicPhone: null })).body.publicPhone).toBeNull();
  });

  it('requiring TOTP takes a person without it to enrolment, where they can do nothing else', async () => {
    expect((await admin.patch('/api/admin/agency', { requireTotp: true })).status).toBe(200);
    // The admin too, first: until then only enrolment is open to them.
    expect((await admin.get('/api/admin/staff')).body.code).toBe('TOTP_ENROLMENT_REQUIRED');
    const own = (await admin.post('/api/auth/totp/enrol')).body;
    expect((await admin.post('/api/auth/totp/verify', { code: currentTotp(own.secret) })).status).toBe(200);
    const analyst = await ApiClient.signedIn(t.baseUrl, 'analyst@demo.test');
    expect((await analyst.get('/api/auth/me')).body.totpEnrolmentRequired).toBe(true);
    expect((await analyst.get('/api/tips')).status).toBe(403);
    const { secret } = (await analyst.post('/api/auth/totp/enrol')).body;
    expect((await analyst.post('/api/auth/totp/verify', { code: currentTotp(secret) })).status).toBe(200);
    expect((await analyst.get('/api/tips')).status).toBe(200);

    // An invitation now includes TOTP enrolment, tied to the link.
    const { token } = await invite('needs.totp@police.example');
    const anonymous = new ApiClient(t.baseUrl);
    expect((await anonymous.get(`/api/auth/activation/${token}`)).body.totpRequired).toBe(true);
    const noEnrolment = await activate(token);
    expect(noEnrolment.status).toBe(409);
    const enrolment = (await anonymous.post(`/api/auth/activation/${token}/totp`)).body;
    const wrong = await anonymous.post(`/api/auth/activation/${token}`, {
      password: NEW_PASSWORD,
      totpCode: '000000',
    });
    expect(wrong.status).toBe(400);
    expect((await userRow('needs.totp@police.example')).password_hash).toBeNull();
    const ok = await anonymous.post(`/api/auth/activation/${token}`, {
      password: NEW_PASSWORD,
      totpCode: currentTotp(enrolment.secret),
    });
    expect(ok.status).toBe(204);
    expect(await userRow('needs.totp@police.example')).toMatchObject({ totp_enabled: true });
    const login = await anonymous.post('/api/auth/login', {
      email: 'needs.totp@police.example',
      password: NEW_PASSWORD,
    });
    expect(login.body.code).toBe('TOTP_REQUIRED');
  });
});
