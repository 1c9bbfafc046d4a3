import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as evidenceVerify } from '../../apps/api/src/cli/evidence-verify';
import { JobQueue } from '../../apps/api/src/jobs/job-queue';
import { verifyEvidencePackage } from '../../apps/api/src/records/evidence/evidence-verifier';
import { TIP_MEDIA_JOB } from '../../apps/api/src/jobs/job-registry';
import { ApiClient } from '../support/api-client';
import { jpegWithGps } from '../support/media-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';
import { postForFile, readZip, writeZip } from './records-zip';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

let t: TestApp;
let dir: string;
let investigator: ApiClient;
let supervisor: ApiClient;
let tipId: string;
let photos: Buffer[];
let packagePath: string;

/** Runs the CLI's own entry point in-process; returns its exit code and what it printed. */
async function verifyCli(path: string) {
  const lines: string[] = [];
  const code = await evidenceVerify([path], (l) => lines.push(l));
  return { code, output: lines.join('\n') };
}

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  dir = await mkdtemp(join(tmpdir(), 'vigie-evidence-'));
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');

  photos = [await jpegWithGps(), await jpegWithGps(640, 480)];
  const receipt = await new ApiClient(t.baseUrl).post(
    '/api/public/tips',
    tipForm(
      {
        description: 'Il est entré au <script>alert(1)</script> dépanneur à 22 h.',
        place: 'Rue Ontario',
        contactName: 'Jeanne Témoin',
        contactPhone: '514-555-0142',
      },
      photos.map((data, i) => ({ data, name: `IMG_${i}.JPG`, type: 'image/jpeg' })),
    ),
  );
  expect(receipt.status).toBe(201);
  tipId = (await t.db.query(`SELECT id FROM tip WHERE code = $1`, [receipt.body.code])).rows[0].id;
  await t.app.get(JobQueue).drain(TIP_MEDIA_JOB);
  const detail = (await investigator.get(`/api/tips/${tipId}`)).body;
  await investigator.patch(`/api/tips/${tipId}`, { version: detail.version, status: 'IN_REVIEW' });
  await investigator.post(`/api/tips/${tipId}/notes`, { body: 'Vérifier la caméra du dépanneur.' });
  await investigator.post(`/api/tips/${tipId}/messages`, { body: 'Quelle heure exactement ?' });
});
afterAll(() => t.close());

