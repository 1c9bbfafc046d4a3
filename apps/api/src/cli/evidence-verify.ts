// First: the configuration loads the shared contract, whose DTOs are decorated.
import 'reflect-metadata';
import { stat } from 'node:fs/promises';
import { EvidenceVerifyReport, verifyEvidencePackage } from '../records/evidence/evidence-verifier';

/**
 * `npm run evidence:verify <package.zip>`: recomputes every hash in an evidence package. Exit 0
 * when it is intact, 2 when it is not (altered, forged, truncated, not a package), 1 when the
 * command itself cannot run (no file given, file unreadable).
 */
export async function main(args: string[], out: (line: string) => void): Promise<number> {
  const path = args.find((a) => !a.startsWith('-'));
  if (!path) {
    out('Usage: npm run evidence:verify <evidence-package.zip>');
    return 1;
  }
  const file = await stat(path).catch(() => null);
  if (!file?.isFile()) {
    out(`Cannot read ${path}: no such file.`);
    return 1;
  }
  const report = await verifyEvidencePackage(path);
  for (const line of describe(path, report)) out(line);
  return report.valid ? 0 : 2;
}

export function describe(path: string, r: EvidenceVerifyReport): string[] {
  const lines = [`Evidence package ${path}`];
  if (r.manifest) {
    const m = r.manifest;
    lines.push(
      `  ${m.subject?.type} ${m.subject?.label} of ${m.agency?.name}, export ${m.exportId}`,
      `  exported by ${m.exportedBy?.displayName} at ${m.exportedAt}: ${m.reason}`,
      `  manifest.json SHA-256 ${m.sha256}`,
    );
  }
  lines.push(`  files matching the manifest: ${r.filesOk}`);
  if (r.audit) {
    lines.push(
      `  audit entries: ${r.audit.entries}, hashes recomputed; ${r.audit.linked} consecutive links verified, ` +
        `${r.audit.gaps.length} gap(s) where the chain holds entries about other records`,
    );
  }
  if (r.valid) {
    lines.push(
      'VALID: every file matches the manifest, and the manifest matches manifest.sha256.',
      '  To prove the agency made this package, match the manifest SHA-256 above with its',
      '  evidence.exported audit entry (export id above); `npm run audit:verify` proves that log intact.',
    );
  } else {
    lines.push(`INVALID: ${r.problems.length} problem(s):`, ...r.problems.map((p) => `  - ${p}`));
  }
  return lines;
}

if (require.main === module) {
  main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`))
    .then((code) => process.exit(code))
    .catch((err) => {
      process.stderr.write(`evidence:verify failed: ${err?.message ?? err}\n`);
      process.exit(1);
    });
}
