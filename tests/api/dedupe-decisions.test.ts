import { randomUUID } from 'node:crypto';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { DedupeScoreJob } from '../../apps/api/src/dedupe/dedupe-score.job';
import { decisionFootprint, duplicatesOf, sendTip, settle, streetPhoto } from './dedupe-fixtures';

/*
 * The investigators' decisions: merge (and its bulk form), the cluster view, unmerge, "not a
 * duplicate"; the cluster rule; bad input that changes nothing; roles and tenancy.
 */
let t: TestApp;
let investigator: ApiClient;
let supervisor: ApiClient;
let analyst: ApiClient;
let pio: ApiClient;
let otherAgency: ApiClient;
let secondAgencyTip: string;
let n = 0;

/** A text tip of its own; `phone` makes it a suggested duplicate of the other tips with that phone. */
const tip = (phone?: string) =>
  sendTip(t, {
    description: `Tip number ${++n} about something seen near landmark ${randomUUID()}.`,
    ...(phone ? { contactPhone: phone } : {}),
  });

const footprint = () => decisionFootprint(t);

const mergeActions = async (tipId: string) =>
  (
    await t.db.query(
      `SELECT action, data FROM audit_event WHERE entity_type = 'tip' AND entity_id = $1 ORDER BY id`,
      [tipId],
    )
  ).rows;

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  [investigator, supervisor, analyst, pio, otherAgency] = await Promise.all(
    [
      'investigator@demo.test',
      'supervisor@demo.test',
      'analyst@demo.test',
      'pio@demo.test',
      'investigator@second.test',
    ].map((email) => ApiClient.signedIn(t.baseUrl, email)),
  );
  secondAgencyTip = await sendTip(t, { agency: 'second', description: 'A tip for the second agency only.' });
});
afterAll(() => t.close());

