import { HistoryRow, tipIdsIn, toHistory } from './tip-history';

const ME = 'a0000000-0000-4000-8000-000000000001';
const PRIMARY = 'a0000000-0000-4000-8000-000000000002';
const OTHER = 'a0000000-0000-4000-8000-000000000003';
const PURGED = 'a0000000-0000-4000-8000-000000000004';

const line = (action: string, data: Record<string, unknown>): HistoryRow => ({
  action,
  data,
  created_at: new Date('2026-12-07T16:00:00Z'),
  actor_id: null,
  display_name: null,
});
const codes = new Map([
  [PRIMARY, 'JS2X-DSBR'],
  [OTHER, 'K7QM-2XH9'],
]);
const changesOf = (rows: HistoryRow[]) => toHistory(rows, new Map(), codes, ME).map((h) => h.changes);

describe('a tip history names the other tip of a decision on duplicates', () => {
  it('merged into a primary, or the primary itself', () => {
    expect(
      changesOf([
        line('tip.merge', { clusterId: 'c', primaryTipId: PRIMARY }),
        line('tip.merge', { clusterId: 'c', primaryTipId: ME }),
      ]),
    ).toEqual([[{ kind: 'merged', into: 'JS2X-DSBR' }], [{ kind: 'merged' }]]);
  });

  it('unmerged from a primary, the last one left, or a line from before the primary was recorded', () => {
    expect(
      changesOf([
        line('tip.unmerge', { clusterId: 'c', primaryTipId: PRIMARY }),
        line('tip.unmerge', { clusterId: 'c', primaryTipId: PRIMARY, reason: 'cluster closed' }),
        line('tip.unmerge', { clusterId: 'c', primaryTipId: ME, reason: 'cluster closed' }),
        line('tip.unmerge', { clusterId: 'c' }),
      ]),
    ).toEqual([
      [{ kind: 'unmerged', from: 'JS2X-DSBR', closed: false }],
      [{ kind: 'unmerged', from: 'JS2X-DSBR', closed: true }],
      [{ kind: 'unmerged', closed: true }],
      [{ kind: 'unmerged', closed: false }],
    ]);
  });

  it('not a duplicate of a tip; a purged tip leaves the plain line', () => {
    expect(
      changesOf([
        line('tip.not_duplicate', { otherId: OTHER }),
        line('tip.not_duplicate', { otherId: PURGED }),
        line('tip.merge', { primaryTipId: PURGED }),
      ]),
    ).toEqual([[{ kind: 'notDuplicate', of: 'K7QM-2XH9' }], [], []]);
  });

  it('asks only for the tips that decisions name', () => {
    expect(
      tipIdsIn([
        line('tip.merge', { primaryTipId: PRIMARY }),
        line('tip.not_duplicate', { otherId: OTHER }),
        line('tip.updated', { otherId: PURGED }),
      ]).sort(),
    ).toEqual([PRIMARY, OTHER].sort());
  });
});
