import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAuditLog } from '../../apps/api/src/audit/audit-verifier';
import { DedupeScoreJob } from '../../apps/api/src/dedupe/dedupe-score.job';
import { JobQueue } from '../../apps/api/src/jobs/job-queue';
import { RetentionService } from '../../apps/api/src/records/retention/retention.service';
import { DEDUPE_SCORE_JOB, TIP_MEDIA_JOB } from '../../apps/api/src/jobs/job-registry';
import { ApiClient } from '../support/api-client';
import { jpegWithGps } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

/**
 * Forwarding a tip between agencies of the platform (issue 19, point 4): a transfer (the other
 * agency owns it, the tipster's thread follows) or an information copy (content and cleaned files
 * only), revocable until the other agency opens it, recorded in both audit chains, and strict
 * tenancy for everything else.
 */
let t: TestApp;
let anon: ApiClient;
let supA: ApiClient;
let invA: ApiClient;
let supB: ApiClient;
let invB: ApiClient;
let demoId: string;
let secondId: string;

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  anon = new ApiClient(t.baseUrl);
  supA = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
  invA = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  supB = await ApiClient.signedIn(t.baseUrl, 'supervisor@second.test');
  invB = await ApiClient.signedIn(t.baseUrl, 'investigator@second.test');
  const { rows } = await t.db.query(`SELECT id, slug FROM agency`);
  demoId = rows.find((r) => r.slug === 'demo').id;
  secondId = rows.find((r) => r.slug === 'second').id;
});
afterAll(() => t.close());

async function sendTip(fields: Record<string, string> = {}, withPhoto = false) {
  const files = withPhoto
    ? [{ data: await jpegWithGps(640, 480), name: 'IMG_1.JPG', type: 'image/jpeg' }]
    : [];
  const res = await anon.post(
    '/api/public/tips',
    tipForm({ description: 'Une camionnette blanche rue Principale, plaque FXR 2231.', ...fields }, files),
  );
  expect(res.status).toBe(201);
  const { code, password } = res.body as { code: string; password: string };
  const id: string = (await t.db.query(`SELECT id FROM tip WHERE code = $1`, [code])).rows[0].id;
  if (withPhoto) await t.app.get(JobQueue).drain(TIP_MEDIA_JOB);
  return { id, code, password };
}

const forward = (c: ApiClient, tipId: string, body: Record<string, unknown>) =>
  c.post(`/api/tips/${tipId}/forward`, body);

async function auditActions(agencyId: string, entityId: string): Promise<string[]> {
  const { rows } = await t.db.query(
    `SELECT action FROM audit_event WHERE chain = $1 AND entity_id = $2 ORDER BY id`,
    [agencyId, entityId],
  );
  return rows.map((r) => r.action);
}

