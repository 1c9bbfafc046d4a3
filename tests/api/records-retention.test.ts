import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { verifyAuditLog } from '../../apps/api/src/audit/audit-verifier';
import { main as retentionCli } from '../../apps/api/src/cli/retention';
import { JobQueue } from '../../apps/api/src/jobs/job-queue';
import { RETENTION_JOB, TIP_MEDIA_JOB } from '../../apps/api/src/jobs/job-registry';
import { ApiClient } from '../support/api-client';
import { jpegWithGps } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

let t: TestApp;
let investigator: ApiClient;
let supervisor: ApiClient;
let admin: ApiClient;
let other: ApiClient;

const exists = (key: string) =>
  access(join(t.dataDir, 'media', key)).then(
    () => true,
    () => false,
  );

/** A tip with a photo, through the real intake and processing, moved to `status` `ageDays` ago. */
async function oldTip(status: 'NOT_ACTIONABLE' | 'CLOSED' | 'IN_REVIEW', ageDays: number) {
  const res = await new ApiClient(t.baseUrl).post(
    '/api/public/tips',
    tipForm({ description: `Vieux signalement ${status} ${ageDays}` }, [
      { data: await jpegWithGps(320, 240), name: 'p.jpg', type: 'image/jpeg' },
    ]),
  );
  const id: string = (await t.db.query(`SELECT id FROM tip WHERE code = $1`, [res.body.code])).rows[0].id;
  await t.app.get(JobQueue).drain(TIP_MEDIA_JOB);
  let version = (await investigator.get(`/api/tips/${id}`)).body.version;
  for (const step of status === 'CLOSED' ? ['IN_REVIEW', 'ACTIONABLE', 'CLOSED'] : [status]) {
    const moved = await investigator.patch(`/api/tips/${id}`, { version, status: step });
    expect(moved.status).toBe(200);
    version = moved.body.version;
  }
  await investigator.post(`/api/tips/${id}/notes`, { body: 'Rien à signaler.' });
  await t.db.query(`UPDATE tip SET status_changed_at = now() - make_interval(days => $2) WHERE id = $1`, [
    id,
    ageDays,
  ]);
  const media = (await t.db.query(`SELECT id, renditions FROM tip_media WHERE tip_id = $1`, [id])).rows[0];
  const keys = [`sealed/tips/${id}/${media.id}`, ...media.renditions.map((r: { key: string }) => r.key)];
  // The month its tombstone will name, from the tip itself (not the date the assertion runs on).
  const { month } = (
    await t.db.query(
      `SELECT to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month FROM tip WHERE id = $1`,
      [id],
    )
  ).rows[0];
  return { id, keys, receivedMonth: month as string };
}

/** The retention CLI's entry point, in-process, against this test's database and files. */
async function cli(...args: string[]) {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
  Object.assign(process.env, { DATABASE_URL: t.databaseUrl, DATA_DIR: t.dataDir });
  const lines: string[] = [];
  try {
    const code = await retentionCli(args, (l) => lines.push(l));
    return { code, output: lines.join('\n') };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const count = async (sql: string, params: unknown[]) => (await t.db.query(sql, params)).rows[0].n as number;

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
  admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
  // The second agency's seed has no supervisor: one is added, so that cross-agency refusals are
  // tested with a role that would otherwise be allowed.
  await t.db.query(`INSERT INTO staff_user (agency_id, email, display_name, password_hash, roles)
    SELECT agency_id, 'chief@second.test', 'Second Chief', password_hash, ARRAY['SUPERVISOR', 'ADMIN']
      FROM staff_user WHERE email = 'investigator@second.test'`);
  other = await ApiClient.signedIn(t.baseUrl, 'chief@second.test');
});
afterAll(() => t.close());

