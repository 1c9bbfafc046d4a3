import { normalizeTipCode } from '@vigie/common';
import { InboxService } from '../../apps/api/src/desk/inbox.service';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

let t: TestApp;
let anon: ApiClient;
let investigator: ApiClient;
let tip: { id: string; code: string };

type Items = { body: { items: { id: string; code: string; excerpt: string }[] } };
const ids = (res: Items) => res.body.items.map((i) => i.id);

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  anon = new ApiClient(t.baseUrl);
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  for (const description of ['A grey van parked behind the school.', 'Another tip about the bridge.']) {
    const res = await anon.post('/api/public/tips', tipForm({ description, language: 'en' }));
    expect(res.status).toBe(201);
    const { rows } = await t.db.query(`SELECT id FROM tip WHERE code = $1`, [res.body.code]);
    tip = { id: rows[0].id, code: res.body.code };
  }
});
afterAll(() => t.close());

describe('the inbox search, given a tip code', () => {
  it('finds the tip however the code is typed or read out', async () => {
    const bare = tip.code.replace('-', '');
    const spoken = [
      tip.code,
      bare,
      tip.code.toLowerCase(),
      `${bare.slice(0, 4)} ${bare.slice(4)}`.toLowerCase(),
    ];
    for (const q of [...spoken, ` ${tip.code} `, bare.split('').join(' ')]) {
      const res = await investigator.get(`/api/tips?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([expect.objectContaining({ id: tip.id, code: tip.code })]);
      expect(res.body.nextCursor).toBeNull();
    }
  });

  it('is a direct hit: the other filters (a status tab, a channel) do not hide it', async () => {
    const res = await investigator.get(`/api/tips?status=CLOSED&channel=SMS&q=${tip.code.toLowerCase()}`);
    expect(ids(res)).toEqual([tip.id]);
  });

  it("finds nothing with another agency's code", async () => {
    const other = await ApiClient.signedIn(t.baseUrl, 'investigator@second.test');
    const res = await other.get(`/api/tips?q=${tip.code}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('falls back to the text search when no tip has that code', async () => {
    const unused = (await t.db.query(`SELECT 1 FROM tip WHERE code = 'VANP-ARKD'`)).rowCount;
    expect(unused).toBe(0);
    // "vanparkd" is code-shaped, matches no code, and is no word: nothing.
    expect((await investigator.get('/api/tips?q=vanparkd')).body.items).toEqual([]);
    // "vehicles" is code-shaped too, yet a word: the text search still answers it.
    const van = await anon.post(
      '/api/public/tips',
      tipForm({ description: 'Two vehicles left fast.', language: 'en' }),
    );
    expect(van.status).toBe(201);
    const words = await investigator.get('/api/tips?q=vehicles');
    expect(words.body.items.map((i: { excerpt: string }) => i.excerpt)).toEqual(['Two vehicles left fast.']);
  });

  it('refuses an overlong search and a search that is not text', async () => {
    const overlong = await investigator.get(`/api/tips?q=${tip.code}${'x'.repeat(200)}`);
    expect(overlong.status).toBe(400);
    expect((await investigator.get(`/api/tips?q=${tip.code}&q=${tip.code}`)).status).toBe(400);
  });

  it('looks the code up through the unique index, never a scan of the tips', async () => {
    const { rows } = await t.db.query(`SELECT id FROM agency WHERE slug = 'demo'`);
    const { sql, params } = t.app
      .get(InboxService)
      .codeQuery({ agencyId: rows[0].id }, normalizeTipCode(tip.code.toLowerCase()) ?? '');
    // As at scale (the bench seeds a million): the planner then has a choice, and must take the code's index.
    await t.db.query(
      `INSERT INTO tip (id, agency_id, code, password_hash, description, language, status, priority, received_at, version)
       SELECT gen_random_uuid(), $1, 'Z' || substr(lpad(g::text, 7, '0'), 1, 3) || '-' || substr(lpad(g::text, 7, '0'), 4),
              'x', 'Seeded tip ' || g, 'en', 'NEW', 'NORMAL', now() - g * interval '1 second', 1
         FROM generate_series(1, 20000) g`,
      [rows[0].id],
    );
    await t.db.query('ANALYZE tip');
    const plan = (await t.db.query(`EXPLAIN ${sql}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/Index Scan using tip_code_key on tip t/);
    expect(plan).not.toMatch(/Seq Scan on tip/);
  });
});
