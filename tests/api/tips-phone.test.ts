import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { solveChallenge, tipForm } from '../support/tip-client';

/**
 * Phone tips (issue 19, point 1): a call-taker records a caller's tip in the desk, reads back its
 * code and passphrase, and later opens its thread for the caller on a call-back. The proof-of-work
 * stays on (the default): the staff session stands in for it on this route only.
 */
let t: TestApp;
let callTaker: ApiClient;
let investigator: ApiClient;
let demoAppeal: string;
let secondAppeal: string;

const tipCount = async () => (await t.db.query(`SELECT count(*)::int AS n FROM tip`)).rows[0].n as number;
const auditCount = async () =>
  (await t.db.query(`SELECT count(*)::int AS n FROM audit_event`)).rows[0].n as number;
const staffId = async (email: string) =>
  (await t.db.query(`SELECT id FROM staff_user WHERE email = $1`, [email])).rows[0].id as string;
const tipByCode = async (code: string) =>
  (await t.db.query(`SELECT * FROM tip WHERE code = $1`, [code])).rows[0];
const phoneTip = (fields: Record<string, unknown> = {}) => ({
  channel: 'PHONE',
  description: 'Le caller a vu une camionnette blanche derrière l’école, plaque FXR 204',
  ...fields,
});

beforeAll(async () => {
  t = await startTestApp({ TIP_RATE_LIMIT: '0' });
  callTaker = await ApiClient.signedIn(t.baseUrl, 'calltaker@demo.test');
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  const slugOf = async (agency: string) =>
    (
      await t.db.query(
        `SELECT a.slug FROM appeal a JOIN agency g ON g.id = a.agency_id WHERE g.slug = $1 AND a.status = 'PUBLISHED' ORDER BY a.slug LIMIT 1`,
        [agency],
      )
    ).rows[0]?.slug as string;
  demoAppeal = await slugOf('demo');
  secondAppeal = await slugOf('second');
  expect(demoAppeal).toBeTruthy();
});
afterAll(() => t.close());

