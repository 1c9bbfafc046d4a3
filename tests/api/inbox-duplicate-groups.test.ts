import { randomUUID } from 'node:crypto';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { decisionFootprint, sendTip, settle, streetPhoto } from './dedupe-fixtures';

/*
 * Triage by group (issue 17, point 2): likely duplicates listed in the inbox as one group with a
 * count and the strongest reason, whatever the page they fall on; many decided at once with
 * POST /api/tips/duplicates/decisions (merge, not duplicates), tip by tip results, every decision
 * audited; merged tips stay listed, marked; bad input changes nothing. A tip's duplicates panel
 * decides through the same request, pair by pair, and its history names the other tip.
 */
let t: TestApp;
let investigator: ApiClient;
let analyst: ApiClient;
let otherAgency: ApiClient;
let secondAgencyTip: string;
/** A word of this file's tips only: the inbox is searched on it. */
const word = `grp${Date.now().toString(36)}`;

interface Member {
  id: string;
  code: string;
  version: number;
  groupId?: string;
  clusterId: string | null;
  isPrimary: boolean;
  reason: { signal: string } | null;
}
interface Group {
  id: string;
  primaryTipId: string;
  count: number;
  complete: boolean;
  strongest: { signal: string } | null;
  members: Member[];
}

async function inbox(query = '') {
  const res = await investigator.get(`/api/tips?q=${word}${query}`);
  expect(res.status).toBe(200);
  return res.body as { items: Member[]; groups: Group[]; nextCursor: string | null };
}

const footprint = () => decisionFootprint(t);

const actions = async (tipId: string) =>
  (
    await t.db.query(
      `SELECT action, data FROM audit_event WHERE entity_type = 'tip' AND entity_id = $1 ORDER BY id`,
      [tipId],
    )
  ).rows.map((r: { action: string }) => r.action);

const decide = (client: ApiClient, body: unknown) => client.post('/api/tips/duplicates/decisions', body);
const seen = (m: Pick<Member, 'id' | 'version'>) => ({ id: m.id, version: m.version });

let photoTips: string[];
let loner: string;

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  [investigator, analyst, otherAgency] = await Promise.all(
    ['investigator@demo.test', 'analyst@demo.test', 'investigator@second.test'].map((email) =>
      ApiClient.signedIn(t.baseUrl, email),
    ),
  );
  secondAgencyTip = await sendTip(t, { agency: 'second', description: `${word} for the second agency.` });
  // Four tips with the same photo (one re-shared picture), and one about something else.
  const photo = await streetPhoto(31);
  photoTips = [];
  for (let i = 0; i < 4; i++)
    photoTips.push(await sendTip(t, { description: `${word} photo ${i}` }, [{ data: photo }]));
  loner = await sendTip(t, { description: `${word} alone ${randomUUID()}` });
  await settle(t);
});
afterAll(() => t.close());

