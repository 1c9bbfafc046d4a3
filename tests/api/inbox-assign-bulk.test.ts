import { Clock } from '../../apps/api/src/common/clock';
import { ApiClient } from '../support/api-client';
import { jpegWithGps } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

/**
 * Acting fast and together (issue 17, point 4): assigning to a colleague, bulk changes with
 * per-tip refusals, status moves the workflow refuses, the "new from the tipster" marker, and
 * history lines that say what changed.
 */
let t: TestApp;
let anon: ApiClient;
let investigator: ApiClient;
let supervisor: ApiClient;
let admin: ApiClient;
let meId: string;
let supervisorId: string;
let clock: Clock;

async function sendTip(description: string) {
  const res = await anon.post('/api/public/tips', tipForm({ description }));
  expect(res.status).toBe(201);
  const { rows } = await t.db.query(`SELECT id FROM tip WHERE code = $1`, [res.body.code]);
  return { ...res.body, id: rows[0].id as string } as { id: string; code: string; password: string };
}

const tipRow = async (id: string) =>
  (await t.db.query(`SELECT status, assignee_id, tags, version FROM tip WHERE id = $1`, [id])).rows[0];
const auditCount = async (id: string) =>
  (await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [id])).rows[0]
    .n as number;

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  clock = t.app.get(Clock);
  anon = new ApiClient(t.baseUrl);
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
  admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
  meId = (await investigator.get('/api/auth/me')).body.id;
  supervisorId = (await supervisor.get('/api/auth/me')).body.id;
});
afterEach(() => clock.set(undefined));
afterAll(() => t.close());

describe('assigning a tip to a colleague', () => {
  it('lists the colleagues who can triage, active, of this agency only', async () => {
    const res = await investigator.get('/api/tips/assignees');
    expect(res.status).toBe(200);
    const names = res.body.map((s: { displayName: string }) => s.displayName);
    const ids = res.body.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining([meId, supervisorId]));
    const { rows } = await t.db.query(
      `SELECT id FROM staff_user WHERE email IN ('pio@demo.test', 'analyst@demo.test', 'investigator@second.test')`,
    );
    for (const row of rows) expect(ids).not.toContain(row.id);
    expect([...names].sort((a: string, b: string) => a.localeCompare(b))).toEqual(names);
  });

  it('assigns to a colleague, and the history says to whom', async () => {
    const tip = await sendTip('À confier au superviseur.');
    const res = await investigator.patch(`/api/tips/${tip.id}`, { version: 1, assigneeId: supervisorId });
    expect(res.status).toBe(200);
    expect(res.body.assignee).toEqual({ id: supervisorId, displayName: expect.any(String) });
    const line = res.body.history.at(-1);
    expect(line.changes).toEqual([
      { kind: 'assignee', to: { id: supervisorId, displayName: res.body.assignee.displayName } },
    ]);
    expect(
      (await supervisor.get('/api/tips?assignee=me')).body.items.map((i: { id: string }) => i.id),
    ).toContain(tip.id);
  });

  it('refuses an assignee of another agency, a disabled one, or one who cannot triage, changing nothing', async () => {
    const tip = await sendTip('Personne ne le prendra.');
    const { rows } = await t.db.query(
      `SELECT email, id FROM staff_user WHERE email IN ('investigator@second.test', 'pio@demo.test')`,
    );
    const other = rows.find((r) => r.email === 'investigator@second.test').id;
    const pio = rows.find((r) => r.email === 'pio@demo.test').id;
    const invited = await admin.post('/api/admin/staff', {
      email: 'gone@demo.test',
      name: 'Parti Ailleurs',
      roles: ['INVESTIGATOR'],
    });
    expect(invited.status).toBe(201);
    const goneId = (await t.db.query(`SELECT id FROM staff_user WHERE email = 'gone@demo.test'`)).rows[0].id;
    expect((await admin.post(`/api/admin/staff/${goneId}/disable`)).status).toBeLessThan(300);
    const before = await auditCount(tip.id);

    for (const [assigneeId, code] of [
      [other, 'UNKNOWN_STAFF'],
      ['4b0e6c1c-5a8e-4a44-9a39-3f0a4f7d0c11', 'UNKNOWN_STAFF'],
      [goneId, 'ASSIGNEE_UNAVAILABLE'],
      [pio, 'ASSIGNEE_UNAVAILABLE'],
    ]) {
      const single = await investigator.patch(`/api/tips/${tip.id}`, { version: 1, assigneeId });
      expect(single.status).toBe(400);
      expect(single.body.code).toBe(code);
      const bulk = await investigator.post('/api/tips/bulk', {
        ids: [tip.id],
        assigneeId,
        status: 'IN_REVIEW',
      });
      expect(bulk.status).toBe(400);
      expect(bulk.body.code).toBe(code);
    }
    expect((await investigator.patch(`/api/tips/${tip.id}`, { version: 1, assigneeId: 'me' })).status).toBe(
      400,
    );
    expect(await tipRow(tip.id)).toMatchObject({ status: 'NEW', assignee_id: null, version: 1 });
    expect(await auditCount(tip.id)).toBe(before);
  });
});

