import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as evidenceVerify } from '../../apps/api/src/cli/evidence-verify';
import { verifyEvidencePackage } from '../../apps/api/src/records/evidence/evidence-verifier';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { sendTip, settle, streetPhoto } from './dedupe-fixtures';
import { postForFile, readZip } from './records-zip';

/*
 * The evidence package of a duplicate cluster: every member tip verbatim, every sealed original,
 * the merge history in the audit extract; and every refusal leaves the audit log as it was.
 */
let t: TestApp;
let dir: string;
let investigator: ApiClient;
let supervisor: ApiClient;
let primary: string;
let members: string[];
let clusterId: string;
/** The photos each member tip was sent with, by tip id. */
const sent = new Map<string, Buffer[]>();
let packagePath: string;

async function verifyCli(path: string) {
  const lines: string[] = [];
  const code = await evidenceVerify([path], (l) => lines.push(l));
  return { code, output: lines.join('\n') };
}

const exportCluster = (client: ApiClient, id: string, body: unknown, query = '') =>
  postForFile(
    client,
    `/api/tips/clusters/${id}/evidence-export${query}`,
    body,
    join(dir, `${randomUUID()}.zip`),
  );

/** A tip with its own photos, remembered so the package's copies can be compared byte for byte. */
async function tipWithPhotos(description: string, seeds: number[], contactPhone?: string) {
  const photos = await Promise.all(seeds.map((seed) => streetPhoto(seed, 480, 360)));
  const id = await sendTip(
    t,
    { description, ...(contactPhone ? { contactPhone } : {}) },
    photos.map((data) => ({ data })),
  );
  sent.set(id, photos);
  return id;
}

