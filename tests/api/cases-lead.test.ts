import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A case's lead: someone of the agency who can work its tips today (an active investigator or
 * supervisor). Anyone else is refused with a clear 4xx and the case is left as it was; a change
 * is audited with who led it before.
 */
let t: TestApp;
let investigator: ApiClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  const { rows } = await t.db.query(`SELECT id, email FROM staff_user`);
  for (const row of rows) ids[row.email] = row.id;
  // A colleague who left: still in the agency's records, no longer active.
  const { rows: gone } = await t.db.query(
    `INSERT INTO staff_user (agency_id, email, display_name, roles, disabled_at)
     SELECT agency_id, 'gone@demo.test', 'Gone Colleague', ARRAY['INVESTIGATOR'], now() FROM staff_user WHERE email = 'investigator@demo.test'
     RETURNING id`,
  );
  ids['gone@demo.test'] = gone[0].id;
});
afterAll(() => t.close());

async function newCase() {
  const res = await investigator.post('/api/cases', { title: `Vols de vélos ${Math.random()}` });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

async function caseRow(id: string) {
  const { rows } = await t.db.query(`SELECT lead_id, version FROM investigation_case WHERE id = $1`, [id]);
  return rows[0];
}

describe('a case’s lead', () => {
  it('is set to an active supervisor, shown by name, changed, cleared, each change audited', async () => {
    const c = await newCase();
    const set = await investigator.patch(`/api/cases/${c.id}`, {
      version: c.version,
      leadId: ids['supervisor@demo.test'],
    });
    expect(set.status).toBe(200);
    expect(set.body.lead).toEqual({ id: ids['supervisor@demo.test'], displayName: expect.any(String) });

    const changed = await investigator.patch(`/api/cases/${c.id}`, {
      version: set.body.version,
      leadId: ids['investigator@demo.test'],
    });
    expect(changed.body.lead.id).toBe(ids['investigator@demo.test']);
    const cleared = await investigator.patch(`/api/cases/${c.id}`, {
      version: changed.body.version,
      leadId: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.lead).toBeUndefined();

    const { rows } = await t.db.query(
      `SELECT data FROM audit_event WHERE entity_type = 'case' AND entity_id = $1 AND action = 'case.updated' ORDER BY id`,
      [c.id],
    );
    expect(rows.map((r) => [r.data.previousLeadId, r.data.leadId])).toEqual([
      [null, ids['supervisor@demo.test']],
      [ids['supervisor@demo.test'], ids['investigator@demo.test']],
      [ids['investigator@demo.test'], null],
    ]);
  });

  it('refuses anyone who cannot lead, and leaves the case as it was', async () => {
    const c = await newCase();
    const other = (await t.db.query(`SELECT id FROM staff_user WHERE email = 'investigator@second.test'`))
      .rows[0].id;
    const refusals: [unknown, number, string?][] = [
      ['not-a-uuid', 400],
      [42, 400],
      ['', 400],
      ['00000000-0000-4000-8000-000000000000', 400, 'UNKNOWN_LEAD'],
      [other, 400, 'UNKNOWN_LEAD'], // another agency's: as if no one
      [ids['gone@demo.test'], 409, 'LEAD_UNAVAILABLE'], // disabled
      [ids['analyst@demo.test'], 409, 'LEAD_UNAVAILABLE'], // reads tips, cannot work them
      [ids['pio@demo.test'], 409, 'LEAD_UNAVAILABLE'], // never sees tips
    ];
    for (const [leadId, status, code] of refusals) {
      const res = await investigator.patch(`/api/cases/${c.id}`, { version: c.version, leadId });
      expect({ leadId, status: res.status }).toEqual({ leadId, status });
      if (code) expect(res.body.code).toBe(code);
      expect(await caseRow(c.id)).toEqual({ lead_id: null, version: c.version });
    }
    // Stale, or with a field the contract does not have: refused too.
    const lead = ids['investigator@demo.test'];
    expect(
      (await investigator.patch(`/api/cases/${c.id}`, { version: c.version + 5, leadId: lead })).status,
    ).toBe(409);
    expect((await investigator.patch(`/api/cases/${c.id}`, { version: c.version, lead })).status).toBe(400);
    expect(await caseRow(c.id)).toEqual({ lead_id: null, version: c.version });
  });

  it('is checked when a case is opened with one: a refused lead opens no case', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM investigation_case`)).rows[0].n;
    const res = await investigator.post('/api/cases', { title: 'Incendie', leadId: ids['gone@demo.test'] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('LEAD_UNAVAILABLE');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM investigation_case`)).rows[0].n).toBe(before);
  });

  it('can be set by those who triage only; an analyst reading the case cannot', async () => {
    const c = await newCase();
    const analyst = await ApiClient.signedIn(t.baseUrl, 'analyst@demo.test');
    const res = await analyst.patch(`/api/cases/${c.id}`, {
      version: c.version,
      leadId: ids['investigator@demo.test'],
    });
    expect(res.status).toBe(403);
    expect(await caseRow(c.id)).toEqual({ lead_id: null, version: c.version });
  });
});
