/**
 * The layout of an evidence package, shared by the writer (the API) and the verifier (the CLI), so
 * that what one writes is exactly what the other checks.
 *
 *   README.txt         how to check the package by hand
 *   transcript.html    the tips, messages and notes, readable and printable
 *   transcript.json    the same facts, for machines
 *   originals/<media id>.<ext>   every sealed original, byte for byte as the tipster sent it
 *   audit.json         the audit entries of the exported records, with their chain hashes
 *   manifest.json      every file above with its SHA-256 and size; who exported, when and why
 *   manifest.sha256    the SHA-256 of manifest.json (`sha256sum -c` format); the same value is
 *                      in the `evidence.exported` audit entry of the export itself
 */
export const PACKAGE_FORMAT = 'vigie-evidence/1';
export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_HASH_FILE = 'manifest.sha256';
export const AUDIT_FILE = 'audit.json';
export const TRANSCRIPT_JSON = 'transcript.json';
export const TRANSCRIPT_HTML = 'transcript.html';
export const README_FILE = 'README.txt';
export const ORIGINALS_DIR = 'originals/';

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * What was exported: a tip, a case with its linked tips, or a duplicate cluster with its member
 * tips. `label` is what people call it: the tip's code, the case's number, the primary tip's code.
 */
export interface EvidenceSubject {
  type: 'tip' | 'case' | 'cluster';
  id: string;
  label: string;
}

/** How people name it: "tip K7QM-2XH9", "case 2026-0042", "duplicate cluster of tip K7QM-2XH9". */
export const subjectName = (s: EvidenceSubject) =>
  `${s.type === 'cluster' ? 'duplicate cluster of tip' : s.type} ${s.label}`;

export interface EvidenceManifest {
  format: typeof PACKAGE_FORMAT;
  exportId: string;
  subject: EvidenceSubject;
  agency: { id: string; slug: string; name: string };
  exportedBy: { id: string; displayName: string; roles: string[] };
  exportedAt: string;
  reason: string;
  includesContact: boolean;
  hashAlgorithm: 'SHA-256';
  files: ManifestFile[];
}

/**
 * One audit entry as exported: every field `hashEvent` covers (so anyone can recompute `hash`),
 * plus the actor's name for readers, which the hash does not cover.
 */
export interface ExportedAuditEntry {
  id: string;
  chain: string;
  agencyId: string | null;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  data: unknown;
  createdAt: string;
  prevHash: string;
  hash: string;
}

export interface AuditExtract {
  format: typeof PACKAGE_FORMAT;
  /** How to read the chain links of an extract; repeated in the file for whoever opens it. */
  note: string;
  entries: ExportedAuditEntry[];
}

export const AUDIT_EXTRACT_NOTE =
  'Entries of the agency hash chain that concern the exported records, in chain order. Each hash ' +
  'covers the entry and its prev_hash. Where prev_hash equals the hash of the entry listed before ' +
  'it, the two are consecutive in the chain; where it does not, the chain holds entries about ' +
  'other records in between, which are not part of this extract. The full chain is verified with ' +
  '`npm run audit:verify` on the agency log, which also holds the evidence.exported entry ' +
  'recording the SHA-256 of manifest.json.';

export const sha256Line = (hex: string) => `${hex}  ${MANIFEST_FILE}\n`;