async function merge(
  client: ApiClient,
  target: string,
  duplicateIds: string[],
  mergeClusters = false,
): Promise<string> {
  const res = await client.post(`/api/tips/${target}/merge`, { duplicateIds, mergeClusters });
  if (res.status !== 200) throw new Error(`merge: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.clusterId;
}

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  dir = await mkdtemp(join(tmpdir(), 'vigie-cluster-evidence-'));
  [investigator, supervisor] = await Promise.all(
    ['investigator@demo.test', 'supervisor@demo.test'].map((email) => ApiClient.signedIn(t.baseUrl, email)),
  );
  primary = await tipWithPhotos('Red van parked behind the arena, two men loading boxes.', [11, 12]);
  const second = await tipWithPhotos('Same red van, seen from the bridge.', [13], '514 555 0177');
  const third = await tipWithPhotos('Photo of the van from my balcony.', [14]);
  members = [primary, second, third];
  await settle(t);
  await investigator.post(`/api/tips/${second}/notes`, { body: 'Witness sounds reliable.' });
  await investigator.post(`/api/tips/${third}/messages`, { body: 'Which balcony, which street?' });

  // Merged, one unmerged and merged again: the members' history holds both kinds of decision.
  clusterId = await merge(investigator, primary, [second, third]);
  expect((await investigator.post(`/api/tips/${third}/unmerge`)).status).toBe(200);
  expect(await merge(supervisor, primary, [third])).toBe(clusterId);
});
afterAll(() => t.close());

describe('evidence package of a duplicate cluster', () => {
  it('holds every member tip, primary first, with its originals byte for byte and its merge history', async () => {
    const res = await exportCluster(investigator, clusterId, { reason: 'Disclosure order 2026-31' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const codes = (await t.db.query(`SELECT id, code FROM tip WHERE id = ANY($1)`, [members])).rows;
    const codeOf = new Map(codes.map((r) => [r.id, r.code]));
    expect(res.headers.get('content-disposition')).toContain(`evidence-cluster-${codeOf.get(primary)}`);
    packagePath = join(dir, 'cluster.zip');
    await writeFile(packagePath, res.data);

    const files = await readZip(packagePath);
    const media = (
      await t.db.query(
        `SELECT id, tip_id FROM tip_media WHERE tip_id = ANY($1) ORDER BY from_tipster_at, id`,
        [members],
      )
    ).rows;
    expect(media).toHaveLength(4);
    expect([...files.keys()].filter((k) => k.startsWith('originals/'))).toHaveLength(4);
    for (const tipId of members) {
      const inPackage = media
        .filter((m) => m.tip_id === tipId)
        .map((m) => files.get(`originals/${m.id}.jpg`) ?? Buffer.from('missing'))
        .sort(Buffer.compare);
      expect(inPackage).toEqual([...sent.get(tipId)!].sort(Buffer.compare));
    }

    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    expect(manifest).toMatchObject({
      subject: { type: 'cluster', id: clusterId, label: codeOf.get(primary) },
      reason: 'Disclosure order 2026-31',
      includesContact: false,
    });
    const transcript = JSON.parse(files.get('transcript.json')!.toString());
    expect(transcript.case).toBeNull();
    expect(transcript.cluster).toMatchObject({ id: clusterId, primaryTipId: primary });
    expect(
      transcript.cluster.members.map((m: { tipId: string; isPrimary: boolean }) => [m.tipId, m.isPrimary]),
    ).toEqual([
      [primary, true],
      [members[1], false],
      [members[2], false],
    ]);
    expect(transcript.tips.map((tip: { id: string }) => tip.id)).toEqual(members);
    expect(transcript.tips[0].description).toBe('Red van parked behind the arena, two men loading boxes.');
    expect(transcript.tips[1].notes).toEqual([expect.objectContaining({ body: 'Witness sounds reliable.' })]);
    expect(transcript.tips[2].messages).toEqual([
      expect.objectContaining({ from: 'INVESTIGATOR', body: 'Which balcony, which street?' }),
    ]);
    expect(transcript.tips[1]).not.toHaveProperty('contact');
    expect(files.get('README.txt')!.toString()).toContain(`duplicate cluster of tip ${codeOf.get(primary)}`);
    const html = files.get('transcript.html')!.toString();
    expect(html).toContain(`<title>Duplicate cluster of tip ${codeOf.get(primary)}`);
    expect(html).toContain(`Tip ${codeOf.get(primary)} (primary tip of the cluster)`);
    for (const id of members) expect(html).toContain(`Tip ${codeOf.get(id)}`);

    const audit = JSON.parse(files.get('audit.json')!.toString()).entries as {
      action: string;
      entityId: string;
      data: { clusterId?: string };
      hash: string;
      prevHash: string;
    }[];
    const decisions = (tipId: string) =>
      audit.filter((e) => e.entityId === tipId && e.action.startsWith('tip.')).map((e) => e.action);
    expect(decisions(primary)).toEqual(['tip.merge']);
    expect(decisions(members[1])).toEqual(['tip.note_added', 'tip.merge']);
    expect(decisions(members[2])).toEqual(['tip.message_sent', 'tip.merge', 'tip.unmerge', 'tip.merge']);
    for (const e of audit) {
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(e.prevHash).toMatch(/^[0-9a-f]{64}$/);
    }
    // The whole log, not only the extract: exactly the entries about these tips, none missing.
    const logged = (
      await t.db.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'tip' AND entity_id = ANY($1::text[])`,
        [members],
      )
    ).rows[0].n;
    expect(audit).toHaveLength(logged);

    const { rows } = await t.db.query(
      `SELECT entity_type, data FROM audit_event WHERE action = 'evidence.exported' AND entity_id = $1`,
      [clusterId],
    );
    expect(rows).toEqual([
      {
        entity_type: 'cluster',
        data: expect.objectContaining({
          clusterId,
          primaryTipId: primary,
          exportId: manifest.exportId,
          tipIds: members,
          files: manifest.files.length,
        }),
      },
    ]);
  });

  it('verifies as intact, and as altered when one byte of one member’s original changes', async () => {
    const intact = await verifyCli(packagePath);
    expect(intact.output).toContain('VALID');
    expect(intact.code).toBe(0);
    const report = await verifyEvidencePackage(packagePath);
    expect(report.valid).toBe(true);
    expect(report.problems).toEqual([]);

    const zip = await readFile(packagePath);
    const photo = sent.get(members[2])![0];
    const middle = Math.floor(photo.length / 2);
    const at = zip.indexOf(photo.subarray(middle, middle + 64));
    expect(at).toBeGreaterThan(0);
    zip[at] ^= 0x01;
    const tampered = join(dir, 'tampered.zip');
    await writeFile(tampered, zip);
    const [{ id: mediaId }] = (await t.db.query(`SELECT id FROM tip_media WHERE tip_id = $1`, [members[2]]))
      .rows;
    const altered = await verifyCli(tampered);
    expect(altered.code).toBe(2);
    expect(altered.output).toContain('INVALID');
    expect(altered.output).toContain(`originals/${mediaId}.jpg: SHA-256 differs from the manifest`);
  });

  it('includes the contact details for a supervisor, auditing each tip whose contact went out', async () => {
    const res = await exportCluster(supervisor, clusterId, {
      reason: 'Court order 12-C: witnesses to be summoned',
      includeContact: true,
    });
    expect(res.status).toBe(200);
    const path = join(dir, 'with-contact.zip');
    await writeFile(path, res.data);
    const transcript = JSON.parse((await readZip(path)).get('transcript.json')!.toString());
    expect(transcript.tips[1].contact).toMatchObject({ phone: '514 555 0177' });
    const { rows } = await t.db.query(
      `SELECT entity_id FROM audit_event WHERE action = 'tip.contact_exported' AND entity_id = ANY($1::text[])`,
      [members],
    );
    expect(rows).toEqual([{ entity_id: members[1] }]);
    expect((await verifyCli(path)).code).toBe(0);
  });
});

