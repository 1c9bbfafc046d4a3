import { createHash } from 'node:crypto';
import { openPromise, type Entry, type ZipFile } from 'yauzl';
import { checkAuditExtract, type AuditExtractCheck } from './audit-extract-check';
import {
  AUDIT_FILE,
  EvidenceManifest,
  MANIFEST_FILE,
  MANIFEST_HASH_FILE,
  PACKAGE_FORMAT,
  TRANSCRIPT_JSON,
} from './evidence-package';
import type { TipTranscript } from './evidence-record';

export interface EvidenceVerifyReport {
  valid: boolean;
  manifest?: Pick<
    EvidenceManifest,
    'exportId' | 'subject' | 'agency' | 'exportedBy' | 'exportedAt' | 'reason'
  > & {
    sha256: string;
  };
  /** Files listed in the manifest whose bytes and size match. */
  filesOk: number;
  audit?: AuditExtractCheck;
  /** Each problem names the file or entry concerned. Empty when the package is intact. */
  problems: string[];
}

interface Measured {
  sha256: string;
  bytes: number;
  /** Kept for the small JSON files the verifier must read; originals are only hashed. */
  content?: Buffer;
}

/** The files read whole to check their content; anything larger than this is not a real one. */
const READ_WHOLE = new Set([MANIFEST_FILE, MANIFEST_HASH_FILE, AUDIT_FILE, TRANSCRIPT_JSON]);
const READ_WHOLE_LIMIT = 256 * 1024 * 1024;

/**
 * Verifies an evidence package with no database and no trust in the ZIP itself: every entry is
 * streamed and hashed (never held whole, except the small JSON files), then checked against the
 * manifest, the manifest against manifest.sha256, each original against the SHA-256 sealed at
 * receipt, and the audit extract against its own hash chain.
 */
export async function verifyEvidencePackage(zipPath: string): Promise<EvidenceVerifyReport> {
  const report: EvidenceVerifyReport = { valid: false, filesOk: 0, problems: [] };
  let zip: ZipFile;
  try {
    zip = await openPromise(zipPath, { lazyEntries: true, autoClose: false, strictFileNames: true });
  } catch (err) {
    report.problems.push(
      `not a readable ZIP file (${(err as Error).message}); it may be truncated or not a package`,
    );
    return report;
  }
  const entries = new Map<string, Measured>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      if (entries.has(entry.fileName)) {
        report.problems.push(`${entry.fileName}: appears twice in the ZIP`);
        continue;
      }
      try {
        entries.set(entry.fileName, await measure(zip, entry));
      } catch (err) {
        report.problems.push(`${entry.fileName}: cannot be read (${(err as Error).message})`);
      }
    }
  } catch (err) {
    report.problems.push(`the ZIP's directory is damaged (${(err as Error).message})`);
  } finally {
    zip.close();
  }
  checkContents(entries, report);
  report.valid = report.problems.length === 0;
  return report;
}

async function measure(zip: ZipFile, entry: Entry): Promise<Measured> {
  const stream = await zip.openReadStreamPromise(entry);
  const hash = createHash('sha256');
  const keep = READ_WHOLE.has(entry.fileName);
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    if (keep) {
      if (bytes > READ_WHOLE_LIMIT) throw new Error('far too large for this kind of file');
      chunks.push(chunk);
    }
  }
  return { sha256: hash.digest('hex'), bytes, content: keep ? Buffer.concat(chunks) : undefined };
}

