import { verifyAuditLog } from '../audit/audit-verifier';
import { withDatabase } from './cli-database';

/** `npm run audit:verify`: recomputes every audit chain; exits 2 at the first broken link. */
withDatabase(async (client) => {
  const report = await verifyAuditLog(client);
  for (const { chain, id, reason } of report.breaks) {
    process.stdout.write(`Audit log BROKEN: chain ${chain}, first bad event ${id}: ${reason}.\n`);
  }
  if (report.breaks.length > 0) return 2;
  process.stdout.write(`Audit log intact: ${report.events} events in ${report.chains} chain(s).\n`);
  return 0;
})
  .then((code) => process.exit(code))
  .catch((err) => {
    process.stderr.write(`audit:verify failed: ${err?.message ?? err}\n`);
    process.exit(1);
  });
