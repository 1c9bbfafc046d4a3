import { randomUUID } from 'node:crypto';
import { ApiClient } from '../support/api-client';
import { freePort, startTestApp, type TestApp } from '../support/test-app';

/**
 * The archive of what the agency's accounts sent and received, on its fediverse actor:
 * - the archive's pages follow a keyset on (time, id): messages of one moment across a page end.
 */

let t: TestApp;
let investigator: ApiClient;
let accountId: string;
let agencyId: string;

beforeAll(async () => {
  const port = await freePort();
  t = await startTestApp(
    {
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ACTIVITYPUB_ALLOW_INSECURE: 'true',
      SOCIAL_ALLOW_INSECURE_SERVICE: 'true',
      SOCIAL_READ_SCHEDULE: 'off',
      WORKERS: '0',
    },
    { port },
  );
  const admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  const actor = await admin.post('/api/reach/fediverse/actor');
  expect(actor.status).toBe(200);
  const connected = await admin.post('/api/reach/social/accounts', {
    network: 'MASTODON',
    serviceUrl: actor.body.serviceUrl,
    handle: actor.body.handle,
    accountId: actor.body.accountId,
    secret: actor.body.secret,
  });
  expect(connected.status).toBe(201);
  accountId = connected.body.id;
  agencyId = (await t.db.query(`SELECT agency_id FROM social_account WHERE id = $1`, [accountId])).rows[0]
    .agency_id;
});
afterAll(() => t?.close());

describe('pages', () => {
  /** Messages at one moment (to the microsecond, as a batch read at once is), and some around it. */
  async function burst(moment: string, count: number): Promise<string[]> {
    const { rows } = await t.db.query(
      `INSERT INTO social_message (agency_id, account_id, direction, kind, remote_id, author_handle, text, at, media, archived_at)
       SELECT $1, $2, 'RECEIVED', 'MENTION', gen_random_uuid()::text, '@crowd@example.social', 'page ' || i, $3::timestamptz, '[]', now()
         FROM generate_series(1, $4::int) AS i
       RETURNING id`,
      [agencyId, accountId, moment, count],
    );
    return rows.map((r) => r.id);
  }

  it('pages through messages of one moment without skipping or repeating one', async () => {
    const expected = [
      ...(await burst('2026-11-20T10:00:01.5Z', 20)),
      ...(await burst('2026-11-20T10:00:00.123456Z', 70)),
      ...(await burst('2026-11-20T09:59:59Z', 15)),
    ];
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: { id: string }[]; next: string | null } } =
        await investigator.get(
          `/api/reach/social/archive?q=page&direction=RECEIVED${next ? `&before=${encodeURIComponent(next)}` : ''}`,
        );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((m) => m.id));
      next = res.body.next;
      pages++;
    } while (next && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(expected.length);
    expect(new Set(seen).size).toBe(expected.length);
    expect([...seen].sort()).toEqual([...expected].sort());
  });

  it('answers 400 to a cursor that is not one, and changes nothing', async () => {
    const id = randomUUID();
    for (const before of [
      'yesterday',
      '2026-11-20T10:00:00Z', // a time alone (the old form): which of its messages came last is unknown
      `2026-02-30T10:00:00Z_${id}`,
      `2026-11-20T25:00:00Z_${id}`,
      `2026-11-20T10:00:00Z_not-a-uuid`,
      `2026-11-20T10:00:00Z_${id}' OR '1'='1`,
      `2026-11-20T10:00:00.1234567Z_${id}`,
    ]) {
      const res = await investigator.get(`/api/reach/social/archive?before=${encodeURIComponent(before)}`);
      expect(`${before} ${res.status}`).toBe(`${before} 400`);
      expect(res.body.errors).toHaveProperty('before');
    }
    const unknown = await investigator.get(
      `/api/reach/social/archive?before=${encodeURIComponent(`2026-11-20T10:00:00.123456Z_${id}`)}`,
    );
    expect(unknown.status).toBe(200);
  });
});
