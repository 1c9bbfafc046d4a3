import { readFile, writeFile } from 'node:fs/promises';
import { hashEvent } from '../../apps/api/src/audit/audit-chain';
import { AuditAnchorJob } from '../../apps/api/src/audit/audit-anchor.job';
import { anchorFileOf, anchorKey, checkAnchors, readAnchors } from '../../apps/api/src/audit/audit-anchors';
import { verifyAuditLog } from '../../apps/api/src/audit/audit-verifier';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

/*
 * What the hash chain alone cannot see, and anchors outside the database can: a tail cut off, and a
 * row edited with every later hash computed again, by someone with database superuser rights.
 */
let t: TestApp;
let key: Buffer;
let file: string;
let job: AuditAnchorJob;

const someHistory = async (email: string, times = 2) => {
  for (let i = 0; i < times; i++) await (await ApiClient.signedIn(t.baseUrl, email)).post('/api/auth/logout');
};
const check = async () => checkAnchors(t.db, key, await readAnchors(file));
/** As a superuser would: with triggers off (session_replication_role), inside one transaction. */
const behindTheTriggers = async (work: () => Promise<unknown>) => {
  await t.db.query('BEGIN');
  await t.db.query(`SET LOCAL session_replication_role = replica`);
  await work();
  await t.db.query('COMMIT');
};
const chainOf = async (agency: string) =>
  (
    await t.db.query(
      `SELECT e.id::text, e.chain, e.agency_id, e.actor_id, e.action, e.entity_type, e.entity_id, e.data, e.created_at, e.prev_hash
         FROM audit_event e JOIN agency a ON a.id = e.agency_id WHERE a.slug = $1 ORDER BY e.id`,
      [agency],
    )
  ).rows;

beforeAll(async () => {
  t = await startTestApp({ AUDIT_ANCHOR_SCHEDULE: 'off' });
  const config = t.app.get(AppConfig);
  key = anchorKey(config.encryptionKey);
  file = anchorFileOf(config.env);
  job = t.app.get(AuditAnchorJob);
  await someHistory('pio@demo.test');
  await someHistory('investigator@second.test');
});
afterAll(() => t.close());

it('anchors the head of each chain that moved, outside the database, and finds them all intact', async () => {
  const first = await job.anchor();
  expect(first.map((a) => a.chain).sort()).toHaveLength(2);
  expect(await job.anchor()).toEqual([]); // nothing moved since
  await someHistory('pio@demo.test', 1);
  const second = await job.anchor();
  expect(second).toHaveLength(1);
  expect(await readAnchors(file)).toHaveLength(3);
  expect(await check()).toEqual([]);
});

it('catches a forged anchor line (no key, no valid signature)', async () => {
  const [anchor] = (await readAnchors(file)) as NonNullable<
    Awaited<ReturnType<typeof readAnchors>>[number]
  >[];
  const before = await readFile(file, 'utf8');
  await writeFile(file, before + JSON.stringify({ ...anchor, hash: 'f'.repeat(64) }) + '\nnot json\n');
  const problems = await check();
  expect(problems.map((p) => p.reason).sort()).toEqual(['forged anchor', 'unreadable anchor']);
  await writeFile(file, before);
});

it('catches anchor lines removed from the file: each line is linked to the one before', async () => {
  const before = await readFile(file, 'utf8');
  const lines = before.trim().split('\n');
  expect(lines.length).toBeGreaterThanOrEqual(3);
  await writeFile(file, [lines[0], ...lines.slice(2)].join('\n') + '\n');
  expect(await check()).toEqual([
    expect.objectContaining({ reason: 'anchor removed or reordered before this one' }),
  ]);
  await writeFile(file, before);
  expect(await check()).toEqual([]);
});

it('catches a chain rewritten and rehashed from an edited row on, which the chain alone cannot see', async () => {
  const rows = await chainOf('demo');
  const edited = rows[1];
  await behindTheTriggers(async () => {
    let prev = edited.prev_hash;
    for (const r of rows.slice(1)) {
      const data = r.id === edited.id ? { note: 'nothing happened' } : r.data;
      const hash = hashEvent({
        id: r.id,
        chain: r.chain,
        agencyId: r.agency_id,
        actorId: r.actor_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        data,
        createdAt: r.created_at,
        prevHash: prev,
      });
      await t.db.query(`UPDATE audit_event SET data = $2, prev_hash = $3, hash = $4 WHERE id = $1`, [
        r.id,
        data,
        prev,
        hash,
      ]);
      prev = hash;
    }
  });
  expect((await verifyAuditLog(t.db)).breaks).toEqual([]); // a consistent forgery...
  expect(await check()).toContainEqual(expect.objectContaining({ reason: 'anchored event changed' })); // ...but not the anchored one
});

it("catches a chain's tail cut off, which the chain alone cannot see", async () => {
  const rows = await chainOf('second');
  await behindTheTriggers(() => t.db.query(`DELETE FROM audit_event WHERE id = $1`, [rows.at(-1).id]));
  expect((await verifyAuditLog(t.db)).breaks.filter((b) => b.chain === rows[0].chain)).toEqual([]);
  expect(await check()).toContainEqual({
    chain: rows[0].chain,
    id: rows.at(-1).id,
    reason: 'anchored event missing',
  });
});
