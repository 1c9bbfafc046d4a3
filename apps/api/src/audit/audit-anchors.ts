import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Client } from 'pg';

/**
 * The audit chain proves that no row was edited or removed in the middle: each row hashes the one
 * before. It cannot prove that nobody with database superuser rights cut off its tail, or edited a
 * row and computed every later hash again. Anchors close that gap: every few minutes the head of
 * each chain (its last id and hash) is written OUTSIDE the database, to an append-only file (and
 * to the log, which deployments usually ship elsewhere), signed with a key derived from
 * ENCRYPTION_KEY, which the database never holds. `npm run audit:verify` then checks that every
 * anchored row is still in the database with the same hash.
 */
export interface AuditAnchor {
  chain: string;
  /** The audit_event id of the chain's head when anchored. */
  id: string;
  hash: string;
  at: string;
  /** The `mac` of the line before in the file ('' for the first): a line removed breaks the chain. */
  prev: string;
  /** HMAC-SHA256 of the five fields above, base64url. */
  mac: string;
}

export interface AnchorProblem {
  chain: string;
  id: string;
  reason:
    | 'forged anchor'
    | 'anchor removed or reordered before this one'
    | 'anchored event missing'
    | 'anchored event changed'
    | 'unreadable anchor';
}

export const anchorKey = (encryptionKey: Buffer): Buffer =>
  createHmac('sha256', encryptionKey).update('vigie:audit-anchor').digest();

/** Where anchors are appended: AUDIT_ANCHOR_FILE, else beside the data. */
export const anchorFileOf = (env: { AUDIT_ANCHOR_FILE?: string; DATA_DIR: string }): string =>
  env.AUDIT_ANCHOR_FILE ?? join(env.DATA_DIR, 'audit-anchors.jsonl');

const macOf = (key: Buffer, a: Omit<AuditAnchor, 'mac'>) =>
  createHmac('sha256', key)
    .update(JSON.stringify([a.chain, a.id, a.hash, a.at, a.prev]))
    .digest('base64url');

/** Signs chain heads in order, each line linked to the one before (`prev`: the file's last mac). */
export function signAnchors(
  key: Buffer,
  heads: { chain: string; id: string; hash: string }[],
  prev: string,
  at = new Date(),
): AuditAnchor[] {
  return heads.map((head) => {
    const unsigned = { chain: head.chain, id: head.id, hash: head.hash, at: at.toISOString(), prev };
    const anchor = { ...unsigned, mac: macOf(key, unsigned) };
    prev = anchor.mac;
    return anchor;
  });
}

function isGenuine(key: Buffer, a: AuditAnchor): boolean {
  const expected = Buffer.from(macOf(key, a));
  const given = Buffer.from(String(a.mac));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Appends one line per anchor and flushes it to disk before returning. */
export async function appendAnchors(file: string, anchors: AuditAnchor[]): Promise<void> {
  if (anchors.length === 0) return;
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(file, 'a', 0o600);
  try {
    await handle.write(anchors.map((a) => JSON.stringify(a) + '\n').join(''));
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Every line of the file, parsed; a missing file is no anchors. Unparseable lines are kept as null. */
export async function readAnchors(file: string): Promise<(AuditAnchor | null)[]> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      try {
        const a = JSON.parse(line) as AuditAnchor;
        return typeof a.chain === 'string' && /^\d+$/.test(String(a.id)) ? a : null;
      } catch {
        return null;
      }
    });
}

/** Checks each anchor against the database: genuine, and its event still there with its hash. */
export async function checkAnchors(
  db: Client,
  key: Buffer,
  anchors: (AuditAnchor | null)[],
): Promise<AnchorProblem[]> {
  const problems: AnchorProblem[] = [];
  const genuine: AuditAnchor[] = [];
  let prev = '';
  for (const a of anchors) {
    if (!a) problems.push({ chain: '?', id: '?', reason: 'unreadable anchor' });
    else if (!isGenuine(key, a)) problems.push({ chain: a.chain, id: a.id, reason: 'forged anchor' });
    else {
      if (a.prev !== prev)
        problems.push({ chain: a.chain, id: a.id, reason: 'anchor removed or reordered before this one' });
      genuine.push(a);
    }
    prev = a?.mac ?? prev;
  }
  for (let i = 0; i < genuine.length; i += 1000) {
    const batch = genuine.slice(i, i + 1000);
    const { rows } = await db.query<{ id: string; chain: string; hash: string }>(
      `SELECT id::text, chain, hash FROM audit_event WHERE id = ANY($1::bigint[])`,
      [batch.map((a) => a.id)],
    );
    const stored = new Map(rows.map((r) => [r.id, r]));
    for (const a of batch) {
      const row = stored.get(a.id);
      if (!row || row.chain !== a.chain)
        problems.push({ chain: a.chain, id: a.id, reason: 'anchored event missing' });
      else if (row.hash !== a.hash)
        problems.push({ chain: a.chain, id: a.id, reason: 'anchored event changed' });
    }
  }
  return problems;
}