describe('recording a phone tip', () => {
  it('answers like public intake, without a proof-of-work, and stores the tip as PHONE with nothing of the caller', async () => {
    const res = await callTaker.post('/api/tips', phoneTip({ place: 'École Saint-Jean', language: 'en' }));
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['code', 'password', 'receivedAt']);
    expect(res.body.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(res.body.password.split('-').length).toBeGreaterThanOrEqual(4);

    const tip = await tipByCode(res.body.code);
    expect(tip.channel).toBe('PHONE');
    expect(tip.place).toBe('École Saint-Jean');
    expect(tip.language).toBe('en');
    expect(tip.contact_enc).toBeNull();
    expect(tip.contact_phone_key).toBeNull();
    expect(tip.appeal_id).toBeNull();
    expect(tip.agency_id).toBe((await t.db.query(`SELECT id FROM agency WHERE slug = 'demo'`)).rows[0].id);

    // Who typed it is in the audit log, with no word of what the caller said.
    const { rows: audit } = await t.db.query(
      `SELECT actor_id, data FROM audit_event WHERE entity_type = 'tip' AND entity_id = $1 AND action = 'tip.phone_recorded'`,
      [tip.id],
    );
    expect(audit).toEqual([{ actor_id: await staffId('calltaker@demo.test'), data: { appealId: null } }]);
    expect(JSON.stringify(audit)).not.toMatch(/camionnette|FXR/);

    // The caller can follow up on the web with what was read to them.
    const anon = new ApiClient(t.baseUrl);
    const session = await anon.post('/api/public/tips/follow-up', {
      code: res.body.code,
      password: res.body.password,
    });
    expect(session.status).toBe(200);
  });

  it('shows investigators the channel and who entered it, never the call-taker as the tipster', async () => {
    const { body: receipt } = await callTaker.post('/api/tips', phoneTip());
    const tip = await tipByCode(receipt.code);
    const list = await investigator.get('/api/tips?channel=PHONE');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string; channel: string }) => [i.id, i.channel])).toContainEqual([
      tip.id,
      'PHONE',
    ]);
    const detail = await investigator.get(`/api/tips/${tip.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.channel).toBe('PHONE');
    expect(detail.body.hasContact).toBe(false);
    expect(detail.body.messages).toEqual([]);
    expect(detail.body.history).toEqual([
      expect.objectContaining({
        action: 'tip.phone_recorded',
        actor: { id: await staffId('calltaker@demo.test'), displayName: 'Cam Call-taker' },
      }),
    ]);
  });

  it('takes an appeal of the agency, and the contact details a caller asks to give (sealed)', async () => {
    const res = await callTaker.post(
      '/api/tips',
      phoneTip({ appeal: demoAppeal, contactName: 'Jeanne Caller', contactPhone: '514-555-0142' }),
    );
    expect(res.status).toBe(201);
    const tip = await tipByCode(res.body.code);
    const appealId = (await t.db.query(`SELECT id FROM appeal WHERE slug = $1`, [demoAppeal])).rows[0].id;
    expect(tip.appeal_id).toBe(appealId);
    expect(tip.contact_enc).toBeTruthy();
    expect(tip.contact_enc).not.toContain('Jeanne');
    expect(tip.contact_enc).not.toContain('0142');
    const { rows } = await t.db.query(
      `SELECT data FROM audit_event WHERE entity_id = $1 AND action = 'tip.phone_recorded'`,
      [tip.id],
    );
    expect(rows).toEqual([{ data: { appealId } }]);
  });

  it('lets investigators and supervisors answer the line too', async () => {
    const supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
    expect((await investigator.post('/api/tips', phoneTip())).status).toBe(201);
    expect((await supervisor.post('/api/tips', phoneTip())).status).toBe(201);
  });
});

describe('refused, with nothing stored', () => {
  const refusals: [string, () => Promise<{ status: number; body: any }>, number, RegExp?][] = [
    ['no channel', () => callTaker.post('/api/tips', { description: 'Sans canal' }), 400, /channel/],
    ['channel SMS', () => callTaker.post('/api/tips', phoneTip({ channel: 'SMS' })), 400, /PHONE/],
    ['channel WEB', () => callTaker.post('/api/tips', phoneTip({ channel: 'WEB' })), 400, /PHONE/],
    ['no description', () => callTaker.post('/api/tips', { channel: 'PHONE' }), 400, /description/],
    ['blank description', () => callTaker.post('/api/tips', phoneTip({ description: '   ' })), 400],
    ['an unknown field', () => callTaker.post('/api/tips', phoneTip({ callerId: '5145550100' })), 400],
    ['half a point', () => callTaker.post('/api/tips', phoneTip({ latitude: 45.5 })), 400, /longitude/],
    ['a bad e-mail', () => callTaker.post('/api/tips', phoneTip({ contactEmail: 'nope' })), 400],
    ['another agency', () => callTaker.post('/api/tips', phoneTip({ agency: 'second' })), 404],
    ['another agency’s appeal', () => callTaker.post('/api/tips', phoneTip({ appeal: secondAppeal })), 404],
    ['an unknown appeal', () => callTaker.post('/api/tips', phoneTip({ appeal: 'no-such-appeal' })), 404],
    ['no session', () => new ApiClient(t.baseUrl).post('/api/tips', phoneTip()), 401],
    ['no CSRF token', () => callTaker.post('/api/tips', phoneTip(), { 'x-csrf-token': 'forged' }), 403],
    [
      'a PIO',
      async () => (await ApiClient.signedIn(t.baseUrl, 'pio@demo.test')).post('/api/tips', phoneTip()),
      403,
    ],
    [
      'an analyst',
      async () => (await ApiClient.signedIn(t.baseUrl, 'analyst@demo.test')).post('/api/tips', phoneTip()),
      403,
    ],
    [
      'an admin',
      async () => (await ApiClient.signedIn(t.baseUrl, 'admin@demo.test')).post('/api/tips', phoneTip()),
      403,
    ],
  ];

  // Rows as one argument: a row shorter than the callback's parameters would make Jest pass `done`.
  it.each(refusals.map((row) => ({ row })))('$row.0', async ({ row: [, send, status, message] }) => {
    const [tips, audit] = [await tipCount(), await auditCount()];
    const res = await send();
    expect(res.status).toBe(status);
    if (message) expect(JSON.stringify(res.body)).toMatch(message);
    expect(await tipCount()).toBe(tips);
    // Signing in is audited; the refused request itself writes nothing.
    expect(await auditCount()).toBeLessThanOrEqual(audit + 1);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'tip.phone_recorded'`))
        .rows[0].n,
    ).toBe((await t.db.query(`SELECT count(*)::int AS n FROM tip WHERE channel = 'PHONE'`)).rows[0].n);
  });

  it('a phone tip through the public form, even with a solved challenge', async () => {
    const anon = new ApiClient(t.baseUrl);
    const challenge = (await anon.get('/api/public/tips/challenge')).body;
    const tips = await tipCount();
    const res = await anon.post(
      '/api/public/tips',
      tipForm({ description: 'Je me dis appel téléphonique', channel: 'PHONE' }),
      { 'x-altcha': solveChallenge(challenge) },
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/channel/);
    expect(await tipCount()).toBe(tips);
  });
});