describe('legal hold', () => {
  it('is set and lifted by a supervisor or an administrator only, with a reason, and audited', async () => {
    const { id } = await oldTip('IN_REVIEW', 0);
    expect(
      (await investigator.post(`/api/tips/${id}/legal-hold`, { hold: true, reason: 'Litige' })).status,
    ).toBe(403);
    expect((await supervisor.post(`/api/tips/${id}/legal-hold`, { hold: true })).status).toBe(400);
    expect((await supervisor.get(`/api/tips/${id}/legal-hold`)).body).toMatchObject({ hold: false });

    const set = await supervisor.post(`/api/tips/${id}/legal-hold`, {
      hold: true,
      reason: 'Poursuite civile 500-17',
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ entityType: 'tip', id, hold: true, reason: 'Poursuite civile 500-17' });
    expect((await investigator.get(`/api/tips/${id}/legal-hold`)).body.by.displayName).toBeTruthy();
    // Asking again for the state it is in changes nothing and writes nothing.
    await supervisor.post(`/api/tips/${id}/legal-hold`, { hold: true, reason: 'Encore' });
    const lifted = await admin.post(`/api/tips/${id}/legal-hold`, { hold: false, reason: 'Jugement rendu' });
    expect(lifted.body).toMatchObject({ hold: false, since: null, by: null });
    const { rows } = await t.db.query(
      `SELECT action, data FROM audit_event WHERE entity_id = $1 AND action LIKE 'tip.legal_hold%' ORDER BY id`,
      [id],
    );
    expect(rows).toEqual([
      { action: 'tip.legal_hold_set', data: { reason: 'Poursuite civile 500-17' } },
      { action: 'tip.legal_hold_lifted', data: { reason: 'Jugement rendu' } },
    ]);

    expect((await other.get(`/api/tips/${id}/legal-hold`)).status).toBe(404);
    expect(
      (await other.post(`/api/tips/${id}/legal-hold`, { hold: true, reason: 'Pas chez nous' })).status,
    ).toBe(404);
    expect((await investigator.get(`/api/tips/${id}/legal-hold`)).body.hold).toBe(false);
  });

  it('applies to cases too', async () => {
    const created = await investigator.post('/api/cases', { title: 'Fraude' });
    const held = await admin.post(`/api/cases/${created.body.id}/legal-hold`, {
      hold: true,
      reason: 'Préservation',
    });
    expect(held.body).toMatchObject({ entityType: 'case', hold: true });
    expect((await supervisor.get(`/api/cases/${created.body.id}/legal-hold`)).body.hold).toBe(true);
    expect(
      (await investigator.post(`/api/cases/${created.body.id}/legal-hold`, { hold: false, reason: 'x' }))
        .status,
    ).toBe(403);
    expect((await other.get(`/api/cases/${created.body.id}/legal-hold`)).status).toBe(404);
    expect(
      (await other.post(`/api/cases/${created.body.id}/legal-hold`, { hold: false, reason: 'Pas chez nous' }))
        .status,
    ).toBe(404);
  });
});

describe('retention policy', () => {
  it('shows the defaults, takes positive days from an administrator only, and is audited', async () => {
    const initial = await admin.get('/api/records/retention-policy');
    expect(initial.body).toMatchObject({
      notActionableDays: 365,
      closedDays: 1825,
      agency: { notActionableDays: null, closedDays: null },
    });
    for (const bad of [
      { notActionableDays: 0, closedDays: 10 },
      { notActionableDays: -5, closedDays: 10 },
      { notActionableDays: 10 },
      { notActionableDays: 1.5, closedDays: 10 },
    ])
      expect((await admin.request('PUT', '/api/records/retention-policy', bad)).status).toBe(400);
    expect((await supervisor.get('/api/records/retention-policy')).status).toBe(403);
    expect(
      (
        await supervisor.request('PUT', '/api/records/retention-policy', {
          notActionableDays: 1,
          closedDays: 1,
        })
      ).status,
    ).toBe(403);
    expect((await admin.get('/api/records/retention-policy')).body.agency.notActionableDays).toBeNull();

    const updated = await admin.request('PUT', '/api/records/retention-policy', {
      notActionableDays: 90,
      closedDays: null,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      notActionableDays: 90,
      closedDays: 1825,
      agency: { notActionableDays: 90 },
    });
    const { rows } = await t.db.query(
      `SELECT data FROM audit_event WHERE action = 'retention.policy_changed'`,
    );
    expect(rows[0].data).toEqual({
      from: { notActionableDays: null, closedDays: null, socialDays: null },
      to: { notActionableDays: 90, closedDays: null, socialDays: null },
    });
    // The second agency still follows the defaults.
    const { rows: second } = await t.db.query(
      `SELECT count(*)::int AS n FROM retention_policy p JOIN agency a ON a.id = p.agency_id WHERE a.slug = 'second'`,
    );
    expect(second[0].n).toBe(0);
  });
});