describe('the inbox lists likely duplicates as one group', () => {
  it('names each tip its group, with every member, the count and the strongest reason, on any page', async () => {
    const page = await inbox();
    expect(page.groups).toHaveLength(1);
    const [group] = page.groups;
    expect(group).toMatchObject({ count: 4, complete: true, strongest: { signal: 'EXACT_MEDIA' } });
    // Nothing is merged yet: the primary is the first to arrive, listed first, then by arrival.
    expect(group.primaryTipId).toBe(photoTips[0]);
    expect(group.members.map((m) => m.id)).toEqual(photoTips);
    expect(group.members[0]).toMatchObject({ isPrimary: true, clusterId: null, groupId: group.id });
    expect(group.members.every((m) => m.reason?.signal === 'EXACT_MEDIA')).toBe(true);
    for (const item of page.items)
      expect(item.groupId).toBe(photoTips.includes(item.id) ? group.id : undefined);

    // Pages of two: the group is whole on every page one of its tips is on.
    const first = await inbox('&limit=2');
    const second = await investigator.get(
      `/api/tips?q=${word}&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
    );
    for (const p of [first, second.body as typeof first]) {
      const ids = p.items.filter((i) => i.groupId).map((i) => i.id);
      if (ids.length) expect(p.groups.map((g) => g.members.length)).toEqual([4]);
    }
    // An analyst reads the groups too.
    expect((await analyst.get(`/api/tips?q=${word}`)).body.groups).toHaveLength(1);
  });
});

describe('deciding many duplicates at once', () => {
  it('merges a group into its primary in one request, audits each tip, and keeps them listed, marked', async () => {
    const [group] = (await inbox()).groups;
    const [primary, ...rest] = group.members;
    const res = await decide(investigator, {
      decision: 'MERGE',
      target: seen(primary),
      tips: rest.map(seen),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ decision: 'MERGE', primaryTipId: primary.id });
    expect(res.body.results).toEqual(rest.map((m) => ({ id: m.id, outcome: 'MERGED' })));
    for (const id of photoTips) expect(await actions(id)).toEqual(['tip.merge']);

    const [after] = (await inbox()).groups;
    expect(after.count).toBe(4);
    expect(after.members.every((m) => m.clusterId === res.body.clusterId)).toBe(true);
    expect(after.members[0]).toMatchObject({ id: primary.id, isPrimary: true });

    // The same decision again changes nothing and audits nothing.
    const before = await footprint();
    const again = await decide(investigator, {
      decision: 'MERGE',
      target: seen(primary),
      tips: rest.map(seen),
    });
    expect(again.status).toBe(200);
    expect(again.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'ALREADY_MERGED',
      'ALREADY_MERGED',
      'ALREADY_MERGED',
    ]);
    expect(await footprint()).toEqual(before);
  });

  it('an unmerged tip stays in the group, no longer marked; "not duplicates" then takes it out, audited pair by pair', async () => {
    const out = photoTips[3];
    expect((await investigator.post(`/api/tips/${out}/unmerge`)).status).toBe(200);
    let [group] = (await inbox()).groups;
    expect(group.count).toBe(4);
    expect(group.members.find((m) => m.id === out)).toMatchObject({ clusterId: null, isPrimary: false });

    const member = group.members.find((m) => m.id === out)!;
    const res = await decide(investigator, { decision: 'NOT_DUPLICATE', tips: [seen(member)] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      decision: 'NOT_DUPLICATE',
      results: [{ id: out, outcome: 'SEPARATED', pairs: 3 }],
    });
    expect(await actions(out)).toEqual([
      'tip.merge',
      'tip.unmerge',
      'tip.not_duplicate',
      'tip.not_duplicate',
      'tip.not_duplicate',
    ]);
    expect(await actions(photoTips[0])).toEqual(['tip.merge', 'tip.not_duplicate']);
    [group] = (await inbox()).groups;
    expect(group.members.map((m) => m.id)).toEqual(photoTips.slice(0, 3));
    expect((await inbox()).items.find((i) => i.id === out)!.groupId).toBeUndefined();

    // Separating it again finds nothing left to reject.
    const again = await decide(investigator, {
      decision: 'NOT_DUPLICATE',
      tips: [{ id: out, version: member.version }],
    });
    expect(again.body.results).toEqual([{ id: out, outcome: 'ALREADY_SEPARATE' }]);
  });
});

describe('bad input changes nothing', () => {
  let primary: Member;
  beforeAll(async () => {
    [primary] = (await inbox()).groups[0].members;
  });

  const cases: [string, () => unknown, number, string][] = [
    [
      'an unknown tip',
      () => ({ decision: 'MERGE', target: seen(primary), tips: [{ id: randomUUID(), version: 1 }] }),
      404,
      'UNKNOWN_TIPS',
    ],
    [
      "another agency's tip",
      () => ({ decision: 'MERGE', target: seen(primary), tips: [{ id: secondAgencyTip, version: 1 }] }),
      404,
      'UNKNOWN_TIPS',
    ],
    [
      "another agency's tip as target",
      () => ({
        decision: 'MERGE',
        target: { id: secondAgencyTip, version: 1 },
        tips: [{ id: loner, version: 1 }],
      }),
      404,
      'UNKNOWN_TIPS',
    ],
    [
      'a tip merged into itself',
      () => ({ decision: 'MERGE', target: seen(primary), tips: [seen(primary)] }),
      400,
      'SELF_DUPLICATE',
    ],
    [
      'a stale version',
      () => ({ decision: 'MERGE', target: seen(primary), tips: [{ id: loner, version: 7 }] }),
      409,
      'STALE_TIPS',
    ],
    [
      'a stale target',
      () => ({
        decision: 'MERGE',
        target: { id: primary.id, version: 9 },
        tips: [{ id: loner, version: 1 }],
      }),
      409,
      'STALE_TIPS',
    ],
    ['a merge without a target', () => ({ decision: 'MERGE', tips: [{ id: loner, version: 1 }] }), 400, ''],
    [
      'clusters merged on "not duplicates"',
      () => ({ decision: 'NOT_DUPLICATE', tips: [{ id: loner, version: 1 }], mergeClusters: true }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a tip "not a duplicate" of itself',
      () => ({ decision: 'NOT_DUPLICATE', target: seen(primary), tips: [seen(primary)] }),
      400,
      'SELF_DUPLICATE',
    ],
    [
      'a stale target on "not duplicates"',
      () => ({
        decision: 'NOT_DUPLICATE',
        target: { id: primary.id, version: 9 },
        tips: [{ id: loner, version: 1 }],
      }),
      409,
      'STALE_TIPS',
    ],
    ['an unknown decision', () => ({ decision: 'DELETE', tips: [{ id: loner, version: 1 }] }), 400, ''],
    ['no tips', () => ({ decision: 'NOT_DUPLICATE', tips: [] }), 400, ''],
    ['a malformed id', () => ({ decision: 'NOT_DUPLICATE', tips: [{ id: 'nope', version: 1 }] }), 400, ''],
    [
      'a tip named twice',
      () => ({
        decision: 'NOT_DUPLICATE',
        tips: [
          { id: loner, version: 1 },
          { id: loner, version: 1 },
        ],
      }),
      400,
      '',
    ],
    ['tips that are not objects', () => ({ decision: 'NOT_DUPLICATE', tips: [loner] }), 400, ''],
    ['no version', () => ({ decision: 'NOT_DUPLICATE', tips: [{ id: loner }] }), 400, ''],
  ];
  it.each(cases)('%s', async (_name, body, status, code) => {
    const before = await footprint();
    const res = await decide(investigator, body());
    expect(res.status).toBe(status);
    if (code) expect(res.body.code).toBe(code);
    expect(await footprint()).toEqual(before);
  });

  it('names the tips that changed since they were seen', async () => {
    const tip = (await investigator.get(`/api/tips/${loner}`)).body;
    expect(
      (await investigator.patch(`/api/tips/${loner}`, { version: tip.version, status: 'IN_REVIEW' })).status,
    ).toBe(200);
    const before = await footprint();
    const res = await decide(investigator, { decision: 'MERGE', target: seen(primary), tips: [seen(tip)] });
    expect(res.status).toBe(409);
    expect(res.body.stale).toEqual([{ id: loner, code: tip.code, version: tip.version + 1 }]);
    expect(await footprint()).toEqual(before);
  });

  it('refuses a tip already in another cluster unless the clusters are merged on purpose', async () => {
    const [a, b] = [
      await sendTip(t, { description: `${word} other ${randomUUID()}` }),
      await sendTip(t, { description: `${word} other ${randomUUID()}` }),
    ];
    expect((await investigator.post(`/api/tips/${a}/merge`, { duplicateIds: [b] })).status).toBe(200);
    const before = await footprint();
    const body = { decision: 'MERGE', target: seen(primary), tips: [{ id: a, version: 1 }] };
    const res = await decide(investigator, body);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CLUSTER_CONFLICT');
    expect(await footprint()).toEqual(before);
    const merged = await decide(investigator, { ...body, mergeClusters: true });
    expect(merged.status).toBe(200);
    expect(merged.body.results).toEqual([{ id: a, outcome: 'MERGED' }]);
  });

  it('lets only those who triage decide, and keeps each agency to its own tips', async () => {
    const body = { decision: 'NOT_DUPLICATE', tips: [{ id: loner, version: 2 }] };
    const before = await footprint();
    expect((await decide(analyst, body)).status).toBe(403);
    expect((await decide(otherAgency, body)).status).toBe(404);
    expect(await footprint()).toEqual(before);
    expect((await otherAgency.get(`/api/tips?q=${word}`)).body.groups).toEqual([]);
  });
});

describe("a tip's duplicates panel decides pair by pair through the same request", () => {
  interface PanelView {
    cluster: {
      primaryTipId: string;
      size: number;
      members: { id: string; code: string; version: number; isPrimary: boolean }[];
    } | null;
    suggestions: { tip: { id: string; version: number } }[];
  }
  const panel = async (id: string) =>
    (await investigator.get(`/api/tips/${id}/duplicates`)).body as PanelView;
  const suggestedTo = async (id: string) => (await panel(id)).suggestions.map((s) => s.tip.id).sort();
  const history = async (id: string) =>
    ((await investigator.get(`/api/tips/${id}`)).body as { history: { changes: unknown[] }[] }).history.map(
      (h) => h.changes,
    );
  const codeOf = async (id: string) => (await investigator.get(`/api/tips/${id}`)).body.code as string;

  it('"not a duplicate of this one" rejects that pair only; merged, each tip names the other; unmerged, its history says from which', async () => {
    // Three tips of one photo, apart from this file's searched word.
    const photo = await streetPhoto(47);
    const [a, b, c] = [
      await sendTip(t, { description: `Panel pair ${randomUUID()}` }, [{ data: photo }]),
      await sendTip(t, { description: `Panel pair ${randomUUID()}` }, [{ data: photo }]),
      await sendTip(t, { description: `Panel pair ${randomUUID()}` }, [{ data: photo }]),
    ];
    await settle(t);
    const [codeA, codeB] = [await codeOf(a), await codeOf(b)];
    const view = await panel(a);
    expect(view.cluster).toBeNull();
    expect(view.suggestions.map((s) => s.tip).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [b, c].sort().map((id) => expect.objectContaining({ id, version: 1 })),
    );

    const res = await decide(investigator, {
      decision: 'NOT_DUPLICATE',
      target: { id: a, version: 1 },
      tips: [{ id: b, version: 1 }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      decision: 'NOT_DUPLICATE',
      results: [{ id: b, outcome: 'SEPARATED', pairs: 1 }],
    });
    // The pair is gone from both sides; each keeps its other likely duplicate.
    expect(await suggestedTo(a)).toEqual([c]);
    expect(await suggestedTo(b)).toEqual([c]);
    expect(await actions(a)).toEqual(['tip.not_duplicate']);
    expect(await actions(c)).toEqual([]);
    const before = await footprint();
    const again = await decide(investigator, {
      decision: 'NOT_DUPLICATE',
      target: { id: b, version: 1 },
      tips: [{ id: a, version: 1 }],
    });
    expect(again.body.results).toEqual([{ id: a, outcome: 'ALREADY_SEPARATE' }]);
    expect(await footprint()).toEqual(before);

    // c merged into a: each panel says what it is merged with, with the versions a decision sends.
    expect(
      (
        await decide(investigator, {
          decision: 'MERGE',
          target: { id: a, version: 1 },
          tips: [{ id: c, version: 1 }],
        })
      ).status,
    ).toBe(200);
    const merged = await panel(c);
    expect(merged.cluster).toMatchObject({ primaryTipId: a, size: 2 });
    expect(merged.cluster!.members).toEqual([
      {
        id: a,
        code: codeA,
        version: 1,
        isPrimary: true,
        receivedAt: expect.any(String),
        excerpt: expect.any(String),
      },
      expect.objectContaining({ id: c, isPrimary: false }),
    ]);
    expect((await panel(a)).cluster!.members.map((m) => m.id)).toEqual([a, c]);

    // "Not a duplicate" of a tip merged with it is refused, and changes nothing.
    const unchanged = await footprint();
    const refused = await decide(investigator, {
      decision: 'NOT_DUPLICATE',
      target: { id: a, version: 1 },
      tips: [{ id: c, version: 1 }],
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'SAME_CLUSTER', merged: [c] });
    expect(await footprint()).toEqual(unchanged);

    // Unmerged: the history of each tip says what happened, naming the other tip by its code.
    expect((await investigator.post(`/api/tips/${c}/unmerge`)).status).toBe(200);
    expect(await history(c)).toEqual([
      [{ kind: 'merged', into: codeA }],
      [{ kind: 'unmerged', from: codeA, closed: false }],
    ]);
    expect(await history(a)).toEqual([
      [{ kind: 'notDuplicate', of: codeB }],
      [{ kind: 'merged' }],
      [{ kind: 'unmerged', closed: true }],
    ]);
    expect((await panel(c)).cluster).toBeNull();
    expect(await suggestedTo(c)).toEqual([a, b].sort());
  });
});