describe('merging confirmed duplicates', () => {
  it('puts them in a cluster under the target, keeps every tip verbatim, shows them together, and audits each', async () => {
    const target = await sendTip(
      t,
      { description: 'I saw the red car at the gas station.', contactPhone: '514 555 0100' },
      [{ data: await streetPhoto(7) }],
    );
    const [b, c] = [await tip('514 555 0100'), await tip('514 555 0100')];
    await settle(t);
    expect((await duplicatesOf(investigator, target)).map((s) => s.tip.id).sort()).toEqual([b, c].sort());
    const rowsBefore = (
      await t.db.query(`SELECT t::text FROM tip t WHERE id = ANY($1) ORDER BY id`, [[target, b, c]])
    ).rows;

    const res = await investigator.post(`/api/tips/${target}/merge`, { duplicateIds: [b, c] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ primaryTipId: target, added: [target, b, c], mergedClusters: [] });
    expect(res.body.memberIds.sort()).toEqual([target, b, c].sort());

    // Nothing about any tip changed: not its text, not its version, not a byte of its row.
    expect(
      (await t.db.query(`SELECT t::text FROM tip t WHERE id = ANY($1) ORDER BY id`, [[target, b, c]])).rows,
    ).toEqual(rowsBefore);
    const view = await analyst.get(`/api/tips/${b}/cluster`);
    expect(view.status).toBe(200);
    expect(view.body.id).toBe(res.body.clusterId);
    expect(view.body.members.map((m: { id: string }) => m.id)).toEqual([target, b, c]);
    expect(view.body.members[0]).toMatchObject({
      isPrimary: true,
      description: 'I saw the red car at the gas station.',
    });
    expect(view.body.members[0].media[0].renditions.map((r: { name: string }) => r.name)).toContain('thumb');
    expect(view.body.members[1].history.map((h: { action: string }) => h.action)).toContain('tip.merge');
    expect((await investigator.get(`/api/tips/clusters/${res.body.clusterId}`)).body).toEqual(view.body);
    // Merged tips are no longer suggested to each other.
    expect(await duplicatesOf(investigator, target)).toEqual([]);
    expect(await mergeActions(c)).toEqual([
      { action: 'tip.merge', data: { clusterId: res.body.clusterId, primaryTipId: target } },
    ]);
  });

  it('merging into a tip already in a cluster adds to that cluster, whose primary stays', async () => {
    const [a, b, d] = [await tip(), await tip(), await tip()];
    const first = await investigator.post(`/api/tips/${a}/merge`, { duplicateIds: [b] });
    const res = await supervisor.post(`/api/tips/${b}/merge`, { duplicateIds: [d] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ clusterId: first.body.clusterId, primaryTipId: a, added: [d] });
    // Naming tips already there changes nothing and audits nothing.
    const before = await footprint();
    const again = await investigator.post(`/api/tips/${a}/merge`, { duplicateIds: [b, d] });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ added: [], memberIds: expect.arrayContaining([a, b, d]) });
    expect(await footprint()).toEqual(before);
  });

  it('confirms a large cluster in one request', async () => {
    const target = await tip();
    // A factory for many tips: copies of one tip row with new ids and codes.
    const { rows } = await t.db.query(
      `INSERT INTO tip (id, agency_id, code, password_hash, description, language, status, priority, version, received_at)
       SELECT gen_random_uuid(), agency_id, 'BULK-' || lpad(i::text, 4, '0'), password_hash, description || ' #' || i, language, status, priority, 1, now()
         FROM tip, generate_series(1, 300) i WHERE id = $1 RETURNING id`,
      [target],
    );
    const ids = rows.map((r) => r.id);
    const res = await investigator.post(`/api/tips/${target}/merge`, { duplicateIds: ids });
    expect(res.status).toBe(200);
    expect(res.body.memberIds).toHaveLength(301);
    const audited = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'tip.merge' AND entity_id = ANY($1::text[])`,
      [[target, ...ids]],
    );
    expect(audited.rows[0].n).toBe(301);
  });
});

describe('the cluster rule: a tip is in one cluster at most', () => {
  it('refuses to merge a tip of another cluster (409, nothing changed), unless the clusters are merged on purpose', async () => {
    const [a, b, e, f] = [await tip(), await tip(), await tip(), await tip()];
    const mine = (await investigator.post(`/api/tips/${a}/merge`, { duplicateIds: [b] })).body.clusterId;
    const theirs = (await investigator.post(`/api/tips/${e}/merge`, { duplicateIds: [f] })).body.clusterId;

    const before = await footprint();
    const refused = await investigator.post(`/api/tips/${a}/merge`, { duplicateIds: [f] });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'CLUSTER_CONFLICT',
      conflicts: [{ tipId: f, clusterId: theirs }],
    });
    expect(await footprint()).toEqual(before);

    const merged = await investigator.post(`/api/tips/${a}/merge`, {
      duplicateIds: [f],
      mergeClusters: true,
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ clusterId: mine, primaryTipId: a, mergedClusters: [theirs] });
    expect(merged.body.memberIds.sort()).toEqual([a, b, e, f].sort());
    expect(merged.body.added.sort()).toEqual([e, f].sort());
    expect((await investigator.get(`/api/tips/clusters/${theirs}`)).status).toBe(404);
    const closed = await t.db.query(
      `SELECT closed_at IS NOT NULL AS closed, merged_into FROM tip_cluster WHERE id = $1`,
      [theirs],
    );
    expect(closed.rows[0]).toEqual({ closed: true, merged_into: mine });
    expect((await mergeActions(e)).at(-1)).toEqual({
      action: 'tip.merge',
      data: { clusterId: mine, primaryTipId: a, fromClusterId: theirs },
    });
  });
});

describe('unmerging', () => {
  it('takes a tip out and restores it as it was; the earliest tip takes over as primary; one left closes the cluster', async () => {
    const [a, b, c] = [await tip('514 555 0300'), await tip('514 555 0300'), await tip('514 555 0300')];
    await settle(t);
    const { clusterId } = (await investigator.post(`/api/tips/${a}/merge`, { duplicateIds: [b, c] })).body;

    const out = await investigator.post(`/api/tips/${c}/unmerge`);
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ tipId: c, clusterId, remaining: { primaryTipId: a, memberIds: [a, b] } });
    expect((await investigator.get(`/api/tips/${c}/cluster`)).body.code).toBe('NO_CLUSTER');
    // Restored: it is suggested again beside the tips it was merged with.
    expect((await duplicatesOf(investigator, c)).map((s) => s.tip.id).sort()).toEqual([a, b].sort());

    const primaryLeaves = await investigator.post(`/api/tips/${a}/unmerge`);
    expect(primaryLeaves.body).toEqual({ tipId: a, clusterId, remaining: null });
    expect((await investigator.get(`/api/tips/clusters/${clusterId}`)).status).toBe(404);
    expect((await investigator.get(`/api/tips/${b}/cluster`)).status).toBe(404);
    expect((await mergeActions(b)).map((e) => e.action)).toEqual(['tip.merge', 'tip.unmerge']);
  });

  it('gives the primary role to the earliest remaining tip when the primary leaves a larger cluster', async () => {
    const [a, b, c] = [await tip(), await tip(), await tip()];
    await investigator.post(`/api/tips/${c}/merge`, { duplicateIds: [a, b] });
    const res = await investigator.post(`/api/tips/${c}/unmerge`);
    expect(res.body.remaining).toEqual({ primaryTipId: a, memberIds: [a, b] });
  });

  it('answers 409 for a tip that is not merged', async () => {
    const lone = await tip();
    const before = await footprint();
    const res = await investigator.post(`/api/tips/${lone}/unmerge`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('NOT_IN_CLUSTER');
    expect(await footprint()).toEqual(before);
  });
});

describe('not a duplicate', () => {
  it('hides the pair from both tips for good, even after scoring again, and audits it once', async () => {
    const [x, y, z] = [await tip('514 555 0400'), await tip('514 555 0400'), await tip('514 555 0400')];
    await settle(t);
    const res = await investigator.post(`/api/tips/${x}/not-duplicate`, { otherId: y });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tipId: x, otherId: y, alreadyRecorded: false });
    await t.app.get(DedupeScoreJob).score(y);
    expect((await duplicatesOf(investigator, x)).map((s) => s.tip.id)).toEqual([z]);
    expect((await duplicatesOf(investigator, y)).map((s) => s.tip.id)).toEqual([z]);
    expect((await mergeActions(y)).map((e) => e.action)).toEqual(['tip.not_duplicate']);

    const before = await footprint();
    const again = await supervisor.post(`/api/tips/${y}/not-duplicate`, { otherId: x });
    expect(again.body).toMatchObject({ alreadyRecorded: true, rejectedAt: res.body.rejectedAt });
    expect(await footprint()).toEqual(before);
  });

  it('is refused between tips merged together (409)', async () => {
    const [a, b] = [await tip(), await tip()];
    await investigator.post(`/api/tips/${a}/merge`, { duplicateIds: [b] });
    const res = await investigator.post(`/api/tips/${a}/not-duplicate`, { otherId: b });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SAME_CLUSTER');
  });
});

describe('bad input is refused with a clear 4xx and changes nothing', () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    [a, b] = [await tip(), await tip()];
  });

  const cases: [string, () => Promise<{ status: number; body: { code: string } }>, number, string][] = [
    [
      'merging a tip with itself',
      () => investigator.post(`/api/tips/${a}/merge`, { duplicateIds: [b, a] }),
      400,
      'SELF_DUPLICATE',
    ],
    [
      'a tip as not a duplicate of itself',
      () => investigator.post(`/api/tips/${a}/not-duplicate`, { otherId: a }),
      400,
      'SELF_DUPLICATE',
    ],
    [
      'a malformed id in the path',
      () => investigator.post(`/api/tips/not-a-uuid/merge`, { duplicateIds: [b] }),
      400,
      'BAD_REQUEST',
    ],
    [
      'a malformed id in the list',
      () => investigator.post(`/api/tips/${a}/merge`, { duplicateIds: [b, '42'] }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an empty list',
      () => investigator.post(`/api/tips/${a}/merge`, { duplicateIds: [] }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'the same id twice',
      () => investigator.post(`/api/tips/${a}/merge`, { duplicateIds: [b, b] }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an unknown field',
      () => investigator.post(`/api/tips/${a}/merge`, { duplicateIds: [b], primary: b }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a malformed other id',
      () => investigator.post(`/api/tips/${a}/not-duplicate`, { otherId: 'x' }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a target that does not exist',
      () => investigator.post(`/api/tips/${randomUUID()}/merge`, { duplicateIds: [b] }),
      404,
      'NOT_FOUND',
    ],
    [
      'a duplicate that does not exist, beside a real one',
      () => investigator.post(`/api/tips/${a}/merge`, { duplicateIds: [b, randomUUID()] }),
      404,
      'UNKNOWN_TIPS',
    ],
    [
      'merging across agencies',
      () => investigator.post(`/api/tips/${a}/merge`, { duplicateIds: [secondAgencyTip] }),
      404,
      'UNKNOWN_TIPS',
    ],
    [
      'a decision on a tip that does not exist',
      () => investigator.post(`/api/tips/${a}/not-duplicate`, { otherId: randomUUID() }),
      404,
      'UNKNOWN_TIPS',
    ],
    [
      'unmerging a tip that does not exist',
      () => investigator.post(`/api/tips/${randomUUID()}/unmerge`),
      404,
      'NOT_FOUND',
    ],
    [
      'the duplicates of a tip that does not exist',
      () => investigator.get(`/api/tips/${randomUUID()}/duplicates`),
      404,
      'NOT_FOUND',
    ],
    [
      'a cluster that does not exist',
      () => investigator.get(`/api/tips/clusters/${randomUUID()}`),
      404,
      'NOT_FOUND',
    ],
  ];
  it.each(cases)('%s', async (_name, request, status, code) => {
    const before = await footprint();
    const res = await request();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(await footprint()).toEqual(before);
  });
});

describe('roles and tenancy', () => {
  it('lets analysts read but not decide, and keeps the routes from other roles', async () => {
    const [a, b] = [await tip(), await tip()];
    expect((await analyst.get(`/api/tips/${a}/duplicates`)).status).toBe(200);
    expect((await analyst.post(`/api/tips/${a}/merge`, { duplicateIds: [b] })).status).toBe(403);
    expect((await analyst.post(`/api/tips/${a}/not-duplicate`, { otherId: b })).status).toBe(403);
    expect((await pio.get(`/api/tips/${a}/duplicates`)).status).toBe(403);
  });

  it("answers 404 to everything about another agency's tips and clusters", async () => {
    const [a, b] = [await tip(), await tip()];
    const { clusterId } = (await investigator.post(`/api/tips/${a}/merge`, { duplicateIds: [b] })).body;
    const before = await footprint();
    for (const res of [
      await otherAgency.get(`/api/tips/${a}/duplicates`),
      await otherAgency.get(`/api/tips/${a}/cluster`),
      await otherAgency.get(`/api/tips/clusters/${clusterId}`),
      await otherAgency.post(`/api/tips/${a}/unmerge`),
      await otherAgency.post(`/api/tips/${secondAgencyTip}/merge`, { duplicateIds: [a] }),
      await otherAgency.post(`/api/tips/${a}/merge`, { duplicateIds: [secondAgencyTip] }),
      await otherAgency.post(`/api/tips/${secondAgencyTip}/not-duplicate`, { otherId: a }),
    ]) {
      expect(res.status).toBe(404);
    }
    expect(await footprint()).toEqual(before);
  });
});
