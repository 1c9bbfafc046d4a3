import { hashEvent } from '../../audit/audit-chain';
import type { ExportedAuditEntry } from './evidence-package';

export interface AuditExtractCheck {
  entries: number;
  /** Entries whose prev_hash is the hash of the entry listed before them: proven consecutive. */
  linked: number;
  /** Places where the chain holds entries about other records, not part of the extract. */
  gaps: { chain: string; afterId: string; id: string }[];
  problems: string[];
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Checks an audit extract with no database: each entry's hash is recomputed from its content
 * (any edit shows), entries of one chain must be in id order, and consecutive entries must link.
 * A gap (prev_hash pointing at an entry not in the extract) is allowed and reported: the extract
 * holds only the entries about the exported records, and the rest of the chain is checked by
 * `npm run audit:verify` on the agency's log. Two entries claiming the same predecessor (a fork)
 * cannot happen in a real chain and are refused.
 */
export function checkAuditExtract(entries: unknown): AuditExtractCheck {
  const result: AuditExtractCheck = { entries: 0, linked: 0, gaps: [], problems: [] };
  if (!Array.isArray(entries)) {
    result.problems.push('audit.json: "entries" is not a list');
    return result;
  }
  const last = new Map<string, ExportedAuditEntry>();
  const predecessors = new Map<string, string>();
  for (const [index, raw] of entries.entries()) {
    const entry = raw as ExportedAuditEntry;
    const where = `audit.json entry ${typeof entry?.id === 'string' ? entry.id : `#${index + 1}`}`;
    if (!isEntry(entry)) {
      result.problems.push(`${where}: missing or malformed fields`);
      continue;
    }
    result.entries++;
    const createdAt = new Date(entry.createdAt);
    if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== entry.createdAt) {
      result.problems.push(`${where}: createdAt is not an exact ISO 8601 instant`);
      continue;
    }
    if (hashEvent({ ...entry, createdAt }) !== entry.hash) {
      result.problems.push(`${where}: its hash does not match its content (the entry was altered)`);
    }
    const forkOf = predecessors.get(`${entry.chain}:${entry.prevHash}`);
    if (forkOf)
      result.problems.push(`${where}: has the same predecessor as entry ${forkOf} (a forked chain)`);
    predecessors.set(`${entry.chain}:${entry.prevHash}`, entry.id);

    const previous = last.get(entry.chain);
    if (previous) {
      if (BigInt(entry.id) <= BigInt(previous.id)) {
        result.problems.push(`${where}: out of order (after entry ${previous.id})`);
      } else if (entry.prevHash === previous.hash) {
        result.linked++;
      } else {
        result.gaps.push({ chain: entry.chain, afterId: previous.id, id: entry.id });
      }
    }
    last.set(entry.chain, entry);
  }
  return result;
}

function isEntry(e: ExportedAuditEntry): boolean {
  const nullableString = (v: unknown) => v === null || typeof v === 'string';
  return (
    !!e &&
    typeof e === 'object' &&
    typeof e.id === 'string' &&
    /^\d+$/.test(e.id) &&
    typeof e.chain === 'string' &&
    nullableString(e.agencyId) &&
    nullableString(e.actorId) &&
    typeof e.action === 'string' &&
    nullableString(e.entityType) &&
    nullableString(e.entityId) &&
    typeof e.createdAt === 'string' &&
    typeof e.prevHash === 'string' &&
    HEX64.test(e.prevHash) &&
    typeof e.hash === 'string' &&
    HEX64.test(e.hash)
  );
}