describe('bulk changes', () => {
  it('changes the tips that can take it, one audit line each, and says why for the others', async () => {
    const a = await sendTip('Lot A');
    const b = await sendTip('Lot B');
    const linked = await sendTip('Lot lié');
    const held = await sendTip('Lot tenu');
    // LINKED may only be closed (the status is the tips feature's own column, set here for the case).
    await t.db.query(`UPDATE tip SET status = 'LINKED' WHERE id = $1`, [linked.id]);
    const taken = await supervisor.patch(`/api/tips/${held.id}`, { version: 1, assigneeId: supervisorId });
    expect(taken.body).toMatchObject({ assignee: { id: supervisorId } });
    const stranger = '4b0e6c1c-5a8e-4a44-9a39-3f0a4f7d0c11';

    const res = await investigator.post('/api/tips/bulk', {
      ids: [a.id, b.id, linked.id, held.id, stranger, a.id],
      status: 'IN_REVIEW',
      assigneeId: meId,
      addTags: ['plaque-ABC123'],
    });
    expect(res.status).toBe(200);
    expect([...res.body.updated].sort()).toEqual([a.id, b.id].sort());
    const refused = Object.fromEntries(res.body.refused.map((r: { id: string }) => [r.id, r]));
    expect(refused[linked.id]).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      status: 'LINKED',
      allowed: ['CLOSED'],
    });
    expect(refused[held.id]).toMatchObject({ code: 'HELD', heldBy: { id: supervisorId } });
    expect(refused[stranger]).toMatchObject({ code: 'NOT_FOUND' });
    expect(res.body.refused).toHaveLength(3);

    for (const id of [a.id, b.id])
      expect(await tipRow(id)).toMatchObject({
        status: 'IN_REVIEW',
        assignee_id: meId,
        tags: ['plaque-ABC123'],
      });
    expect(await tipRow(linked.id)).toMatchObject({ status: 'LINKED', assignee_id: null, tags: [] });
    expect(await tipRow(held.id)).toMatchObject({ status: 'NEW', assignee_id: supervisorId });

    const { rows } = await t.db.query(
      `SELECT entity_id, data FROM audit_event WHERE action = 'tip.updated' AND entity_id = ANY($1::text[])`,
      [[a.id, b.id, linked.id]],
    );
    expect(rows.map((r) => r.entity_id).sort()).toEqual([a.id, b.id].sort());
    expect(rows[0].data).toMatchObject({ bulk: true, from: { status: 'NEW' }, to: { status: 'IN_REVIEW' } });

    const history = (await investigator.get(`/api/tips/${a.id}`)).body.history.at(-1);
    expect(history.changes).toEqual(
      expect.arrayContaining([
        { kind: 'status', from: 'NEW', to: 'IN_REVIEW' },
        { kind: 'assignee', to: { id: meId, displayName: expect.any(String) } },
        { kind: 'tagAdded', tag: 'plaque-ABC123' },
      ]),
    );
  });

  it('takes held tips only when told to', async () => {
    const tip = await sendTip('Déjà pris en lot.');
    await supervisor.patch(`/api/tips/${tip.id}`, { version: 1, assigneeId: supervisorId });
    const forced = await investigator.post('/api/tips/bulk', {
      ids: [tip.id],
      assigneeId: meId,
      force: true,
    });
    expect(forced.body).toEqual({ updated: [tip.id], refused: [] });
    expect((await tipRow(tip.id)).assignee_id).toBe(meId);
  });

  it('refuses an empty change, LINKED, too many tips, and bad ids, changing nothing', async () => {
    const tip = await sendTip('Rien à faire.');
    const bad: unknown[] = [
      { ids: [tip.id] },
      { ids: [tip.id], status: 'LINKED' },
      { ids: [], status: 'IN_REVIEW' },
      { ids: ['not-a-uuid'], status: 'IN_REVIEW' },
      { ids: Array.from({ length: 501 }, () => tip.id), status: 'IN_REVIEW' },
      { ids: [tip.id], addTags: ['<script>'] },
      { ids: [tip.id], status: 'SOLVED' },
    ];
    for (const body of bad) {
      const res = await investigator.post('/api/tips/bulk', body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await tipRow(tip.id)).toMatchObject({ status: 'NEW', version: 1, tags: [] });
  });

  it("leaves another agency's tips alone, answering as for tips that do not exist", async () => {
    const tip = await sendTip('Pas pour eux.');
    const other = await ApiClient.signedIn(t.baseUrl, 'investigator@second.test');
    const res = await other.post('/api/tips/bulk', { ids: [tip.id], status: 'IN_REVIEW' });
    expect(res.body).toEqual({
      updated: [],
      refused: [expect.objectContaining({ id: tip.id, code: 'NOT_FOUND' })],
    });
    expect((await tipRow(tip.id)).status).toBe('NEW');
  });
});