describe('a call-taker beyond intake', () => {
  let tipId: string;
  beforeAll(async () => {
    const { body } = await callTaker.post('/api/tips', phoneTip());
    tipId = (await tipByCode(body.code)).id;
  });

  const reads: [string, (id: string) => Promise<{ status: number }>][] = [
    ['the inbox', () => callTaker.get('/api/tips')],
    ['a tip they recorded', (id) => callTaker.get(`/api/tips/${id}`)],
    ['its duplicates', (id) => callTaker.get(`/api/tips/${id}/duplicates`)],
    ['triage', (id) => callTaker.patch(`/api/tips/${id}`, { version: 1, status: 'IN_REVIEW' })],
    ['a note', (id) => callTaker.post(`/api/tips/${id}/notes`, { body: 'note' })],
    ['a message as an investigator', (id) => callTaker.post(`/api/tips/${id}/messages`, { body: 'Q' })],
    ['the contact details', (id) => callTaker.post(`/api/tips/${id}/contact`)],
    ['the live stream', () => callTaker.get('/api/events')],
    ['the cases', () => callTaker.get('/api/cases')],
    ['the desk’s appeals (drafts included)', () => callTaker.get('/api/appeals')],
    ['the reward claims', () => callTaker.get('/api/rewards/claims')],
    ['the staff list', () => callTaker.get('/api/admin/staff')],
  ];

  it.each(reads)('is refused %s (403), and nothing changes', async (_, call) => {
    const before = (await t.db.query(`SELECT version, status FROM tip WHERE id = $1`, [tipId])).rows[0];
    const audit = await auditCount();
    expect((await call(tipId)).status).toBe(403);
    expect((await t.db.query(`SELECT version, status FROM tip WHERE id = $1`, [tipId])).rows[0]).toEqual(
      before,
    );
    expect(await auditCount()).toBe(audit);
  });
});