describe('evidence package of a tip', () => {
  it('streams a ZIP holding the transcript, the sealed originals byte for byte, the audit entries and a manifest', async () => {
    packagePath = join(dir, 'tip.zip');
    const res = await postForFile(
      investigator,
      `/api/tips/${tipId}/evidence-export`,
      { reason: 'Subpoena 2026-117' },
      packagePath,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-length')).toBeNull(); // streamed, not built in memory first

    const files = await readZip(packagePath);
    const media = (
      await t.db.query(`SELECT id, sha256 FROM tip_media WHERE tip_id = $1 ORDER BY bytes DESC`, [tipId])
    ).rows;
    expect(files.get(`originals/${media[0].id}.jpg`)).toEqual(photos[0]);
    expect(files.get(`originals/${media[1].id}.jpg`)).toEqual(photos[1]);

    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    expect(manifest).toMatchObject({
      format: 'vigie-evidence/1',
      subject: { type: 'tip', id: tipId },
      agency: { slug: 'demo' },
      exportedBy: { displayName: expect.any(String), roles: ['INVESTIGATOR'] },
      reason: 'Subpoena 2026-117',
      includesContact: false,
    });
    for (const f of manifest.files) expect(sha256(files.get(f.path)!)).toBe(f.sha256);
    expect(files.get('manifest.sha256')!.toString()).toBe(
      `${sha256(files.get('manifest.json')!)}  manifest.json\n`,
    );

    const transcript = JSON.parse(files.get('transcript.json')!.toString());
    expect(transcript.tips[0]).toMatchObject({
      id: tipId,
      place: 'Rue Ontario',
      notes: [expect.objectContaining({ body: 'Vérifier la caméra du dépanneur.' })],
      messages: [expect.objectContaining({ from: 'INVESTIGATOR', body: 'Quelle heure exactement ?' })],
    });
    expect(transcript.tips[0].media[0].evidence).toMatchObject({ device: { model: 'iPhone 15' } });
    expect(transcript.tips[0]).not.toHaveProperty('contact');
    const html = files.get('transcript.html')!.toString();
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('<script>');
    for (const file of files.values()) expect(file.toString('latin1')).not.toContain('555-0142');

    const audit = JSON.parse(files.get('audit.json')!.toString());
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual([
      'tip.updated',
      'tip.note_added',
      'tip.message_sent',
    ]);

    // The export itself is audited with the manifest's hash: the agency can prove it made this file.
    const { rows } = await t.db.query(
      `SELECT actor_id, data FROM audit_event WHERE action = 'evidence.exported' AND entity_id = $1`,
      [tipId],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          exportId: manifest.exportId,
          manifestSha256: sha256(files.get('manifest.json')!),
        }),
      }),
    ]);
  });

  it('verifies as intact (exit 0), with every file and audit hash recomputed', async () => {
    const { code, output } = await verifyCli(packagePath);
    expect(output).toContain('VALID');
    expect(code).toBe(0);
    const report = await verifyEvidencePackage(packagePath);
    expect(report.audit).toMatchObject({ entries: 3, linked: 2 });
  });

  it('fails when one byte of one original is altered, naming the file', async () => {
    const zip = await readFile(packagePath);
    const media = (
      await t.db.query(`SELECT id FROM tip_media WHERE tip_id = $1 ORDER BY bytes DESC`, [tipId])
    ).rows;
    // Originals are stored uncompressed, so the photo's bytes sit verbatim inside the ZIP. Its
    // middle is image data, unlike its header, which the two photos share.
    const middle = Math.floor(photos[0].length / 2);
    const at = zip.indexOf(photos[0].subarray(middle, middle + 64));
    expect(at).toBeGreaterThan(0);
    zip[at] ^= 0x01;
    const tampered = join(dir, 'tampered.zip');
    await writeFile(tampered, zip);
    const { code, output } = await verifyCli(tampered);
    expect(code).toBe(2);
    expect(output).toContain('INVALID');
    expect(output).toContain(`originals/${media[0].id}.jpg: SHA-256 differs from the manifest`);
  });

  it('catches a forged manifest, an altered audit entry, an added file and a swapped original', async () => {
    const files = await readZip(packagePath);
    const forge = async (name: string, change: (f: Map<string, Buffer>) => void) => {
      const copy = new Map(files);
      change(copy);
      await writeZip(join(dir, name), copy);
      return verifyCli(join(dir, name));
    };

    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    const original = manifest.files.find((f: { path: string }) => f.path.startsWith('originals/'));
    const forgedManifest = await forge('forged-manifest.zip', (f) => {
      f.set(original.path, Buffer.from('a different photo'));
      original.sha256 = sha256('a different photo');
      original.bytes = 17;
      f.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    });
    expect(forgedManifest.code).toBe(2);
    expect(forgedManifest.output).toContain('manifest.json does not match manifest.sha256');
    expect(forgedManifest.output).toContain(`${original.path}: not the file sealed at receipt`);

    const audit = JSON.parse(files.get('audit.json')!.toString());
    audit.entries[1].data = { noteId: 'nothing-happened' };
    const alteredAudit = await forge('altered-audit.zip', (f) =>
      f.set('audit.json', Buffer.from(JSON.stringify(audit))),
    );
    expect(alteredAudit.code).toBe(2);
    expect(alteredAudit.output).toContain(
      `audit.json entry ${audit.entries[1].id}: its hash does not match its content`,
    );
    expect(alteredAudit.output).toContain('audit.json: SHA-256 differs from the manifest');

    const added = await forge('added.zip', (f) => f.set('originals/extra.jpg', photos[1]));
    expect(added.output).toContain('originals/extra.jpg: in the ZIP but not in the manifest');

    const removed = await forge('removed.zip', (f) => f.delete(original.path));
    expect(removed.output).toContain(`${original.path}: listed in the manifest but missing from the ZIP`);
  });

  it('refuses a truncated ZIP and a file that is not a ZIP with a clear message, and a missing file with exit 1', async () => {
    const zip = await readFile(packagePath);
    await writeFile(join(dir, 'truncated.zip'), zip.subarray(0, Math.floor(zip.length * 0.6)));
    const truncated = await verifyCli(join(dir, 'truncated.zip'));
    expect(truncated).toEqual({ code: 2, output: expect.stringContaining('not a readable ZIP file') });

    await writeFile(join(dir, 'notes.zip'), 'These are my notes, not a ZIP.');
    const notZip = await verifyCli(join(dir, 'notes.zip'));
    expect(notZip).toEqual({ code: 2, output: expect.stringContaining('not a readable ZIP file') });

    const empty = await verifyCli(join(dir, 'empty.zip'));
    expect(empty).toEqual({ code: 1, output: expect.stringContaining('no such file') });
    await writeZip(join(dir, 'empty.zip'), new Map());
    expect((await verifyCli(join(dir, 'empty.zip'))).output).toContain('manifest.json is missing');
  });
});

