import { canonicalJson, ChainedFields, findFirstBreak, GENESIS_HASH, hashEvent } from './audit-chain';

function chainOf(n: number): (ChainedFields & { hash: string })[] {
  const rows: (ChainedFields & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const row = {
      id: String(i),
      chain: 'a',
      agencyId: 'a',
      actorId: 'u',
      action: 'tip.update',
      entityType: 'tip',
      entityId: `t${i}`,
      data: { status: 'IN_REVIEW', n: i },
      createdAt: new Date(1_700_000_000_000 + i),
      prevHash: prev,
    };
    const hash = hashEvent(row);
    rows.push({ ...row, hash });
    prev = hash;
  }
  return rows;
}

describe('audit chain', () => {
  it('canonical JSON ignores key order, as jsonb does', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });

  it('accepts an intact chain', () => {
    expect(findFirstBreak(chainOf(5))).toBeNull();
  });

  it('names the first row whose content changed', () => {
    const rows = chainOf(5);
    rows[2] = { ...rows[2], data: { status: 'CLOSED', n: 3 } };
    expect(findFirstBreak(rows)).toEqual({ chain: 'a', id: '3', reason: 'content changed' });
  });

  it('names the row after a removed one', () => {
    const rows = chainOf(5);
    rows.splice(1, 1);
    expect(findFirstBreak(rows)).toEqual({ chain: 'a', id: '3', reason: 'link broken' });
  });

  it('catches a rewritten chain that does not start from the genesis hash', () => {
    const rows = chainOf(3).slice(1);
    expect(findFirstBreak(rows)?.id).toBe('2');
  });
});
