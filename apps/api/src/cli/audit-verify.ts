// First: the configuration loads the shared contract, whose DTOs are decorated.
import 'reflect-metadata';
import { anchorFileOf, anchorKey, checkAnchors, readAnchors } from '../audit/audit-anchors';
import { verifyAuditLog } from '../audit/audit-verifier';
import { existingEncryptionKey } from '../config/encryption-key';
import { withDatabase } from './cli-database';

/**
 * `npm run audit:verify`: recomputes every audit chain, then checks it against the anchors written
 * outside the database (a cut-off tail, or a chain rewritten and rehashed, shows only there).
 * Exits 2 at the first broken link or failed anchor.
 */
withDatabase(async (client, env) => {
  const report = await verifyAuditLog(client);
  for (const { chain, id, reason } of report.breaks) {
    process.stdout.write(`Audit log BROKEN: chain ${chain}, first bad event ${id}: ${reason}.\n`);
  }
  const file = anchorFileOf(env);
  const anchors = await readAnchors(file);
  const key = await existingEncryptionKey(env);
  if (!key && anchors.length > 0) {
    process.stdout.write(
      `Cannot check the anchors in ${file}: no ENCRYPTION_KEY and no ${env.DATA_DIR}/encryption.key.\n`,
    );
    return 1;
  }
  const problems = key ? await checkAnchors(client, anchorKey(key), anchors) : [];
  for (const { chain, id, reason } of problems) {
    process.stdout.write(
      `Audit log does NOT match its anchors (${file}): chain ${chain}, event ${id}: ${reason}.\n`,
    );
  }
  if (report.breaks.length > 0 || problems.length > 0) return 2;
  // Anchors cannot show the last minutes before the newest one was written: say how old it is.
  const newest = anchors.at(-1)?.at;
  const age = newest
    ? `newest ${Math.round((Date.now() - Date.parse(newest)) / 60_000)} min old`
    : 'none yet';
  process.stdout.write(
    `Audit log intact: ${report.events} events in ${report.chains} chain(s); ${anchors.length} anchor(s) in ${file} match (${age}).\n`,
  );
  return 0;
})
  .then((code) => process.exit(code))
  .catch((err) => {
    process.stderr.write(`audit:verify failed: ${err?.message ?? err}\n`);
    process.exit(1);
  });
