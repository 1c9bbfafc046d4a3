import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Environment } from './environment';

/**
 * The key that encrypts secrets at rest (tipster contact details, TOTP secrets). Taken from
 * ENCRYPTION_KEY; otherwise generated once and kept beside the embedded database, readable by
 * the owner only. Losing it makes those fields unreadable, so back it up with the data.
 */
export async function loadEncryptionKey(env: Environment): Promise<Buffer> {
  const existing = await existingEncryptionKey(env);
  if (existing) return existing;
  const file = join(env.DATA_DIR, 'encryption.key');
  const key = randomBytes(32);
  await mkdir(env.DATA_DIR, { recursive: true, mode: 0o755 });
  await writeFile(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

/** The key if there is one (ENCRYPTION_KEY, or the file), never making one: for tools that only read. */
export async function existingEncryptionKey(env: Environment): Promise<Buffer | null> {
  if (env.ENCRYPTION_KEY) return Buffer.from(env.ENCRYPTION_KEY, 'base64');
  try {
    return Buffer.from((await readFile(join(env.DATA_DIR, 'encryption.key'), 'utf8')).trim(), 'base64');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
