import { subjectName, type EvidenceManifest } from './evidence-package';

/** README.txt: how anyone can check the package, with or without Vigie. */
export function evidenceReadme(m: Omit<EvidenceManifest, 'files'>): string {
  return `Evidence package ${m.exportId}
${m.agency.name} — ${subjectName(m.subject)}
Exported by ${m.exportedBy.displayName} at ${m.exportedAt}
Reason: ${m.reason}

Contents
  transcript.html   readable, printable transcript (tips, messages, notes, files)
  transcript.json   the same facts as data
  originals/        every file the tipster sent, byte for byte as received
  audit.json        the audit log entries about these records, with their chain hashes
  manifest.json     each file's SHA-256 and size; who exported it, when and why
  manifest.sha256   the SHA-256 of manifest.json

To check it
  1. With Vigie:  npm run evidence:verify <this file>.zip
  2. By hand, after unzipping:  sha256sum -c manifest.sha256  then compare each file's
     SHA-256 (sha256sum <file>) with its entry in manifest.json. Each original's SHA-256 is also
     the one recorded when it was received ("sealedSha256" in transcript.json).
  3. The agency can confirm that this package is the one it made: its audit log holds an
     "evidence.exported" entry with exportId ${m.exportId} and the SHA-256 of manifest.json,
     and "npm run audit:verify" proves that log has not been altered.
`;
}
