import { FollowUpTokens } from '../../apps/api/src/tips/follow-up/follow-up-token';
import { ApiClient } from '../support/api-client';
import { jpegWithGps } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

let t: TestApp;
let anon: ApiClient;

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  anon = new ApiClient(t.baseUrl);
});
afterAll(() => t.close());

async function sendTip(fields: Record<string, string> = {}) {
  const res = await anon.post(
    '/api/public/tips',
    tipForm({ description: 'Il y avait une voiture grise.', ...fields }),
  );
  expect(res.status).toBe(201);
  const { code, password } = res.body as { code: string; password: string };
  return { code, password };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('tipster follow-up', () => {
  it('signs in with code and passphrase as people type them, reads the investigator, answers, adds a photo', async () => {
    const receipt = await sendTip();
    const typed = {
      code: receipt.code.toLowerCase().replace('-', ' '),
      password: receipt.password.toUpperCase().replace(/-/g, ' '),
    };
    const session = await anon.post('/api/public/tips/follow-up', typed);
    expect(session.status).toBe(200);
    const token = session.body.token;

    const first = await anon.get('/api/public/tips/follow-up', bearer(token));
    expect(first.body).toMatchObject({
      code: receipt.code,
      status: 'RECEIVED',
      messages: [],
      reward: { offered: false },
    });

    // An investigator asks a question (the staff side is the inbox's; here, straight in the thread).
    await t.db.query(
      `INSERT INTO tip_message (tip_id, agency_id, author, staff_id, body)
       SELECT t.id, t.agency_id, 'INVESTIGATOR', u.id, 'Quelle était la plaque ?' FROM tip t, staff_user u WHERE t.code = $1 AND u.email = 'investigator@demo.test'`,
      [receipt.code],
    );
    const withQuestion = await anon.get('/api/public/tips/follow-up', bearer(token));
    expect(withQuestion.body.messages).toEqual([
      { from: 'INVESTIGATOR', body: 'Quelle était la plaque ?', at: expect.any(String) },
    ]);
    expect(JSON.stringify(withQuestion.body)).not.toMatch(/Isa|investigator@|staff/i);

    const answered = await anon.post(
      '/api/public/tips/follow-up/messages',
      { body: 'Elle commençait par FXR.' },
      bearer(token),
    );
    expect(answered.status).toBe(201);
    expect(answered.body.messages.map((m: { from: string }) => m.from)).toEqual(['INVESTIGATOR', 'TIPSTER']);

    const form = new FormData();
    form.append(
      'files',
      new Blob([new Uint8Array(await jpegWithGps(400, 300))], { type: 'image/jpeg' }),
      'plate.jpg',
    );
    const withFile = await anon.post('/api/public/tips/follow-up/media', form, bearer(token));
    expect(withFile.status).toBe(201);
    expect(withFile.body.files).toEqual([{ kind: 'image', receivedAt: expect.any(String) }]);
  });

  it('shows whether the reward can be claimed', async () => {
    const { rows } = await t.db.query(
      `SELECT a.slug FROM appeal a JOIN appeal_version v ON v.id = a.current_version_id WHERE a.status = 'PUBLISHED' AND v.public->'content' ? 'reward' LIMIT 1`,
    );
    const receipt = await sendTip({ appeal: rows[0].slug });
    const token = (await anon.post('/api/public/tips/follow-up', receipt)).body.token;
    expect((await anon.get('/api/public/tips/follow-up', bearer(token))).body.reward).toMatchObject({
      offered: true,
      eligible: true,
      reason: 'OPEN',
    });
  });

  it('locks the code after ten wrong passphrases, even for the right one', async () => {
    const receipt = await sendTip();
    for (let i = 0; i < 10; i++) {
      expect(
        (await anon.post('/api/public/tips/follow-up', { code: receipt.code, password: `wrong-guess-${i}` }))
          .status,
      ).toBe(401);
    }
    const locked = await anon.post('/api/public/tips/follow-up', receipt);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('LOCKED');
  });

  it('refuses an unknown code like a wrong passphrase', async () => {
    const res = await anon.post('/api/public/tips/follow-up', { code: 'AAAA-BBBB', password: 'x' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('BAD_CREDENTIALS');
  });

  it('refuses an expired, forged or missing token', async () => {
    const receipt = await sendTip();
    const { rows } = await t.db.query(`SELECT id FROM tip WHERE code = $1`, [receipt.code]);
    const tokens = new FollowUpTokens(Buffer.alloc(32, 7)); // the test app's key
    const expired = tokens.issue(rows[0].id, Date.now() - 31 * 60_000).token;
    const forged = tokens.issue(rows[0].id).token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    for (const token of [expired, forged])
      expect((await anon.get('/api/public/tips/follow-up', bearer(token))).status).toBe(401);
    expect((await anon.get('/api/public/tips/follow-up')).status).toBe(401);
    // An upload without a valid token is refused before it is read.
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(Buffer.alloc(1000))]), 'x.jpg');
    expect((await anon.post('/api/public/tips/follow-up/media', form, bearer(expired))).status).toBe(401);
  });

  it('refuses messages on a closed tip', async () => {
    const receipt = await sendTip();
    const token = (await anon.post('/api/public/tips/follow-up', receipt)).body.token;
    await t.db.query(`UPDATE tip SET status = 'CLOSED' WHERE code = $1`, [receipt.code]);
    const res = await anon.post('/api/public/tips/follow-up/messages', { body: 'encore moi' }, bearer(token));
    expect(res.status).toBe(409);
    expect((await anon.get('/api/public/tips/follow-up', bearer(token))).body.status).toBe('CLOSED');
  });
});