function checkContents(entries: Map<string, Measured>, report: EvidenceVerifyReport): void {
  const problems = report.problems;
  const manifestFile = entries.get(MANIFEST_FILE);
  if (!manifestFile) {
    problems.push(`${MANIFEST_FILE} is missing: this is not an evidence package, or it is incomplete`);
    return;
  }
  const declared = /^([0-9a-f]{64})\s+\*?manifest\.json\s*$/.exec(
    entries.get(MANIFEST_HASH_FILE)?.content?.toString('utf8') ?? '',
  )?.[1];
  if (!declared) problems.push(`${MANIFEST_HASH_FILE} is missing or unreadable`);
  else if (declared !== manifestFile.sha256)
    problems.push(`${MANIFEST_FILE} does not match ${MANIFEST_HASH_FILE}: the manifest was altered`);

  const manifest = parseJson<EvidenceManifest>(manifestFile.content!, MANIFEST_FILE, problems);
  if (!manifest) return;
  if (manifest.format !== PACKAGE_FORMAT || !Array.isArray(manifest.files)) {
    problems.push(`${MANIFEST_FILE}: not a ${PACKAGE_FORMAT} manifest`);
    return;
  }
  report.manifest = {
    exportId: manifest.exportId,
    subject: manifest.subject,
    agency: manifest.agency,
    exportedBy: manifest.exportedBy,
    exportedAt: manifest.exportedAt,
    reason: manifest.reason,
    sha256: manifestFile.sha256,
  };

  const listed = new Map<string, { sha256: string; bytes: number }>();
  for (const file of manifest.files) {
    if (
      typeof file?.path !== 'string' ||
      typeof file.sha256 !== 'string' ||
      !Number.isSafeInteger(file.bytes)
    ) {
      problems.push(`${MANIFEST_FILE}: a file entry is malformed`);
      continue;
    }
    if (listed.has(file.path)) problems.push(`${file.path}: listed twice in the manifest`);
    listed.set(file.path, file);
    const actual = entries.get(file.path);
    if (!actual) problems.push(`${file.path}: listed in the manifest but missing from the ZIP`);
    else if (actual.sha256 !== file.sha256)
      problems.push(`${file.path}: SHA-256 differs from the manifest (altered)`);
    else if (actual.bytes !== file.bytes)
      problems.push(`${file.path}: ${actual.bytes} bytes, the manifest says ${file.bytes}`);
    else report.filesOk++;
  }
  for (const path of entries.keys()) {
    if (path !== MANIFEST_FILE && path !== MANIFEST_HASH_FILE && !listed.has(path))
      problems.push(`${path}: in the ZIP but not in the manifest (added)`);
  }

  const audit = entries.get(AUDIT_FILE)?.content;
  if (!audit || !listed.has(AUDIT_FILE)) problems.push(`${AUDIT_FILE} is missing`);
  else {
    const extract = parseJson<{ entries: unknown }>(audit, AUDIT_FILE, problems);
    if (extract) {
      report.audit = checkAuditExtract(extract.entries);
      problems.push(...report.audit.problems);
    }
  }
  checkSealedHashes(entries, listed, problems);
}

/** Each original must be the very file received: its SHA-256 as sealed at intake, in transcript.json. */
function checkSealedHashes(
  entries: Map<string, Measured>,
  listed: Map<string, { sha256: string }>,
  problems: string[],
): void {
  const transcript = entries.get(TRANSCRIPT_JSON)?.content;
  if (!transcript || !listed.has(TRANSCRIPT_JSON)) {
    problems.push(`${TRANSCRIPT_JSON} is missing`);
    return;
  }
  const parsed = parseJson<{ tips?: TipTranscript[] }>(transcript, TRANSCRIPT_JSON, problems);
  for (const media of (parsed?.tips ?? []).flatMap((t) => t.media ?? [])) {
    const file = listed.get(media.file);
    if (!file) problems.push(`${media.file}: the original of media ${media.id} is not in the package`);
    else if (file.sha256 !== media.sealedSha256)
      problems.push(`${media.file}: not the file sealed at receipt (SHA-256 ${media.sealedSha256})`);
  }
}

function parseJson<T>(data: Buffer, name: string, problems: string[]): T | undefined {
  try {
    return JSON.parse(data.toString('utf8')) as T;
  } catch {
    problems.push(`${name}: not valid JSON`);
    return undefined;
  }
}
