import { createHash } from 'node:crypto';

/** The first link of every chain points at this. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  id: string;
  chain: string;
  agencyId: string | null;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  data: unknown;
  createdAt: Date;
  prevHash: string;
}

/** JSON with object keys sorted, so that the same content always hashes the same after jsonb. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashEvent(e: ChainedFields): string {
  const content = canonicalJson([
    e.prevHash,
    e.id,
    e.chain,
    e.agencyId,
    e.actorId,
    e.action,
    e.entityType,
    e.entityId,
    e.data,
    e.createdAt.toISOString(),
  ]);
  return createHash('sha256').update(content).digest('hex');
}

export interface ChainBreak {
  chain: string;
  id: string;
  reason: 'content changed' | 'link broken';
}

/**
 * Walks one chain in id order. Returns the first row whose hash does not match its content, or
 * whose `prevHash` is not the hash of the row before it (a row edited, removed or inserted).
 */
export function findFirstBreak(
  rows: Iterable<ChainedFields & { hash: string }>,
  expectedPrev = GENESIS_HASH,
): ChainBreak | null {
  let prev = expectedPrev;
  for (const row of rows) {
    if (row.prevHash !== prev) return { chain: row.chain, id: row.id, reason: 'link broken' };
    if (hashEvent(row) !== row.hash) return { chain: row.chain, id: row.id, reason: 'content changed' };
    prev = row.hash;
  }
  return null;
}
