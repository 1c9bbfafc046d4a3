import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StartupError } from './startup-error';

/**
 * Makes DATA_DIR if needed and proves it takes a write, before anything else is put there: the
 * embedded database, the encryption key, media and audit anchors would otherwise fail one by one,
 * later and less clearly. Permission bits are not enough to judge (root writes anyway), so it writes.
 */
export async function ensureWritableDataDir(dataDir: string): Promise<void> {
  const dir = resolve(dataDir);
  const probe = resolve(dir, `.write-check-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new StartupError(
      `DATA_DIR ${dir} is not writable (${code}: ${reasonOf(code)}): set DATA_DIR to a folder this user can create and write, or fix that one.`,
    );
  }
}

function reasonOf(code: string): string {
  switch (code) {
    case 'EROFS':
      return 'read-only file system';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file stands where a folder is needed';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return 'cannot write there';
  }
}
