import { verifyAuditLog } from '../../apps/api/src/audit/audit-verifier';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // A little history on two chains: the demo agency and the second agency.
  for (const email of ['pio@demo.test', 'analyst@demo.test', 'investigator@second.test']) {
    const client = await ApiClient.signedIn(t.baseUrl, email);
    await client.post('/api/auth/logout');
  }
});
afterAll(() => t.close());

describe('audit log', () => {
  it('appends staff actions with the actor and agency, each row linked to the one before', async () => {
    const { rows } = await t.db.query(
      `SELECT e.action, e.prev_hash, e.hash, u.email FROM audit_event e JOIN staff_user u ON u.id = e.actor_id
        WHERE e.action IN ('auth.login', 'auth.logout') ORDER BY e.id`,
    );
    expect(rows.map((r) => `${r.action} ${r.email}`)).toEqual([
      'auth.login pio@demo.test',
      'auth.logout pio@demo.test',
      'auth.login analyst@demo.test',
      'auth.logout analyst@demo.test',
      'auth.login investigator@second.test',
      'auth.logout investigator@second.test',
    ]);
    expect(rows[1].prev_hash).toBe(rows[0].hash);
  });

  it('verifies intact', async () => {
    const report = await verifyAuditLog(t.db);
    expect(report.breaks).toEqual([]);
    expect(report.chains).toBe(2);
    expect(report.events).toBeGreaterThanOrEqual(8);
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database', async () => {
    await expect(t.db.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it('catches a row edited behind the trigger, and names it', async () => {
    const { rows } = await t.db.query(
      `SELECT id::text FROM audit_event WHERE action = 'auth.logout' ORDER BY id LIMIT 1`,
    );
    await t.db.query('BEGIN');
    await t.db.query(`SET LOCAL session_replication_role = replica`); // disables triggers: a tamperer with superuser rights
    await t.db.query(`UPDATE audit_event SET data = '{"note":"nothing happened"}' WHERE id = $1`, [
      rows[0].id,
    ]);
    await t.db.query('COMMIT');
    const report = await verifyAuditLog(t.db);
    expect(report.breaks).toEqual([expect.objectContaining({ id: rows[0].id, reason: 'content changed' })]);
  });

  it('catches a deleted row as a broken link at the row after it', async () => {
    const { rows } = await t.db.query(
      `SELECT e.id::text, e.chain FROM audit_event e JOIN agency a ON a.id = e.agency_id WHERE a.slug = 'second' ORDER BY e.id`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    await t.db.query('BEGIN');
    await t.db.query(`SET LOCAL session_replication_role = replica`);
    await t.db.query(`DELETE FROM audit_event WHERE id = $1`, [rows[1].id]);
    await t.db.query('COMMIT');
    const report = await verifyAuditLog(t.db);
    expect(report.breaks).toContainEqual({ chain: rows[2].chain, id: rows[2].id, reason: 'link broken' });
  });
});