describe('what a cluster export refuses', () => {
  it('answers a clear 4xx to every bad request and writes nothing', async () => {
    const [analyst, pio, otherAgency] = await Promise.all(
      ['analyst@demo.test', 'pio@demo.test', 'investigator@second.test'].map((email) =>
        ApiClient.signedIn(t.baseUrl, email),
      ),
    );
    // Another agency's open cluster; two of ours that were closed: one unmerged, one merged into another.
    const theirs = await Promise.all(
      ['Their first tip, about a blue truck.', 'Their second tip, the same truck.'].map((description) =>
        sendTip(t, { agency: 'second', description }),
      ),
    );
    const theirCluster = await merge(otherAgency, theirs[0], [theirs[1]]);
    const [a, b, c, d] = await Promise.all(
      [
        'A dog barking all night on Rue Fullum.',
        'Someone shouting near the park at 3 am.',
        'A bicycle left chained to the fence for weeks.',
        'The same bicycle, its wheels gone now.',
      ].map((description) => sendTip(t, { description })),
    );
    const unmerged = await merge(investigator, a, [b]);
    await investigator.post(`/api/tips/${b}/unmerge`);
    const absorbed = await merge(investigator, c, [b]);
    const absorbing = await merge(investigator, d, [c], true);
    const { rows: closed } = await t.db.query(
      `SELECT id, merged_into FROM tip_cluster WHERE closed_at IS NOT NULL AND id = ANY($1) ORDER BY id = $2 DESC`,
      [[unmerged, absorbed], unmerged],
    );
    expect(closed).toEqual([
      { id: unmerged, merged_into: null },
      { id: absorbed, merged_into: absorbing },
    ]);

    const auditCount = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM audit_event`)).rows[0].n as number;
    const before = await auditCount();
    const reason = { reason: 'Disclosure' };
    const refusals: [string, Awaited<ReturnType<typeof exportCluster>>, number, string?][] = [
      ['malformed id', await exportCluster(investigator, 'not-a-cluster', reason), 400],
      ['unknown cluster', await exportCluster(investigator, randomUUID(), reason), 404, 'NOT_FOUND'],
      ['another agency’s', await exportCluster(investigator, theirCluster, reason), 404, 'NOT_FOUND'],
      ['closed by unmerging', await exportCluster(investigator, unmerged, reason), 404, 'NOT_FOUND'],
      ['closed by merging', await exportCluster(investigator, absorbed, reason), 404, 'NOT_FOUND'],
      ['a tip id is not a cluster id', await exportCluster(investigator, primary, reason), 404, 'NOT_FOUND'],
      ['analyst', await exportCluster(analyst, clusterId, reason), 403],
      ['pio', await exportCluster(pio, clusterId, reason), 403],
      [
        'contact by an investigator',
        await exportCluster(investigator, clusterId, { reason: 'Court order', includeContact: true }),
        403,
        'CONTACT_NOT_ALLOWED',
      ],
      ['no reason', await exportCluster(investigator, clusterId, {}), 400],
      ['blank reason', await exportCluster(investigator, clusterId, { reason: '  ' }), 400],
      ['unknown query parameter', await exportCluster(investigator, clusterId, reason, '?all=true'), 400],
    ];
    for (const [what, res, status, code] of refusals) {
      expect({ what, status: res.status }).toEqual({ what, status });
      expect(res.headers.get('content-type')).toContain('application/json');
      if (code) expect({ what, code: JSON.parse(res.data.toString()).code }).toEqual({ what, code });
    }
    // Ours is as invisible to the other agency as theirs is to us.
    expect((await exportCluster(otherAgency, clusterId, reason)).status).toBe(404);
    expect(await auditCount()).toBe(before);
  });

  it('still refuses ?cluster=true on a tip export, which would have been one tip', async () => {
    const res = await postForFile(
      investigator,
      `/api/tips/${primary}/evidence-export?cluster=true`,
      { reason: 'Cluster' },
      join(dir, 'never.zip'),
    );
    expect(res.status).toBe(400);
  });
});