describe('status moves', () => {
  it('refuses a move the workflow does not allow with 409, saying from where and what is allowed', async () => {
    const tip = await sendTip('Pas si vite.');
    const res = await investigator.patch(`/api/tips/${tip.id}`, { version: 1, status: 'CLOSED' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      from: 'NEW',
      to: 'CLOSED',
      allowed: ['IN_REVIEW', 'NOT_ACTIONABLE'],
    });
    expect(await tipRow(tip.id)).toMatchObject({ status: 'NEW', version: 1 });
    const linked = await investigator.patch(`/api/tips/${tip.id}`, { version: 1, status: 'LINKED' });
    expect(linked.status).toBe(409);
    const ok = await investigator.patch(`/api/tips/${tip.id}`, { version: 1, status: 'IN_REVIEW' });
    expect(ok.status).toBe(200);
    expect(ok.body.history.at(-1).changes).toEqual([{ kind: 'status', from: 'NEW', to: 'IN_REVIEW' }]);
  });

  it('writes tag removals and priority changes as history lines too', async () => {
    const tip = await sendTip('Étiquettes.');
    const { priority } = (await investigator.patch(`/api/tips/${tip.id}`, { version: 1, tags: ['a', 'b'] }))
      .body;
    expect(priority).not.toBe('HIGH');
    const res = await investigator.patch(`/api/tips/${tip.id}`, {
      version: 2,
      tags: ['b'],
      priority: 'HIGH',
    });
    expect(res.body.history.at(-1).changes).toEqual(
      expect.arrayContaining([
        { kind: 'priority', from: priority, to: 'HIGH' },
        { kind: 'tagRemoved', tag: 'a' },
      ]),
    );
  });
});

describe('the "new from the tipster" marker', () => {
  const marker = async (client: ApiClient, id: string) => {
    const items = (await client.get('/api/tips?limit=100')).body.items as {
      id: string;
      newFromTipster: boolean;
    }[];
    return items.find((i) => i.id === id)?.newFromTipster;
  };

  it('shows a reply or new files since the assignee last opened the tip, and clears when they open it', async () => {
    clock.set('2026-12-01T10:00:00Z');
    const tip = await sendTip('Je reviendrai avec des photos.');
    await investigator.patch(`/api/tips/${tip.id}`, { version: 1, assigneeId: meId });
    expect(await marker(investigator, tip.id)).toBe(false);

    const token = (await anon.post('/api/public/tips/follow-up', { code: tip.code, password: tip.password }))
      .body.token;
    const auth = { authorization: `Bearer ${token}` };
    clock.set('2026-12-01T11:00:00Z');
    expect(
      (await anon.post('/api/public/tips/follow-up/messages', { body: 'Une précision.' }, auth)).status,
    ).toBe(201);
    expect(await marker(investigator, tip.id)).toBe(true);

    // Someone else opening it leaves the marker for the assignee.
    clock.set('2026-12-01T11:30:00Z');
    await supervisor.get(`/api/tips/${tip.id}`);
    expect(await marker(investigator, tip.id)).toBe(true);

    clock.set('2026-12-01T12:00:00Z');
    const opened = await investigator.get(`/api/tips/${tip.id}`);
    expect(opened.status).toBe(200);
    expect(await marker(investigator, tip.id)).toBe(false);

    clock.set('2026-12-01T13:00:00Z');
    const files = new FormData();
    files.append(
      'files',
      new Blob([new Uint8Array(await jpegWithGps(400, 300))], { type: 'image/jpeg' }),
      'p.jpg',
    );
    const withMedia = await anon.post('/api/public/tips/follow-up/media', files, auth);
    expect(withMedia.status).toBeLessThan(300);
    expect(await marker(investigator, tip.id)).toBe(true);
  });

  it('marks a tip given to someone else as unread by them until they open it', async () => {
    clock.set('2026-12-02T10:00:00Z');
    const tip = await sendTip('Réponse avant réassignation.');
    await investigator.patch(`/api/tips/${tip.id}`, { version: 1, assigneeId: meId });
    const token = (await anon.post('/api/public/tips/follow-up', { code: tip.code, password: tip.password }))
      .body.token;
    clock.set('2026-12-02T11:00:00Z');
    await anon.post(
      '/api/public/tips/follow-up/messages',
      { body: 'Autre chose.' },
      { authorization: `Bearer ${token}` },
    );
    clock.set('2026-12-02T12:00:00Z');
    await investigator.get(`/api/tips/${tip.id}`);
    expect(await marker(investigator, tip.id)).toBe(false);
    await investigator.patch(`/api/tips/${tip.id}`, { version: 2, assigneeId: supervisorId });
    expect(await marker(supervisor, tip.id)).toBe(true);
    clock.set('2026-12-02T13:00:00Z');
    await supervisor.get(`/api/tips/${tip.id}`);
    expect(await marker(supervisor, tip.id)).toBe(false);
  });
});