/** Everything a bad forward could have changed. */
async function state(tipId: string) {
  const tip = await t.db.query(`SELECT agency_id, status, version FROM tip WHERE id = $1`, [tipId]);
  const forwards = await t.db.query(`SELECT count(*)::int AS n FROM tip_forward`);
  const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_event`);
  const tips = await t.db.query(`SELECT count(*)::int AS n FROM tip`);
  return { tip: tip.rows[0], forwards: forwards.rows[0].n, audit: audit.rows[0].n, tips: tips.rows[0].n };
}

describe('the agencies a tip can go to', () => {
  it('lists the other agencies that can receive tips, by name, for supervisors only', async () => {
    await t.db.query(
      `INSERT INTO agency (slug, name, time_zone) VALUES ('empty', 'Agency Without Staff', 'America/Toronto')`,
    );
    const res = await supA.get('/api/forwards/agencies');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ id: secondId, name: 'Second Police Service' }]);
    expect((await supB.get('/api/forwards/agencies')).body).toEqual([
      { id: demoId, name: 'Demo Police Service' },
    ]);
    expect((await invA.get('/api/forwards/agencies')).status).toBe(403);
  });
});

describe('bad forwards change nothing', () => {
  it('refuses an unknown agency, an agency that cannot receive, the same agency, and malformed bodies', async () => {
    const tip = await sendTip();
    const before = await state(tip.id);
    const emptyId = (await t.db.query(`SELECT id FROM agency WHERE slug = 'empty'`)).rows[0].id;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ agency: '5b0c8a52-7a43-4c1e-9a3f-2f4b7e1d9c11', mode: 'COPY', note: 'x' }, 400, 'UNKNOWN_AGENCY'],
      [{ agency: emptyId, mode: 'TRANSFER', note: 'x' }, 400, 'UNKNOWN_AGENCY'],
      [{ agency: demoId, mode: 'TRANSFER', note: 'x' }, 400, 'SAME_AGENCY'],
      [{ agency: demoId, mode: 'COPY', note: 'x' }, 400, 'SAME_AGENCY'],
      [{ agency: 'second', mode: 'COPY', note: 'x' }, 400, 'VALIDATION_FAILED'],
      [{ agency: secondId, mode: 'MOVE', note: 'x' }, 400, 'VALIDATION_FAILED'],
      [{ agency: secondId, mode: 'COPY', note: '   ' }, 400, 'VALIDATION_FAILED'],
      [{ agency: secondId, mode: 'COPY' }, 400, 'VALIDATION_FAILED'],
      [{ agency: secondId, mode: 'COPY', note: 'x'.repeat(2001) }, 400, 'VALIDATION_FAILED'],
      [{ agency: secondId, mode: 'COPY', note: 'x', extra: true }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await forward(supA, tip.id, body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
    }
    const unknown = await forward(supA, tip.id, {
      agency: '5b0c8a52-7a43-4c1e-9a3f-2f4b7e1d9c11',
      mode: 'COPY',
      note: 'x',
    });
    expect(unknown.body.errors).toHaveProperty('agency');
    expect(await state(tip.id)).toEqual(before);
  });

  it('answers 403 to an investigator, 404 to another agency, 400 to a malformed id; nothing changes', async () => {
    const tip = await sendTip();
    const before = await state(tip.id);
    const body = { agency: secondId, mode: 'COPY', note: 'Pour information' };
    expect((await forward(invA, tip.id, body)).status).toBe(403);
    expect((await forward(supB, tip.id, { ...body, agency: demoId })).status).toBe(404);
    expect((await supA.post(`/api/tips/not-a-uuid/forward`, body)).status).toBe(400);
    expect((await forward(supA, '0b9c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d', body)).status).toBe(404);
    expect(await state(tip.id)).toEqual(before);
  });
});

describe('an information copy', () => {
  it('gives the other agency the content and cleaned files, nothing of the tipster; the thread stays here', async () => {
    const tip = await sendTip({ contactName: 'Marie Tremblay', contactPhone: '514-555-0199' }, true);
    const res = await forward(supA, tip.id, {
      agency: secondId,
      mode: 'COPY',
      note: '  Cette camionnette est peut-être liée à votre vol du 3 décembre.  ',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      mode: 'COPY',
      tipId: tip.id,
      to: { id: secondId, name: 'Second Police Service' },
      note: 'Cette camionnette est peut-être liée à votre vol du 3 décembre.',
      revocable: true,
      snapshot: { code: tip.code, mediaSent: 1, contactSent: false },
    });
    expect(res.body.openedAt).toBeUndefined();

    // The origin keeps its tip, and sees what it sent.
    const mine = await supA.get(`/api/tips/${tip.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.sentForwards).toMatchObject([{ id: res.body.id, mode: 'COPY', revocable: true }]);

    // The other agency finds it in its inbox with a badge, as a tip of its own.
    const inbox = await invB.get('/api/tips');
    const line = inbox.body.items.find((i: { excerpt: string }) => i.excerpt.includes('FXR 2231'));
    expect(line).toMatchObject({
      status: 'NEW',
      forwardedFrom: { mode: 'COPY', agencyName: 'Demo Police Service' },
      mediaCount: 1,
    });
    expect(line.id).not.toBe(tip.id);
    expect(line.code).not.toBe(tip.code);
    const copy = await invB.get(`/api/tips/${line.id}`);
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({
      description: 'Une camionnette blanche rue Principale, plaque FXR 2231.',
      informationCopy: true,
      hasContact: false,
      receivedForward: {
        id: res.body.id,
        mode: 'COPY',
        from: { id: demoId, name: 'Demo Police Service' },
        note: 'Cette camionnette est peut-être liée à votre vol du 3 décembre.',
      },
      sentForwards: [],
    });
    expect(copy.body.media).toHaveLength(1);
    expect(copy.body.media[0].evidence).toBeNull();
    const picture = await invB.request('GET', copy.body.media[0].renditions[0].url);
    expect(picture.status).toBe(200);
    // Nothing of the tipster was copied: no contact, no reward, a passphrase nobody was given.
    const { rows } = await t.db.query(
      `SELECT contact_enc, contact_phone_key, reward_terms, agency_id FROM tip WHERE id = $1`,
      [line.id],
    );
    expect(rows[0]).toEqual({
      contact_enc: null,
      contact_phone_key: null,
      reward_terms: null,
      agency_id: secondId,
    });
    expect((await invB.post(`/api/tips/${line.id}/contact`)).body).toEqual({});
    const write = await invB.post(`/api/tips/${line.id}/messages`, { body: 'Pouvez-vous préciser ?' });
    expect(write).toMatchObject({ status: 409, body: { code: 'INFORMATION_COPY' } });
    const original = await invB.post(`/api/tips/${line.id}/media/${copy.body.media[0].id}/original`, {
      reason: 'Pour voir',
    });
    expect(original).toMatchObject({ status: 409, body: { code: 'INFORMATION_COPY' } });
    // And the origin's own tip stays out of reach.
    expect((await invB.get(`/api/tips/${tip.id}`)).status).toBe(404);

    // Opened: the forward can no longer be revoked, and both chains say so.
    const revoke = await supA.delete(`/api/tips/${tip.id}/forward/${res.body.id}`);
    expect(revoke).toMatchObject({ status: 409, body: { code: 'FORWARD_OPENED' } });
    const record = await supA.get(`/api/forwards/${res.body.id}`);
    expect(record.body.openedAt).toEqual(expect.any(String));
    expect(record.body.revocable).toBe(false);
    expect(await auditActions(demoId, tip.id)).toEqual(
      expect.arrayContaining(['tip.forwarded', 'tip.forward_opened']),
    );
    expect(await auditActions(secondId, line.id)).toEqual([
      'tip.forward_received',
      'tip.forward_opened',
      'tip.contact_revealed',
    ]);

    // The tipster's follow-up still reaches the origin only.
    const token = (await anon.post('/api/public/tips/follow-up', { code: tip.code, password: tip.password }))
      .body.token;
    await anon.post(
      '/api/public/tips/follow-up/messages',
      { body: 'Elle est repassée ce matin.' },
      { authorization: `Bearer ${token}` },
    );
    expect(
      (await invA.get(`/api/tips/${tip.id}`)).body.messages.map((m: { body: string }) => m.body),
    ).toContain('Elle est repassée ce matin.');
    expect((await invB.get(`/api/tips/${line.id}`)).body.messages).toEqual([]);
    expect((await verifyAuditLog(t.db)).breaks).toEqual([]);
  });

  it('is revoked before it is opened: the copy and its files are gone, both chains record it', async () => {
    const tip = await sendTip(
      { description: 'Un homme en manteau rouge, rue Notre-Dame, copie révoquée.' },
      true,
    );
    const res = await forward(supA, tip.id, { agency: secondId, mode: 'COPY', note: 'Pour information' });
    expect(res.status).toBe(201);
    const { rows } = await t.db.query(`SELECT received_tip_id FROM tip_forward WHERE id = $1`, [res.body.id]);
    const copyId = rows[0].received_tip_id;
    const files = (
      await t.db.query(`SELECT renditions FROM tip_media WHERE tip_id = $1`, [copyId])
    ).rows.flatMap((r) => r.renditions.map((x: { key: string }) => join(t.dataDir, 'media', x.key)));
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f) => existsSync(f))).toBe(true);

    // A second copy to the same agency while the first is pending is refused.
    const again = await forward(supA, tip.id, { agency: secondId, mode: 'COPY', note: 'Encore' });
    expect(again).toMatchObject({ status: 409, body: { code: 'ALREADY_FORWARDED' } });
    // Another agency cannot revoke it, nor read its record.
    expect((await supB.delete(`/api/tips/${tip.id}/forward/${res.body.id}`)).status).toBe(404);
    expect((await supB.get(`/api/forwards/${res.body.id}`)).status).toBe(404);
    expect((await invA.delete(`/api/tips/${tip.id}/forward/${res.body.id}`)).status).toBe(403);

    const revoked = await supA.delete(`/api/tips/${tip.id}/forward/${res.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ revokedAt: expect.any(String), revocable: false });
    expect((await invB.get(`/api/tips/${copyId}`)).status).toBe(404);
    expect((await t.db.query(`SELECT 1 FROM tip WHERE id = $1`, [copyId])).rows).toEqual([]);
    expect(files.some((f) => existsSync(f))).toBe(false);
    const inbox = await invB.get('/api/tips?q=manteau');
    expect(inbox.body.items).toEqual([]);
    expect(await auditActions(demoId, tip.id)).toEqual(
      expect.arrayContaining(['tip.forwarded', 'tip.forward_revoked']),
    );
    expect(await auditActions(secondId, copyId)).toEqual(['tip.forward_received', 'tip.forward_revoked']);
    const twice = await supA.delete(`/api/tips/${tip.id}/forward/${res.body.id}`);
    expect(twice).toMatchObject({ status: 409, body: { code: 'FORWARD_REVOKED' } });
    // Revoked, it can be sent again.
    expect((await forward(supA, tip.id, { agency: secondId, mode: 'COPY', note: 'Finalement' })).status).toBe(
      201,
    );
  });
});

describe('a transfer', () => {
  it('hands the tip and the tipster’s thread to the other agency; the origin keeps a read-only record', async () => {
    // An earlier tip of the first agency, nearly the same words: a duplicate pair within it.
    const twin = await sendTip({
      description: 'Transfert : un vélo volé vu au marché Jean-Talon hier, plaque du camion GHT 4512.',
    });
    await t.app.get(JobQueue).drain(DEDUPE_SCORE_JOB);
    const tip = await sendTip({
      description: 'Transfert : un vélo volé vu au marché Jean-Talon, plaque du camion GHT 4512.',
      contactEmail: 'temoin@example.org',
    });
    const me = (await invA.get('/api/auth/me')).body;
    const opened = (await invA.get(`/api/tips/${tip.id}`)).body;
    await invA.patch(`/api/tips/${tip.id}`, {
      version: opened.version,
      status: 'IN_REVIEW',
      assigneeId: me.id,
      tags: ['vélo'],
    });
    await invA.post(`/api/tips/${tip.id}/notes`, { body: 'Note interne : déjà vu ce vélo.' });
    await invA.post(`/api/tips/${tip.id}/messages`, { body: 'De quelle couleur était le vélo ?' });

    await t.app.get(JobQueue).drain(DEDUPE_SCORE_JOB);
    const pairs = `SELECT agency_id FROM duplicate_suggestion WHERE (tip_a = $1 AND tip_b = $2) OR (tip_a = $2 AND tip_b = $1)`;
    expect((await t.db.query(pairs, [tip.id, twin.id])).rows).toEqual([{ agency_id: demoId }]);
    const plates = `SELECT DISTINCT agency_id FROM tip_observable WHERE tip_id = $1 AND value = 'GHT4512'`;
    expect((await t.db.query(plates, [tip.id])).rows).toEqual([{ agency_id: demoId }]);
    const res = await forward(supA, tip.id, {
      agency: secondId,
      mode: 'TRANSFER',
      note: 'Le marché est sur votre territoire.',
    });
    expect(res.status).toBe(201);
    // Duplicates are agency by agency: the pair with the first agency's tip is gone, and the
    // tip is scored again among the new owner's.
    expect((await t.db.query(pairs, [tip.id, twin.id])).rows).toEqual([]);
    // What the tip mentions goes with it: the first agency's "who mentions this plate" no longer finds it.
    expect((await t.db.query(plates, [tip.id])).rows).toEqual([{ agency_id: secondId }]);
    const mentions = await invA.get('/api/observables/mentions?kind=PLATE&value=GHT4512');
    expect(mentions.body.tips.map((x: { id: string }) => x.id)).toEqual([twin.id]);
    await t.app.get(JobQueue).drain(DEDUPE_SCORE_JOB);
    expect(
      (await t.db.query(`SELECT agency_id FROM tip_fingerprint WHERE tip_id = $1`, [tip.id])).rows,
    ).toEqual([{ agency_id: secondId }]);
    expect((await t.db.query(pairs, [tip.id, twin.id])).rows).toEqual([]);
    expect(res.body).toMatchObject({
      mode: 'TRANSFER',
      revocable: true,
      snapshot: {
        code: tip.code,
        status: 'IN_REVIEW',
        description: 'Transfert : un vélo volé vu au marché Jean-Talon, plaque du camion GHT 4512.',
        contactSent: true,
      },
      notes: [{ body: 'Note interne : déjà vu ce vélo.' }],
    });

    // The origin: 404 for the tip, everywhere, but its record of the forward stays readable.
    expect((await invA.get(`/api/tips/${tip.id}`)).status).toBe(404);
    expect((await invA.patch(`/api/tips/${tip.id}`, { version: 9, priority: 'HIGH' })).status).toBe(404);
    expect((await invA.get(`/api/tips?q=${tip.code}`)).body.items).toEqual([]);
    expect((await invA.get(`/api/forwards/${res.body.id}`)).status).toBe(200);
    expect((await invA.get('/api/forwards')).body.map((f: { id: string }) => f.id)).toContain(res.body.id);

    // The new owner triages it from the start; the origin's notes and tags stay behind.
    const theirs = await invB.get(`/api/tips/${tip.id}`);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({
      code: tip.code,
      status: 'NEW',
      tags: [],
      notes: [],
      hasContact: true,
      informationCopy: false,
      receivedForward: { mode: 'TRANSFER', note: 'Le marché est sur votre territoire.' },
      forwardedFrom: { mode: 'TRANSFER', agencyName: 'Demo Police Service' },
    });
    expect(theirs.body.assignee).toBeUndefined();
    // The earlier question is in the thread, its author not named to another agency.
    expect(theirs.body.messages).toMatchObject([{ body: 'De quelle couleur était le vélo ?' }]);
    expect(theirs.body.messages[0].author).toBeUndefined();
    expect(theirs.body.history.map((h: { action: string }) => h.action)).toEqual([
      'tip.forward_received',
      'tip.forward_opened',
    ]);

    // The tipster's code and passphrase now reach the new owner, both ways.
    const token = (await anon.post('/api/public/tips/follow-up', { code: tip.code, password: tip.password }))
      .body.token;
    const bearer = { authorization: `Bearer ${token}` };
    await anon.post('/api/public/tips/follow-up/messages', { body: 'Il était bleu.' }, bearer);
    const answer = await invB.post(`/api/tips/${tip.id}/messages`, { body: 'Merci, où est-il garé ?' });
    expect(answer.status).toBe(201);
    const thread = (await anon.get('/api/public/tips/follow-up', bearer)).body.messages.map(
      (m: { body: string }) => m.body,
    );
    expect(thread).toEqual([
      'De quelle couleur était le vélo ?',
      'Il était bleu.',
      'Merci, où est-il garé ?',
    ]);
    expect(
      (await t.db.query(`SELECT DISTINCT agency_id FROM tip_message WHERE tip_id = $1`, [tip.id])).rows,
    ).toEqual([{ agency_id: secondId }]);

    // Opened: too late to revoke.
    const revoke = await supA.delete(`/api/tips/${tip.id}/forward/${res.body.id}`);
    expect(revoke).toMatchObject({ status: 409, body: { code: 'FORWARD_OPENED' } });
    expect(await auditActions(demoId, tip.id)).toEqual(
      expect.arrayContaining(['tip.forwarded', 'tip.forward_opened']),
    );

    // The new owner may send it on, back to the first agency.
    const back = await forward(supB, tip.id, {
      agency: demoId,
      mode: 'TRANSFER',
      note: 'Finalement, chez vous.',
    });
    expect(back.status).toBe(201);
    expect((await invA.get(`/api/tips/${tip.id}`)).status).toBe(200);
    expect((await invB.get(`/api/tips/${tip.id}`)).status).toBe(404);
    expect((await verifyAuditLog(t.db)).breaks).toEqual([]);
  });

  it('leaves no duplicate signal or observable under the former agency, even written by a scoring run racing the transfer', async () => {
    const tip = await sendTip({ description: 'Transfert en course : une moto rouge, plaque KLM 3021.' });
    await t.app.get(JobQueue).drain(DEDUPE_SCORE_JOB);
    const res = await forward(supA, tip.id, { agency: secondId, mode: 'TRANSFER', note: 'À vous' });
    expect(res.status).toBe(201);
    await t.app.get(JobQueue).drain(DEDUPE_SCORE_JOB);
    // What a scoring run that read the tip before the transfer and wrote after it would leave.
    await t.db.query(`UPDATE tip_fingerprint SET agency_id = $2 WHERE tip_id = $1`, [tip.id, demoId]);
    await t.db.query(`UPDATE tip_text_band SET agency_id = $2 WHERE tip_id = $1`, [tip.id, demoId]);
    await t.db.query(`UPDATE tip_observable SET agency_id = $2 WHERE tip_id = $1`, [tip.id, demoId]);
    await t.app.get(DedupeScoreJob).score(tip.id);
    for (const table of ['tip_fingerprint', 'tip_text_band', 'tip_observable'])
      expect({
        table,
        rows: (await t.db.query(`SELECT DISTINCT agency_id FROM ${table} WHERE tip_id = $1`, [tip.id])).rows,
      }).toEqual({
        table,
        rows: [{ agency_id: secondId }],
      });
  });

  it('is revoked before it is opened: the tip comes back as triage left it', async () => {
    const tip = await sendTip({ description: 'Transfert révoqué : un camion rouge stationné.' });
    const me = (await invA.get('/api/auth/me')).body;
    const v = (await invA.get(`/api/tips/${tip.id}`)).body.version;
    await invA.patch(`/api/tips/${tip.id}`, {
      version: v,
      status: 'IN_REVIEW',
      assigneeId: me.id,
      tags: ['camion'],
    });
    const res = await forward(supA, tip.id, { agency: secondId, mode: 'TRANSFER', note: 'À vous' });
    expect(res.status).toBe(201);
    const revoked = await supA.delete(`/api/tips/${tip.id}/forward/${res.body.id}`);
    expect(revoked.status).toBe(200);
    const mine = await invA.get(`/api/tips/${tip.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ status: 'IN_REVIEW', tags: ['camion'], assignee: { id: me.id } });
    expect((await invB.get(`/api/tips/${tip.id}`)).status).toBe(404);
    expect(await auditActions(secondId, tip.id)).toEqual(['tip.forward_received', 'tip.forward_revoked']);
    expect(await auditActions(demoId, tip.id)).toEqual(
      expect.arrayContaining(['tip.forwarded', 'tip.forward_revoked']),
    );
  });

  it('cannot be revoked once the other agency has acted on it, even without opening it', async () => {
    const tip = await sendTip({ description: 'Transfert puis étiquette en lot.' });
    const res = await forward(supA, tip.id, { agency: secondId, mode: 'TRANSFER', note: 'À vous' });
    expect((await invB.post('/api/tips/bulk', { ids: [tip.id], addTags: ['reçu'] })).status).toBe(200);
    const revoke = await supA.delete(`/api/tips/${tip.id}/forward/${res.body.id}`);
    expect(revoke).toMatchObject({ status: 409, body: { code: 'FORWARD_OPENED' } });
    expect((await t.db.query(`SELECT agency_id FROM tip WHERE id = $1`, [tip.id])).rows[0].agency_id).toBe(
      secondId,
    );
  });

  it('is refused for a tip in one of the agency’s cases or that came by text message; a copy is still possible', async () => {
    const linked = await sendTip({ description: 'Dans un dossier : une moto noire.' });
    const kase = (await invA.post('/api/cases', { title: 'Motos' })).body;
    expect((await invA.post(`/api/cases/${kase.id}/tips`, { tipIds: [linked.id] })).status).toBe(201);
    const before = await state(linked.id);
    const refused = await forward(supA, linked.id, { agency: secondId, mode: 'TRANSFER', note: 'À vous' });
    expect(refused).toMatchObject({ status: 409, body: { code: 'TRANSFER_REFUSED', reason: 'IN_CASE' } });
    expect(await state(linked.id)).toEqual(before);
    expect((await forward(supA, linked.id, { agency: secondId, mode: 'COPY', note: 'Info' })).status).toBe(
      201,
    );

    const texted = await sendTip({ description: 'Par texto : un chien perdu.' });
    await t.db.query(`UPDATE tip SET channel = 'SMS' WHERE id = $1`, [texted.id]);
    const sms = await forward(supA, texted.id, { agency: secondId, mode: 'TRANSFER', note: 'À vous' });
    expect(sms).toMatchObject({ status: 409, body: { code: 'TRANSFER_REFUSED', reason: 'TEXT_MESSAGE' } });
  });

  it('is refused for a tip under legal hold or answering the agency’s reward; a copy is still possible', async () => {
    const held = await sendTip({ description: 'Sous garde légale : un camion gris.' });
    expect(
      (await supA.post(`/api/tips/${held.id}/legal-hold`, { hold: true, reason: 'Dossier 2026-118' })).status,
    ).toBe(200);
    const before = await state(held.id);
    const refused = await forward(supA, held.id, { agency: secondId, mode: 'TRANSFER', note: 'À vous' });
    expect(refused).toMatchObject({ status: 409, body: { code: 'TRANSFER_REFUSED', reason: 'LEGAL_HOLD' } });
    expect(await state(held.id)).toEqual(before);
    expect((await forward(supA, held.id, { agency: secondId, mode: 'COPY', note: 'Info' })).status).toBe(201);

    const rewarded = await sendTip({ description: 'Récompense offerte : une moto rouge.' });
    await t.db.query(`UPDATE tip SET reward_terms = $2 WHERE id = $1`, [
      rewarded.id,
      JSON.stringify({ amount: 1000, currency: 'CAD', terms: { fr: 'Si arrestation', en: 'If arrested' } }),
    ]);
    const reward = await forward(supA, rewarded.id, { agency: secondId, mode: 'TRANSFER', note: 'À vous' });
    expect(reward).toMatchObject({ status: 409, body: { code: 'TRANSFER_REFUSED', reason: 'REWARD_TERMS' } });
  });
});