describe('a call-back', () => {
  let receipt: { code: string; password: string };
  let tipId: string;
  beforeAll(async () => {
    const { body } = await callTaker.post('/api/tips', phoneTip());
    receipt = { code: body.code, password: body.password };
    tipId = (await tipByCode(receipt.code)).id;
    expect(
      (await investigator.post(`/api/tips/${tipId}/messages`, { body: 'Quelle heure était-il ?' })).status,
    ).toBe(201);
  });

  it('opens the caller’s thread with code and passphrase (as spoken), audited with the call-taker', async () => {
    const spoken = receipt.code.toLowerCase().replace('-', ' ');
    const res = await callTaker.post('/api/tips/call-back', { code: spoken, password: receipt.password });
    expect(res.status).toBe(200);
    expect(res.body.token).toEqual(expect.any(String));
    expect(res.body.thread.code).toBe(receipt.code);
    expect(res.body.thread.messages).toEqual([
      expect.objectContaining({ from: 'INVESTIGATOR', body: 'Quelle heure était-il ?' }),
    ]);
    // The tipster's view: no staff name anywhere in it.
    expect(JSON.stringify(res.body)).not.toMatch(/Isa|Investigator|Cam/);
    const { rows } = await t.db.query(
      `SELECT actor_id FROM audit_event WHERE entity_id = $1 AND action = 'tip.call_back_opened'`,
      [tipId],
    );
    expect(rows).toEqual([{ actor_id: await staffId('calltaker@demo.test') }]);

    const auth = { authorization: `Bearer ${res.body.token}` };
    expect((await callTaker.get('/api/tips/call-back', auth)).body.code).toBe(receipt.code);

    const answer = await callTaker.post(
      '/api/tips/call-back/messages',
      { body: 'Vers 21 h, dit-elle' },
      auth,
    );
    expect(answer.status).toBe(201);
    expect(answer.body.messages.map((m: { from: string }) => m.from)).toEqual(['INVESTIGATOR', 'TIPSTER']);

    // Stored as the caller's words; the audit says which staff member typed them.
    const { rows: messages } = await t.db.query(
      `SELECT id, author, staff_id FROM tip_message WHERE tip_id = $1 AND body = 'Vers 21 h, dit-elle'`,
      [tipId],
    );
    expect(messages).toEqual([{ id: expect.any(String), author: 'TIPSTER', staff_id: null }]);
    const { rows: typed } = await t.db.query(
      `SELECT actor_id, data FROM audit_event WHERE entity_id = $1 AND action = 'tip.call_back_message'`,
      [tipId],
    );
    expect(typed).toEqual([
      { actor_id: await staffId('calltaker@demo.test'), data: { messageId: messages[0].id } },
    ]);

    // The investigator reads the caller's answer as the tipster's, and the call-back in the history.
    const detail = (await investigator.get(`/api/tips/${tipId}`)).body;
    expect(detail.messages[1]).toEqual(
      expect.objectContaining({ from: 'TIPSTER', body: 'Vers 21 h, dit-elle' }),
    );
    expect(detail.messages[1].author).toBeUndefined();
    expect(
      detail.history.map((h: { action: string; actor?: { displayName: string } }) => [
        h.action,
        h.actor?.displayName,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['tip.phone_recorded', 'Cam Call-taker'],
        ['tip.call_back_opened', 'Cam Call-taker'],
        ['tip.call_back_message', 'Cam Call-taker'],
      ]),
    );
  });

  it('refuses a wrong passphrase (400, not 401: the staff session is fine) and another agency’s caller', async () => {
    const before = await auditCount();
    const wrong = await callTaker.post('/api/tips/call-back', {
      code: receipt.code,
      password: 'wrong-horse-battery',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('CALL_BACK_BAD_CREDENTIALS');
    const other = await ApiClient.signedIn(t.baseUrl, 'investigator@second.test');
    const elsewhere = await other.post('/api/tips/call-back', receipt);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe('CALL_BACK_BAD_CREDENTIALS');
    // The second agency's sign-in, and each refusal, about the staff member who tried, in their agency.
    expect(await auditCount()).toBe(before + 3);
    const refusals = await t.db.query(
      `SELECT u.email, a.entity_type, a.data FROM audit_event a JOIN staff_user u ON u.id = a.actor_id
        WHERE a.action = 'tip.call_back_refused' AND a.entity_id = a.actor_id::text ORDER BY a.id`,
    );
    expect(refusals.rows).toEqual([
      { email: 'calltaker@demo.test', entity_type: 'staff', data: {} },
      { email: 'investigator@second.test', entity_type: 'staff', data: {} },
    ]);
  });

  it('refuses a call-back token that is missing, forged, a colleague’s, or the tipster’s own', async () => {
    const { token } = (await callTaker.post('/api/tips/call-back', receipt)).body;
    const tipsterToken = (await new ApiClient(t.baseUrl).post('/api/public/tips/follow-up', receipt)).body
      .token;
    const messages = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM tip_message WHERE tip_id = $1`, [tipId])).rows[0].n;
    const before = await messages();
    const attempts: [ApiClient, Record<string, string>][] = [
      [callTaker, {}],
      [callTaker, { authorization: `Bearer ${token.slice(0, -2)}xx` }],
      [investigator, { authorization: `Bearer ${token}` }],
      [callTaker, { authorization: `Bearer ${tipsterToken}` }],
    ];
    for (const [client, headers] of attempts) {
      const read = await client.get('/api/tips/call-back', headers);
      expect(read.status).toBe(400);
      expect(read.body.code).toBe('CALL_BACK_ENDED');
      const write = await client.post('/api/tips/call-back/messages', { body: 'Intrus' }, headers);
      expect(write.status).toBe(400);
    }
    // The call-back token opens nothing on the tipster's public routes either.
    expect(
      (await new ApiClient(t.baseUrl).get('/api/public/tips/follow-up', { authorization: `Bearer ${token}` }))
        .status,
    ).toBe(401);
    expect(await messages()).toBe(before);
  });

  it('ends a call-back when the tip has since gone to another agency (a transfer)', async () => {
    const { body } = await callTaker.post('/api/tips', phoneTip());
    const moved = (await tipByCode(body.code)).id;
    const { code, password } = body as { code: string; password: string };
    const { token } = (await callTaker.post('/api/tips/call-back', { code, password })).body;
    const auth = { authorization: `Bearer ${token}` };
    expect((await callTaker.get('/api/tips/call-back', auth)).status).toBe(200);
    // What a transfer does to the tip's ownership (tips/tip-ownership.service.ts), without the rest.
    await t.db.query(
      `UPDATE tip SET agency_id = (SELECT id FROM agency WHERE slug = 'second') WHERE id = $1`,
      [moved],
    );
    const read = await callTaker.get('/api/tips/call-back', auth);
    expect(read.status).toBe(400);
    expect(read.body.code).toBe('CALL_BACK_ENDED');
    const write = await callTaker.post('/api/tips/call-back/messages', { body: 'Encore' }, auth);
    expect(write.status).toBe(400);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM tip_message WHERE tip_id = $1`, [moved])).rows[0].n,
    ).toBe(0);
  });

  it('refuses an empty message and a message on a closed tip, storing nothing', async () => {
    const { token } = (await callTaker.post('/api/tips/call-back', receipt)).body;
    const auth = { authorization: `Bearer ${token}` };
    const count = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM tip_message WHERE tip_id = $1`, [tipId])).rows[0].n;
    const before = await count();
    expect((await callTaker.post('/api/tips/call-back/messages', { body: '  ' }, auth)).status).toBe(400);
    expect((await callTaker.post('/api/tips/call-back/messages', {}, auth)).status).toBe(400);

    const { body: closedReceipt } = await callTaker.post('/api/tips', phoneTip());
    const closedId = (await tipByCode(closedReceipt.code)).id;
    await t.db.query(`UPDATE tip SET status = 'CLOSED' WHERE id = $1`, [closedId]);
    const { code, password } = closedReceipt;
    const closed = (await callTaker.post('/api/tips/call-back', { code, password })).body.token;
    const res = await callTaker.post(
      '/api/tips/call-back/messages',
      { body: 'Encore une chose' },
      { authorization: `Bearer ${closed}` },
    );
    expect(res.status).toBe(409);
    expect(await count()).toBe(before);
    expect(
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'tip.call_back_message'`,
          [closedId],
        )
      ).rows[0].n,
    ).toBe(0);
  });
});
