import { Clock } from '../../apps/api/src/common/clock';
import { DEDUPE_SCORE_JOB } from '../../apps/api/src/jobs/job-registry';
import { JobQueue } from '../../apps/api/src/jobs/job-queue';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

let t: TestApp;
let anon: ApiClient;
let investigator: ApiClient;
let supervisor: ApiClient;
let meId: string;

async function sendTip(fields: Record<string, string>) {
  const res = await anon.post('/api/public/tips', tipForm(fields));
  expect(res.status).toBe(201);
  const { rows } = await t.db.query(`SELECT id FROM tip WHERE code = $1`, [res.body.code]);
  return { ...res.body, id: rows[0].id as string };
}

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  anon = new ApiClient(t.baseUrl);
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
  meId = (await investigator.get('/api/auth/me')).body.id;
});
afterAll(() => t.close());

describe('the inbox', () => {
  let amberTip: { id: string; code: string };

  it('puts an AMBER sighting with a place first, then the newest', async () => {
    // An active AMBER alert for this agency, published through the workflow.
    const pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
    const created = await pio.post('/api/appeals', {
      kind: 'AMBER_ALERT',
      content: {
        title: { fr: 'Alerte AMBER : Zoé, 5 ans' },
        summary: { fr: 'Enlevée à Laval.' },
        subjects: [{ role: 'CHILD', name: 'Zoé' }],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    await pio.post(`/api/appeals/${created.body.id}/submit`);
    await supervisor.post(`/api/appeals/${created.body.id}/approve`);

    await sendTip({ description: 'Une vieille affaire, je me souviens de quelque chose.' });
    amberTip = await sendTip({
      description: 'Je viens de voir la petite Zoé dans une voiture grise.',
      appeal: created.body.slug,
      place: 'Boulevard Curé-Labelle',
    });
    await sendTip({ description: 'Des témoins parlaient d’un incendie près du marché.' });

    const page = await investigator.get('/api/tips?status=NEW');
    expect(page.status).toBe(200);
    expect(page.body.items[0]).toMatchObject({
      id: amberTip.id,
      priority: 'URGENT',
      status: 'NEW',
      hasLocation: true,
    });
    const rest = page.body.items.slice(1).map((i: { receivedAt: string }) => i.receivedAt);
    expect([...rest].sort().reverse()).toEqual(rest);
    expect(page.body.counts.NEW).toBeGreaterThanOrEqual(3);
  });

  it('finds French text with an accent-less query, and English with stemming', async () => {
    const fr = await investigator.get('/api/tips?q=temoin');
    expect(fr.body.items.map((i: { excerpt: string }) => i.excerpt)).toEqual([
      expect.stringContaining('témoins parlaient'),
    ]);
    await sendTip({ description: 'The witnesses were running towards the bridge.', language: 'en' });
    const en = await investigator.get('/api/tips?q=witness%20running');
    expect(en.body.items).toHaveLength(1);
  });

  it('pages with a cursor, never repeating or skipping a tip', async () => {
    for (let i = 0; i < 7; i++) await sendTip({ description: `Tip numéro ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await investigator.get(
        `/api/tips?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const { rows } = await t.db.query(
      `SELECT t.id FROM tip t JOIN agency a ON a.id = t.agency_id WHERE a.slug = 'demo' ORDER BY t.priority_rank, t.received_at DESC, t.id DESC`,
    );
    expect(seen).toEqual(rows.map((r) => r.id));
  });

  it('filters by assignee, media, location, tag and date', async () => {
    const tip = await sendTip({ description: 'Filtre', latitude: '45.5', longitude: '-73.6' });
    const detail = (await investigator.get(`/api/tips/${tip.id}`)).body;
    await investigator.patch(`/api/tips/${tip.id}`, {
      version: detail.version,
      assigneeId: meId,
      tags: ['véhicule'],
    });
    const ids = async (q: string) =>
      (await investigator.get(`/api/tips?${q}`)).body.items.map((i: { id: string }) => i.id);
    expect(await ids('assignee=me')).toEqual([tip.id]);
    expect(await ids('assignee=unassigned')).not.toContain(tip.id);
    expect(await ids('tag=v%C3%A9hicule')).toEqual([tip.id]);
    expect(await ids('hasLocation=true')).toContain(tip.id);
    expect(await ids('hasMedia=true')).not.toContain(tip.id);
    // Narrow filters leave the tab counts out rather than count most of the agency's tips.
    expect((await investigator.get('/api/tips?hasLocation=true')).body.counts).toBeNull();
    expect(
      await ids(`receivedFrom=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`),
    ).toEqual([]);
  });

  it("shows each tip's channel and filters by it", async () => {
    const web = await sendTip({ description: 'Reçu par le formulaire' });
    const texted = await sendTip({ description: 'Reçu par texto' });
    // No text-message intake yet in this file: the row is marked as one would be, straight in the table.
    await t.db.query(`UPDATE tip SET channel = 'SMS' WHERE id = $1`, [texted.id]);
    const list = async (q: string) =>
      (await investigator.get(`/api/tips?limit=100&${q}`)).body.items as { id: string; channel: string }[];
    const all = await list('');
    expect(all.find((i) => i.id === web.id)?.channel).toBe('WEB');
    expect(all.find((i) => i.id === texted.id)?.channel).toBe('SMS');
    const sms = await list('channel=SMS');
    expect(sms.map((i) => i.id)).toEqual([texted.id]);
    const webOnly = await list('channel=WEB');
    expect(webOnly.map((i) => i.id)).toContain(web.id);
    expect(webOnly.map((i) => i.id)).not.toContain(texted.id);
    expect(await list('channel=PHONE')).toEqual([]);
    expect((await investigator.get(`/api/tips/${texted.id}`)).body.channel).toBe('SMS');
    expect((await investigator.get(`/api/tips/${web.id}`)).body.channel).toBe('WEB');
    expect((await investigator.get('/api/tips?channel=SMS')).body.counts).toBeNull();
  });

  it('refuses an unknown channel, and the database refuses one too', async () => {
    for (const bad of ['FAX', 'sms', '', 'SMS,WEB']) {
      const res = await investigator.get(`/api/tips?channel=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('channel');
    }
    const tip = await sendTip({ description: 'Canal' });
    await expect(t.db.query(`UPDATE tip SET channel = 'FAX' WHERE id = $1`, [tip.id])).rejects.toThrow(
      /tip_channel_check/,
    );
  });

  it('shows how many likely duplicates each tip has', async () => {
    const first = await sendTip({
      description: 'Camionnette blanche devant l’école.',
      contactPhone: '514-555-0177',
    });
    const again = await sendTip({
      description: 'Je rappelle pour la camionnette.',
      contactPhone: '+1 514 555 0177',
    });
    await t.app.get(JobQueue).drain(DEDUPE_SCORE_JOB);
    const items: { id: string; duplicateCount: number }[] = (await investigator.get('/api/tips?limit=100'))
      .body.items;
    expect(items.find((i) => i.id === first.id)?.duplicateCount).toBeGreaterThanOrEqual(1);
    expect(items.find((i) => i.id === again.id)?.duplicateCount).toBeGreaterThanOrEqual(1);
  });

  it('refuses unknown filters, malformed cursors and huge pages', async () => {
    expect((await investigator.get('/api/tips?colour=red')).status).toBe(400);
    expect((await investigator.get('/api/tips?cursor=not-a-cursor')).body.code).toBe('BAD_CURSOR');
    expect(
      (await investigator.get(`/api/tips?cursor=${Buffer.from('[9,"x","y"]').toString('base64url')}`)).status,
    ).toBe(400);
    expect((await investigator.get('/api/tips?limit=100000')).status).toBe(400);
    expect((await investigator.get('/api/tips?status=SHREDDED')).status).toBe(400);
    expect((await investigator.get('/api/tips?assignee=somebody')).status).toBe(400);
  });
});

describe('triage', () => {
  it('claims a tip; a second investigator with the old version gets 409 and the current state', async () => {
    const tip = await sendTip({ description: 'Deux enquêteurs, un seul signalement.' });
    const first = (await investigator.get(`/api/tips/${tip.id}`)).body;
    const claimed = await investigator.patch(`/api/tips/${tip.id}`, {
      version: first.version,
      assigneeId: meId,
      status: 'IN_REVIEW',
    });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({
      status: 'IN_REVIEW',
      assignee: { id: meId, displayName: 'Isa Investigator' },
    });

    const late = await supervisor.patch(`/api/tips/${tip.id}`, {
      version: first.version,
      status: 'NOT_ACTIONABLE',
    });
    expect(late.status).toBe(409);
    expect(late.body.current).toMatchObject({ status: 'IN_REVIEW', assigneeId: meId });
    expect((await investigator.get(`/api/tips/${tip.id}`)).body.status).toBe('IN_REVIEW');
  });

  it('enforces the workflow', async () => {
    const tip = await sendTip({ description: 'Transitions.' });
    let v = (await investigator.get(`/api/tips/${tip.id}`)).body.version;
    const illegal = await investigator.patch(`/api/tips/${tip.id}`, { version: v, status: 'CLOSED' });
    expect(illegal.status).toBe(409);
    expect(illegal.body.code).toBe('ILLEGAL_TRANSITION');
    expect((await investigator.patch(`/api/tips/${tip.id}`, { version: v, status: 'LINKED' })).status).toBe(
      409,
    );
    for (const status of ['IN_REVIEW', 'NEEDS_INFO', 'IN_REVIEW', 'ACTIONABLE', 'CLOSED', 'IN_REVIEW']) {
      const res = await investigator.patch(`/api/tips/${tip.id}`, { version: v, status });
      expect(`${status}:${res.status}`).toBe(`${status}:200`);
      v = res.body.version;
    }
  });

  it('overrides priority, keeps notes, writes to the tipster who reads it in follow-up', async () => {
    const tip = await sendTip({ description: 'Je peux en dire plus.' });
    const v = (await investigator.get(`/api/tips/${tip.id}`)).body.version;
    expect(
      (await investigator.patch(`/api/tips/${tip.id}`, { version: v, priority: 'HIGH' })).body.priority,
    ).toBe('HIGH');
    const noted = await investigator.post(`/api/tips/${tip.id}/notes`, {
      body: 'Vérifier les caméras du dépanneur.',
    });
    expect(noted.body.notes).toEqual([
      expect.objectContaining({
        body: 'Vérifier les caméras du dépanneur.',
        author: expect.objectContaining({ displayName: 'Isa Investigator' }),
      }),
    ]);
    await investigator.post(`/api/tips/${tip.id}/messages`, { body: 'Pouvez-vous décrire le conducteur ?' });
    const token = (await anon.post('/api/public/tips/follow-up', { code: tip.code, password: tip.password }))
      .body.token;
    const followUp = await anon.get('/api/public/tips/follow-up', { authorization: `Bearer ${token}` });
    expect(followUp.body.messages).toEqual([
      { from: 'INVESTIGATOR', body: 'Pouvez-vous décrire le conducteur ?', at: expect.any(String) },
    ]);
    expect(followUp.body.status).toBe('RECEIVED');
    const history = (await investigator.get(`/api/tips/${tip.id}`)).body.history.map(
      (h: { action: string }) => h.action,
    );
    expect(history).toEqual(['tip.updated', 'tip.note_added', 'tip.message_sent']);
  });

  it('refuses messages to a closed tip', async () => {
    const tip = await sendTip({ description: 'Fermé.' });
    await t.db.query(`UPDATE tip SET status = 'CLOSED' WHERE id = $1`, [tip.id]);
    expect((await investigator.post(`/api/tips/${tip.id}/messages`, { body: 'Allô ?' })).status).toBe(409);
  });

  it('bulk-updates a selection, tip by tip (see inbox-assign-bulk.test.ts for refusals)', async () => {
    const a = await sendTip({ description: 'Lot A' });
    const b = await sendTip({ description: 'Lot B' });
    const ok = await investigator.post('/api/tips/bulk', {
      ids: [a.id, b.id],
      status: 'IN_REVIEW',
      assigneeId: meId,
      addTags: ['lot'],
    });
    expect([...ok.body.updated].sort()).toEqual([a.id, b.id].sort());
    expect(ok.body.refused).toEqual([]);
    await t.db.query(`UPDATE tip SET status = 'CLOSED' WHERE id = $1`, [b.id]);
    const partial = await investigator.post('/api/tips/bulk', { ids: [a.id, b.id], status: 'ACTIONABLE' });
    expect(partial.status).toBe(200);
    expect(partial.body.updated).toEqual([a.id]);
    expect(partial.body.refused).toEqual([expect.objectContaining({ id: b.id, status: 'CLOSED' })]);
    expect((await investigator.get(`/api/tips/${a.id}`)).body.status).toBe('ACTIONABLE');
  });

  it('reveals contact details and opens sealed originals only as audited actions', async () => {
    const tip = await sendTip({ description: 'Rappelez-moi.', contactPhone: '514-555-0123' });
    const detail = (await investigator.get(`/api/tips/${tip.id}`)).body;
    expect(detail.hasContact).toBe(true);
    // The number as written and as stored, not '555' alone, which a random id may hold.
    expect(JSON.stringify(detail)).not.toMatch(/555-0123|5550123/);
    const contact = await investigator.post(`/api/tips/${tip.id}/contact`);
    expect(contact.body).toMatchObject({ phone: '514-555-0123' });
    const { rows } = await t.db.query(
      `SELECT action FROM audit_event WHERE entity_id = $1 AND action = 'tip.contact_revealed'`,
      [tip.id],
    );
    expect(rows).toHaveLength(1);
    expect(
      (
        await investigator.post(`/api/tips/${tip.id}/media/4b0e6c1c-5a8e-4a44-9a39-3f0a4f7d0c11/original`, {
          reason: 'court',
        })
      ).status,
    ).toBe(404);
    expect(
      (await investigator.post(`/api/tips/${tip.id}/media/4b0e6c1c-5a8e-4a44-9a39-3f0a4f7d0c11/original`, {}))
        .status,
    ).toBe(400);
  });
});

describe('cases', () => {
  it('numbers cases per agency and year, links tips (LINKED) and unlinks them (back to ACTIONABLE)', async () => {
    const tip = await sendTip({ description: 'Pour le dossier.', latitude: '45.52', longitude: '-73.58' });
    const first = await investigator.post('/api/cases', { title: 'Vols de catalyseurs', leadId: meId });
    const second = await investigator.post('/api/cases', { title: 'Incendie rue Ontario' });
    expect(first.body.number).toMatch(/^\d{4}-\d{6}$/);
    expect(Number(second.body.number.slice(5))).toBe(Number(first.body.number.slice(5)) + 1);

    const linked = await investigator.post(`/api/cases/${first.body.id}/tips`, { tipIds: [tip.id] });
    expect(linked.body.tips).toEqual([
      expect.objectContaining({ id: tip.id, status: 'LINKED', latitude: 45.52 }),
    ]);
    expect((await investigator.get(`/api/tips/${tip.id}`)).body.cases).toEqual([
      expect.objectContaining({ number: first.body.number }),
    ]);
    const unlinked = await investigator.delete(`/api/cases/${first.body.id}/tips/${tip.id}`);
    expect(unlinked.body.tips).toEqual([]);
    expect((await investigator.get(`/api/tips/${tip.id}`)).body.status).toBe('ACTIONABLE');
  });

  it('numbers a case in the year the agency’s clock reads, not UTC’s', async () => {
    const clock = t.app.get(Clock);
    try {
      clock.set('2031-01-01T03:00:00Z'); // 22:00 on 31 December 2030 in Toronto, the demo agency's zone
      const evening = await investigator.post('/api/cases', { title: 'Réveillon' });
      expect(evening.status).toBe(201);
      expect(evening.body.number).toMatch(/^2030-\d{6}$/);
      clock.set('2031-01-01T06:00:00Z'); // 01:00 on 1 January 2031 there: a new year, counted from 1
      const morning = await investigator.post('/api/cases', { title: 'Jour de l’an' });
      expect(morning.body.number).toBe('2031-000001');
    } finally {
      clock.set(undefined);
    }
  });

  it('refuses to link a closed tip, and a stale case edit', async () => {
    const tip = await sendTip({ description: 'Trop tard.' });
    await t.db.query(`UPDATE tip SET status = 'CLOSED' WHERE id = $1`, [tip.id]);
    const c = await investigator.post('/api/cases', { title: 'Dossier' });
    expect((await investigator.post(`/api/cases/${c.body.id}/tips`, { tipIds: [tip.id] })).status).toBe(409);
    expect(
      (await investigator.patch(`/api/cases/${c.body.id}`, { version: 1, title: 'Nouveau' })).status,
    ).toBe(200);
    expect(
      (await investigator.patch(`/api/cases/${c.body.id}`, { version: 1, title: 'Encore' })).status,
    ).toBe(409);
    expect((await investigator.post('/api/cases', { title: '  ' })).status).toBe(400);
  });
});