describe('the sender’s record under retention', () => {
  const run = () => t.app.get(RetentionService).run({ dryRun: false, trigger: 'cli' });
  const recordExists = async (id: string) =>
    (await t.db.query(`SELECT 1 FROM tip_forward WHERE id = $1`, [id])).rows.length === 1;

  afterAll(() => t.db.query(`DELETE FROM retention_policy WHERE agency_id = $1`, [demoId]));

  it('keeps a transfer’s record for the agency’s closed-tip period from the transfer, then purges it with a tombstone', async () => {
    await t.db.query(
      `INSERT INTO retention_policy (agency_id, not_actionable_days, closed_days, updated_by)
         SELECT $1, NULL, 30, id FROM staff_user WHERE email = 'admin@demo.test'
         ON CONFLICT (agency_id) DO UPDATE SET closed_days = 30`,
      [demoId],
    );
    const tip = await sendTip({ description: 'Rétention : une voiture rouge garée au parc.' });
    const sent = await forward(supA, tip.id, { agency: secondId, mode: 'TRANSFER', note: 'À vous' });
    const age = (days: number) =>
      t.db.query(`UPDATE tip_forward SET forwarded_at = now() - make_interval(days => $2) WHERE id = $1`, [
        sent.body.id,
        days,
      ]);
    await age(29);
    expect((await run()).forwardRecords.purged).toBe(0);
    expect((await supA.get(`/api/forwards/${sent.body.id}`)).status).toBe(200);

    await age(31);
    const report = await run();
    expect(report.forwardRecords).toMatchObject({ purged: 1 });
    expect(await recordExists(sent.body.id)).toBe(false);
    expect((await supA.get(`/api/forwards/${sent.body.id}`)).status).toBe(404);
    // The tip is the other agency's, under its own policy: untouched.
    expect((await invB.get(`/api/tips/${tip.id}`)).status).toBe(200);
    const tombstone = await t.db.query(
      `SELECT chain, data FROM audit_event WHERE action = 'retention.purged' AND entity_id = $1`,
      [sent.body.id],
    );
    expect(tombstone.rows).toHaveLength(1);
    expect(tombstone.rows[0].chain).toBe(demoId);
    expect(JSON.stringify(tombstone.rows[0].data)).not.toContain('voiture');
    expect((await verifyAuditLog(t.db)).breaks).toEqual([]);
  });

  it('purges a copy’s record in the run that purges the tip it was made from, not before', async () => {
    const tip = await sendTip({ description: 'Rétention : un vélo bleu attaché au poteau.' });
    const sent = await forward(supA, tip.id, { agency: secondId, mode: 'COPY', note: 'Pour info' });
    const { received_tip_id: copyId } = (
      await t.db.query(`SELECT received_tip_id FROM tip_forward WHERE id = $1`, [sent.body.id])
    ).rows[0];
    await t.db.query(`UPDATE tip_forward SET forwarded_at = now() - interval '400 days' WHERE id = $1`, [
      sent.body.id,
    ]);
    await run();
    expect(await recordExists(sent.body.id)).toBe(true); // the tip is still here

    const opened = (await invA.get(`/api/tips/${tip.id}`)).body;
    expect(
      (await invA.patch(`/api/tips/${tip.id}`, { version: opened.version, status: 'NOT_ACTIONABLE' })).status,
    ).toBe(200);
    await t.db.query(`UPDATE tip SET status_changed_at = now() - interval '400 days' WHERE id = $1`, [
      tip.id,
    ]);
    const report = await run();
    expect(report.purged).toContain(tip.id);
    expect(await recordExists(sent.body.id)).toBe(false);
    // The copy the other agency received is its own tip.
    expect((await t.db.query(`SELECT 1 FROM tip WHERE id = $1`, [copyId])).rows).toHaveLength(1);
  });
});
