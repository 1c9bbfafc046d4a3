import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The OASIS CAP 1.2 schema, copied from the standard so the tests need nothing outside the repo.
const CAP_XSD = join(__dirname, 'standards/CAP-v1.2.xsd');
const scratch = mkdtempSync(join(tmpdir(), 'vigie-xml-'));

function written(xml: string): string {
  const file = join(scratch, `${Date.now()}-${Math.random()}.xml`);
  writeFileSync(file, xml);
  return file;
}

/** Validates a CAP alert with xmllint against the OASIS schema; returns xmllint's complaint, or '' when valid. */
export function capErrors(xml: string): string {
  try {
    execFileSync('xmllint', ['--noout', '--schema', CAP_XSD, written(xml)], { stdio: 'pipe' });
    return '';
  } catch (err) {
    return String((err as { stderr?: Buffer }).stderr ?? err);
  }
}

/** True when xmllint reads the document as well-formed XML; throws xmllint's complaint otherwise. */
export function wellFormed(xml: string): boolean {
  execFileSync('xmllint', ['--noout', written(xml)], { stdio: 'pipe' });
  return true;
}