describe('the purge', () => {
  let due: Awaited<ReturnType<typeof oldTip>>;
  let held: Awaited<ReturnType<typeof oldTip>>;
  let young: Awaited<ReturnType<typeof oldTip>>;
  let closedYoung: Awaited<ReturnType<typeof oldTip>>;
  let linked: Awaited<ReturnType<typeof oldTip>>;

  beforeAll(async () => {
    // The agency keeps dismissed tips 90 days (set above); CLOSED follows the 1825-day default.
    due = await oldTip('NOT_ACTIONABLE', 120);
    held = await oldTip('NOT_ACTIONABLE', 400);
    young = await oldTip('NOT_ACTIONABLE', 30);
    closedYoung = await oldTip('CLOSED', 400);
    linked = await oldTip('IN_REVIEW', 0);
    const created = await investigator.post('/api/cases', { title: 'Dossier ancien' });
    await investigator.post(`/api/cases/${created.body.id}/tips`, { tipIds: [linked.id] });
    const version = (await investigator.get(`/api/tips/${linked.id}`)).body.version;
    await investigator.patch(`/api/tips/${linked.id}`, { version, status: 'CLOSED' });
    await t.db.query(`UPDATE tip SET status_changed_at = now() - interval '3000 days' WHERE id = $1`, [
      linked.id,
    ]);
    await supervisor.post(`/api/tips/${held.id}/legal-hold`, { hold: true, reason: 'Enquête du coroner' });
  });

  it('--dry-run reports what would go and what a hold keeps, and changes nothing', async () => {
    const auditBefore = await count(`SELECT count(*)::int AS n FROM audit_event`, []);
    const { code, output } = await cli('--dry-run');
    expect(code).toBe(0);
    expect(output).toContain('dry run');
    expect(output).toContain('Would purge: 1 tip(s)');
    expect(output).toContain(`${due.id}  NOT_ACTIONABLE`);
    expect(output).toContain(`${held.id}  legal hold`);
    for (const id of [young.id, closedYoung.id, linked.id]) expect(output).not.toContain(id);
    expect(await count(`SELECT count(*)::int AS n FROM tip WHERE id = $1`, [due.id])).toBe(1);
    for (const key of due.keys) expect(await exists(key)).toBe(true);
    expect(await count(`SELECT count(*)::int AS n FROM audit_event`, [])).toBe(auditBefore);

    const preview = await admin.get('/api/records/retention/preview');
    expect(preview.body.due.map((d: { tipId: string }) => d.tipId)).toEqual([due.id]);
    expect(preview.body.due[0]).toMatchObject({ days: 90, policy: 'agency' });
    expect(preview.body.skipped).toEqual([{ tipId: held.id, reason: 'legal hold' }]);
    expect((await supervisor.get('/api/records/retention/preview')).status).toBe(403);
    expect((await cli('--everything')).code).toBe(1);
  });

  it('skips and reports a tip under legal hold, linked to a case or with a paid reward, when it is named', async () => {
    const rewarded = await oldTip('NOT_ACTIONABLE', 400);
    await t.db.query(
      `INSERT INTO reward_claim (agency_id, tip_id, appeal_id, status, terms)
       SELECT t.agency_id, t.id, a.id, 'PAID', '{}'::jsonb FROM tip t JOIN appeal a ON a.agency_id = t.agency_id WHERE t.id = $1 LIMIT 1`,
      [rewarded.id],
    );
    const { code, output } = await cli(
      '--tip',
      held.id,
      '--tip',
      linked.id,
      '--tip',
      young.id,
      '--tip',
      rewarded.id,
    );
    expect(code).toBe(0);
    expect(output).toContain(`${held.id}  legal hold`);
    expect(output).toContain(`${linked.id}  linked to a case`);
    expect(output).toContain(`${young.id}  not due (NOT_ACTIONABLE)`);
    expect(output).toContain(`${rewarded.id}  reward approved or paid`);
    expect(output).toContain('Purged: 0 tip(s)');
    expect((await cli('--tip', 'not-a-uuid')).code).toBe(1);
    await t.db.query(`DELETE FROM reward_claim WHERE tip_id = $1`, [rewarded.id]);
    await t.db.query(`UPDATE tip SET status = 'IN_REVIEW' WHERE id = $1`, [rewarded.id]);
    expect(
      await count(`SELECT count(*)::int AS n FROM tip WHERE id = ANY($1)`, [[held.id, linked.id, young.id]]),
    ).toBe(3);
  });

  it('purges what is due: rows and files go, a content-free tombstone stays, and the audit log still verifies', async () => {
    const historyBefore = await count(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [
      due.id,
    ]);
    const { code, output } = await cli();
    expect(output).toContain('Purged: 1 tip(s)');
    expect(code).toBe(0);

    for (const table of ['tip_media', 'tip_note', 'tip_message'])
      expect(await count(`SELECT count(*)::int AS n FROM ${table} WHERE tip_id = $1`, [due.id])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM tip WHERE id = $1`, [due.id])).toBe(0);
    // Whatever other features keep about a tip (duplicate fingerprints, claims…) goes with it.
    const { rows: refs } = await t.db.query(`
      SELECT c.conrelid::regclass::text AS tbl, quote_ident(a.attname) AS col
        FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'f' AND c.confrelid = 'tip'::regclass`);
    expect(refs.length).toBeGreaterThan(4);
    for (const { tbl, col } of refs)
      expect(await count(`SELECT count(*)::int AS n FROM ${tbl} WHERE ${col} = $1`, [due.id])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM live_event WHERE data->>'tipId' = $1`, [due.id])).toBe(
      0,
    );
    for (const key of due.keys) expect(await exists(key)).toBe(false);
    for (const key of held.keys) expect(await exists(key)).toBe(true);
    expect(
      await count(`SELECT count(*)::int AS n FROM tip WHERE id = ANY($1)`, [
        [held.id, young.id, closedYoung.id, linked.id],
      ]),
    ).toBe(4);

    const { rows } = await t.db.query(
      `SELECT actor_id, data FROM audit_event WHERE entity_id = $1 AND action = 'retention.purged'`,
      [due.id],
    );
    expect(rows).toEqual([
      {
        actor_id: null,
        data: {
          record: 'tip',
          status: 'NOT_ACTIONABLE',
          receivedMonth: due.receivedMonth,
          policy: { rule: 'NOT_ACTIONABLE', days: 90, source: 'agency' },
          mediaFiles: 1,
          trigger: 'cli',
        },
      },
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [due.id])).toBe(
      historyBefore + 1,
    );
    expect((await verifyAuditLog(t.db)).breaks).toEqual([]);
    expect((await investigator.get(`/api/tips/${due.id}`)).status).toBe(404);
  });

  it('runs daily as a scheduled job, which purges what has become due', async () => {
    const { rows } = await t.db.query(`SELECT cron, timezone FROM pgboss.schedule WHERE name = $1`, [
      RETENTION_JOB,
    ]);
    expect(rows).toEqual([{ cron: '17 3 * * *', timezone: 'UTC' }]);

    await t.db.query(`UPDATE tip SET status_changed_at = now() - interval '200 days' WHERE id = $1`, [
      young.id,
    ]);
    await supervisor.post(`/api/tips/${held.id}/legal-hold`, { hold: false, reason: 'Enquête close' });
    const jobs = t.app.get(JobQueue);
    await jobs.send(RETENTION_JOB, {});
    await jobs.drain(RETENTION_JOB);
    expect(await count(`SELECT count(*)::int AS n FROM tip WHERE id = ANY($1)`, [[young.id, held.id]])).toBe(
      0,
    );
    expect(
      await count(`SELECT count(*)::int AS n FROM tip WHERE id = ANY($1)`, [[closedYoung.id, linked.id]]),
    ).toBe(2);
    const { rows: tombstones } = await t.db.query(
      `SELECT entity_id, data->>'trigger' AS trigger FROM audit_event WHERE action = 'retention.purged' AND entity_id = ANY($1)`,
      [[young.id, held.id]],
    );
    expect(tombstones).toHaveLength(2);
    expect(tombstones.every((r) => r.trigger === 'schedule')).toBe(true);
  });
});
