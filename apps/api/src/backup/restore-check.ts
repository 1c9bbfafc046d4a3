import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'pg';
import { sealedKey } from '../appeals/appeal-images.service';
import { anchorFileOf, anchorKey, checkAnchors, readAnchors } from '../audit/audit-anchors';
import { verifyAuditLog } from '../audit/audit-verifier';
import { existingEncryptionKey } from '../config/encryption-key';
import type { Environment } from '../config/environment';
import { sealedTipMediaKey } from '../tips/tip-media.entity';

export interface RestoreCheck {
  originals: number;
  /** Sealed originals missing or whose SHA-256 is not the one sealed at receipt, by media key. */
  badOriginals: string[];
  auditEvents: number;
  auditProblems: string[];
}

/**
 * What proves a restore: every sealed original a row refers to is on disk with the SHA-256 sealed
 * at receipt, and the audit log's chains and anchors verify (as `npm run audit:verify` does).
 */
export async function checkRestored(
  client: Client,
  dataDir: string,
  env: Environment,
  out: (line: string) => void,
): Promise<RestoreCheck> {
  // Read-only queries of the tips' and appeals' tables, as the upload sweep reads tip_media.
  const { rows } = await client.query<{ kind: string; owner: string; id: string; sha256: string }>(
    `SELECT 'tip' AS kind, tip_id::text AS owner, id::text AS id, sha256 FROM tip_media
     UNION ALL SELECT 'appeal', NULL, id::text, sha256 FROM appeal_image`,
  );
  const badOriginals: string[] = [];
  for (const row of rows) {
    const key = row.kind === 'tip' ? sealedTipMediaKey(row.owner, row.id) : sealedKey(row.id);
    const actual = await sha256Of(join(dataDir, 'media', key));
    if (actual !== row.sha256) badOriginals.push(`${key} (${actual ? 'SHA-256 differs' : 'missing'})`);
  }
  out(
    badOriginals.length === 0
      ? `Sealed originals: ${rows.length} checked, every SHA-256 matches the one sealed at receipt.`
      : `Sealed originals: ${rows.length} checked, ${badOriginals.length} missing or altered:\n${badOriginals
          .slice(0, 20)
          .map((k) => `  - ${k}`)
          .join('\n')}`,
  );

  const report = await verifyAuditLog(client);
  const auditProblems = report.breaks.map((b) => `chain ${b.chain}, event ${b.id}: ${b.reason}`);
  const anchors = await readAnchors(anchorFileOf(env));
  const key = await existingEncryptionKey(env);
  if (key) {
    for (const p of await checkAnchors(client, anchorKey(key), anchors))
      auditProblems.push(`anchor of chain ${p.chain}, event ${p.id}: ${p.reason}`);
  } else if (anchors.length > 0) auditProblems.push('no encryption key to check the anchors with');
  out(
    auditProblems.length === 0
      ? `Audit log intact: ${report.events} events in ${report.chains} chain(s); ${anchors.length} anchor(s) match.`
      : `Audit log does NOT verify:\n${auditProblems.map((p) => `  - ${p}`).join('\n')}`,
  );
  return { originals: rows.length, badOriginals, auditEvents: report.events, auditProblems };
}

async function sha256Of(path: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return hash.digest('hex');
}
