import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chmod, chown, mkdir, readdir, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { openPromise, type Entry, type ZipFile } from 'yauzl';
import { anchorFileOf } from '../audit/audit-anchors';
import { ensureWritableDataDir } from '../config/data-dir';
import type { Environment } from '../config/environment';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { forwardablePostgresLine } from '../database/postgres-log';
import {
  ANCHORS,
  BackupManifest,
  CLUSTER,
  CLUSTER_SECRET,
  ENCRYPTION_KEY,
  FORMAT,
  FORMAT_VERSION,
  keyFingerprint,
  MANIFEST,
  MEDIA,
} from './backup-layout';
import { checkRestored, RestoreCheck } from './restore-check';

/** Why a restore will not start, said to the operator as is (exit 1); nothing was written. */
export class RestoreRefused extends Error {}

/**
 * Restores an archive written by `npm run backup` into an empty DATA_DIR: the files go back where
 * they came from, the embedded Postgres starts on them and replays the WAL of the backup (its
 * backup_label says from where), then every sealed original and the audit log are checked against
 * the restored database. The cluster is stopped again at the end; `npm start` takes it from there.
 */
export async function restoreBackup(
  file: string,
  env: Environment,
  out: (line: string) => void,
): Promise<RestoreCheck> {
  const dataDir = resolve(env.DATA_DIR);
  const anchorFile = anchorFileOf(env);
  await refuseUnlessEmpty(dataDir, anchorFile);
  const zip = await openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: true }).catch(
    (err: Error) => {
      throw new RestoreRefused(`${file} is not a readable backup archive (${err.message}).`);
    },
  );
  try {
    // One pass over the central directory (no file data read), then files in any order.
    const entries: Entry[] = [];
    try {
      for await (const entry of zip.eachEntry()) entries.push(entry);
    } catch (err) {
      throw new RestoreRefused(`${file} is not a readable backup archive (${(err as Error).message}).`);
    }
    const manifest = await readManifest(zip, entries, file);
    const key = env.ENCRYPTION_KEY ? Buffer.from(env.ENCRYPTION_KEY, 'base64') : null;
    if (!manifest.encryptionKey.included && !key)
      throw new RestoreRefused(
        'This backup does not hold the encryption key (it was set by ENCRYPTION_KEY): set the same ENCRYPTION_KEY and run the restore again.',
      );
    if (key && keyFingerprint(key) !== manifest.encryptionKey.fingerprint)
      throw new RestoreRefused(
        'ENCRYPTION_KEY is not the key this backup was made with: unset it (the archive holds its own) or set the right one.',
      );

    // Every entry is placed before any is written: a stranger refuses the whole archive.
    const placed = entries.map((entry) => ({ entry, target: targetOf(entry.fileName, dataDir, anchorFile) }));
    const stranger = placed.find((p) => p.target === undefined);
    if (stranger)
      throw new RestoreRefused(
        `${file} holds ${JSON.stringify(stranger.entry.fileName)}, which no Vigie backup holds: nothing was restored.`,
      );
    await ensureWritableDataDir(dataDir);
    out(`Restoring ${file} (made ${manifest.createdAt}) into ${dataDir}...`);
    for (const { entry, target } of placed) {
      if (!target) continue;
      if (entry.fileName.endsWith('/')) await mkdir(target, { recursive: true, mode: 0o700 });
      else await extract(zip, entry, target);
    }
    await handClusterToPostgres(dataDir);
  } finally {
    zip.close();
  }

  out("Starting the restored database (it replays the backup's write-ahead log)...");
  const db = await startEmbeddedPostgres({
    dataDir,
    port: env.EMBEDDED_PG_PORT,
    database: 'vigie',
    log: (line) => {
      const forwarded = forwardablePostgresLine(line);
      if (forwarded) out(`[postgres] ${forwarded}`);
    },
  });
  try {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return await checkRestored(client, dataDir, env, out);
    } finally {
      await client.end();
    }
  } finally {
    await db.stop();
  }
}

async function refuseUnlessEmpty(dataDir: string, anchorFile: string): Promise<void> {
  const entries = await readdir(dataDir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw new RestoreRefused(`Cannot read DATA_DIR ${dataDir} (${err.code}).`);
  });
  if (entries.length > 0)
    throw new RestoreRefused(
      `DATA_DIR ${dataDir} is not empty: a restore goes only into an empty or new folder (set DATA_DIR to one), never over a deployment.`,
    );
  const anchors = await stat(anchorFile).catch(() => null);
  if (anchors && anchors.size > 0)
    throw new RestoreRefused(
      `AUDIT_ANCHOR_FILE ${anchorFile} already holds anchors: point it at a new file for the restored deployment.`,
    );
}

async function readManifest(zip: ZipFile, entries: Entry[], file: string): Promise<BackupManifest> {
  const entry = entries.find((e) => e.fileName === MANIFEST);
  if (entry) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BackupManifest;
    } catch {
      throw new RestoreRefused(`${file} has an unreadable ${MANIFEST}: it is not a Vigie backup.`);
    }
    if (manifest?.format !== FORMAT || manifest.version !== FORMAT_VERSION)
      throw new RestoreRefused(`${file} is a backup of a format this Vigie does not read.`);
    return manifest;
  }
  throw new RestoreRefused(`${file} is not a Vigie backup (no ${MANIFEST}): it may be cut short.`);
}

/** Where an entry goes; null for the manifest (read, not restored); undefined for a stranger. */
function targetOf(name: string, dataDir: string, anchorFile: string): string | null | undefined {
  if (name === MANIFEST) return null;
  if (name === ANCHORS) return anchorFile;
  if (name === ENCRYPTION_KEY || name === CLUSTER_SECRET) return join(dataDir, name);
  const root = name.split('/')[0];
  if (root !== CLUSTER && root !== MEDIA) return undefined;
  // yauzl's strictFileNames already refuses absolute paths and "..": this is the second lock.
  const target = resolve(dataDir, name);
  return target.startsWith(dataDir + sep) ? target : undefined;
}

async function extract(zip: ZipFile, entry: Entry, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  await pipeline(
    await zip.openReadStreamPromise(entry),
    createWriteStream(target, { mode: 0o600, flags: 'wx' }),
  );
}

/** As at first start (embedded-postgres.ts): Postgres refuses to run as root, so its folder is its user's. */
async function handClusterToPostgres(dataDir: string): Promise<void> {
  const pgDir = join(dataDir, CLUSTER);
  await chmod(pgDir, 0o700);
  if (userInfo().uid !== 0) return;
  await chmod(dataDir, 0o755);
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  let uid: number;
  try {
    uid = id('-u');
  } catch {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    uid = id('-u');
  }
  const gid = id('-g');
  const own = async (path: string): Promise<void> => {
    await chown(path, uid, gid);
    const info = await stat(path);
    if (info.isDirectory()) for (const child of await readdir(path)) await own(join(path, child));
  };
  await own(pgDir);
}