describe('who may export what', () => {
  it('lets only a supervisor include the contact details, and audits that by itself', async () => {
    const refused = await postForFile(
      investigator,
      `/api/tips/${tipId}/evidence-export`,
      { reason: 'Court order', includeContact: true },
      join(dir, 'refused.zip'),
    );
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.data.toString()).code).toBe('CONTACT_NOT_ALLOWED');

    const path = join(dir, 'with-contact.zip');
    const res = await postForFile(
      supervisor,
      `/api/tips/${tipId}/evidence-export`,
      { reason: 'Court order 88-B: witness to be summoned', includeContact: true },
      path,
    );
    expect(res.status).toBe(200);
    const transcript = JSON.parse((await readZip(path)).get('transcript.json')!.toString());
    expect(transcript.tips[0].contact).toMatchObject({ name: 'Jeanne Témoin', phone: '514-555-0142' });
    const { rows } = await t.db.query(
      `SELECT action, data FROM audit_event WHERE entity_id = $1 AND action IN ('tip.contact_exported', 'evidence.exported') ORDER BY id`,
      [tipId],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'evidence.exported',
      'tip.contact_exported',
      'evidence.exported',
    ]);
    expect(rows[1].data).toMatchObject({ reason: 'Court order 88-B: witness to be summoned' });
    expect((await verifyCli(path)).code).toBe(0);
  });

  it('refuses other roles, other agencies, a missing reason and the cluster variant, changing nothing', async () => {
    const before = (
      await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'evidence.exported'`)
    ).rows[0].n;
    const analyst = await ApiClient.signedIn(t.baseUrl, 'analyst@demo.test');
    const other = await ApiClient.signedIn(t.baseUrl, 'investigator@second.test');
    const attempt = (c: ApiClient, body: unknown, query = '') =>
      postForFile(c, `/api/tips/${tipId}/evidence-export${query}`, body, join(dir, 'never.zip'));
    expect((await attempt(analyst, { reason: 'Curious' })).status).toBe(403);
    expect((await attempt(other, { reason: 'Curious' })).status).toBe(404);
    expect((await attempt(investigator, {})).status).toBe(400);
    expect((await attempt(investigator, { reason: 'ok', includeContact: 'yes' })).status).toBe(400);
    expect((await attempt(investigator, { reason: 'Cluster' }, '?cluster=true')).status).toBe(400);
    expect(
      (
        await postForFile(
          investigator,
          `/api/tips/00000000-0000-4000-8000-000000000000/evidence-export`,
          { reason: 'Subpoena' },
          join(dir, 'x.zip'),
        )
      ).status,
    ).toBe(404);
    const after = (
      await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'evidence.exported'`)
    ).rows[0].n;
    expect(after).toBe(before);
  });
});

describe('evidence package of a case', () => {
  it('holds every linked tip and the case history, and verifies', async () => {
    const second = await new ApiClient(t.baseUrl).post(
      '/api/public/tips',
      tipForm({ description: 'Même voiture vue le lendemain.' }, [
        { data: photos[1], name: 'b.jpg', type: 'image/jpeg' },
      ]),
    );
    const secondId = (await t.db.query(`SELECT id FROM tip WHERE code = $1`, [second.body.code])).rows[0].id;
    const created = await investigator.post('/api/cases', { title: 'Vols au dépanneur' });
    await investigator.post(`/api/cases/${created.body.id}/tips`, { tipIds: [tipId, secondId] });

    const path = join(dir, 'case.zip');
    const res = await postForFile(
      investigator,
      `/api/cases/${created.body.id}/evidence-export`,
      { reason: 'Disclosure' },
      path,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`evidence-case-${created.body.number}`);
    const files = await readZip(path);
    const transcript = JSON.parse(files.get('transcript.json')!.toString());
    expect(transcript.case).toMatchObject({ number: created.body.number, title: 'Vols au dépanneur' });
    expect(transcript.tips.map((tip: { id: string }) => tip.id).sort()).toEqual([tipId, secondId].sort());
    expect([...files.keys()].filter((k) => k.startsWith('originals/'))).toHaveLength(3);
    const actions = JSON.parse(files.get('audit.json')!.toString()).entries.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['case.created', 'case.tips_linked', 'tip.linked', 'evidence.exported']),
    );

    const { code, output } = await verifyCli(path);
    expect(output).toContain('VALID');
    expect(code).toBe(0);
    const other = await ApiClient.signedIn(t.baseUrl, 'investigator@second.test');
    expect(
      (
        await postForFile(
          other,
          `/api/cases/${created.body.id}/evidence-export`,
          { reason: 'Curious' },
          join(dir, 'n.zip'),
        )
      ).status,
    ).toBe(404);
  });
});
