import { createHash } from 'node:crypto';
import { opendir } from 'node:fs/promises';
import { join } from 'node:path';

/** What a backup archive holds, by entry name; restore.ts puts each back where it came from. */
export const MANIFEST = 'vigie-backup.json';
export const ENCRYPTION_KEY = 'encryption.key';
export const CLUSTER_SECRET = 'postgres.secret';
export const ANCHORS = 'audit-anchors.jsonl';
export const CLUSTER = 'postgres';
export const MEDIA = 'media';
export const FORMAT = 'vigie-backup';
export const FORMAT_VERSION = 1;

export interface BackupManifest {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  createdAt: string;
  postgres: { serverVersion: string; startLsn: string; stopLsn: string; files: number; bytes: number };
  media: { files: number; bytes: number };
  /** Whether the key is in the archive; either way its fingerprint, to check the one a restore uses. */
  encryptionKey: { included: boolean; fingerprint: string };
  anchors: number;
}

/** Names the key without revealing it (a restore given ENCRYPTION_KEY checks it is the right one). */
export const keyFingerprint = (key: Buffer) =>
  createHash('sha256').update('vigie backup key fingerprint\n').update(key).digest('hex').slice(0, 16);

/**
 * Folders of a Postgres data directory whose contents a base backup leaves out (Postgres's
 * "Making a Base Backup Using the Low Level API"): rebuilt at start, or only valid while running.
 * The folders themselves are kept, empty. pg_wal is taken apart, after the backup is closed.
 */
export const CLUSTER_EMPTY_FOLDERS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
export const CLUSTER_SKIPPED_FILES = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'tablespace_map',
  'pg_internal.init',
]);

/** Media folders that hold work in progress, never part of a tip: scratch files and resumable uploads. */
export const MEDIA_SKIPPED_FOLDERS = new Set(['.tmp', '.tus']);

export interface WalkedEntry {
  /** Relative to the walked root, with forward slashes. */
  name: string;
  path: string;
  directory: boolean;
}

/** Every file and folder under `root`, parents before children; `skip` may keep a folder's contents out. */
export async function* walk(
  root: string,
  skip: (name: string, directory: boolean) => 'keep' | 'skip' | 'empty',
  prefix = '',
): AsyncGenerator<WalkedEntry> {
  const folder = await opendir(join(root, prefix)).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null; // removed while walking (a dropped relation's folder)
    throw err;
  });
  if (!folder) return;
  for await (const dirent of folder) {
    const name = prefix ? `${prefix}/${dirent.name}` : dirent.name;
    const directory = dirent.isDirectory();
    const verdict = skip(name, directory);
    if (verdict === 'skip' || (!directory && !dirent.isFile())) continue;
    yield { name, path: join(root, name), directory };
    if (directory && verdict === 'keep') yield* walk(root, skip, name);
  }
}
