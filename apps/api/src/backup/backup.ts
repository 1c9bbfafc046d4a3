import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Client } from 'pg';
import { anchorFileOf } from '../audit/audit-anchors';
import { existingEncryptionKey } from '../config/encryption-key';
import type { Environment } from '../config/environment';
import { ArchiveWriter } from './archive-writer';
import {
  ANCHORS,
  BackupManifest,
  CLUSTER,
  CLUSTER_EMPTY_FOLDERS,
  CLUSTER_SECRET,
  CLUSTER_SKIPPED_FILES,
  ENCRYPTION_KEY,
  FORMAT,
  FORMAT_VERSION,
  keyFingerprint,
  MANIFEST,
  MEDIA,
  MEDIA_SKIPPED_FOLDERS,
  walk,
} from './backup-layout';

/**
 * Writes one archive of an embedded deployment, whether the API is running or not: the audit
 * anchors, the encryption key, the Postgres cluster as a base backup, then the media.
 *
 * The order is what makes it consistent:
 * - Anchors first: an anchor names an audit event, so it may only name events the database copy
 *   holds; any anchor written later is simply not in the archive.
 * - The database is a base backup (Postgres's low-level API: pg_backup_start, copy the files,
 *   pg_backup_stop, then the WAL between the two): once restored and replayed it is the database
 *   as it was at pg_backup_stop. A temporary replication slot keeps that WAL from being recycled by a
 *   checkpoint during the copy. (pg_dump would give a snapshot too, but the embedded package ships
 *   no client tools, and a Debian pg_dump older than the server refuses to dump it.)
 * - Media after the database: a tip's files are sealed (fsynced) before its row commits, and files
 *   are never changed afterwards, so every row in the copy has its file on disk when media are
 *   copied. The reverse order would miss the files of tips received while the database was copied.
 *   Files of tips that arrive after pg_backup_stop are copied too and belong to no row; the upload
 *   sweep removes them after a restore. A file gone by then (a retention purge in between) is
 *   counted and fails the backup: run it again.
 */
export async function writeBackup(
  file: string,
  env: Environment,
  client: Client,
): Promise<{ manifest: BackupManifest; missing: number }> {
  const dataDir = resolve(env.DATA_DIR);
  const archive = new ArchiveWriter(file);
  try {
    const anchors = completeLines(await readFile(anchorFileOf(env), 'utf8').catch(() => ''));
    archive.addBuffer(ANCHORS, Buffer.from(anchors));
    const key = await existingEncryptionKey(env);
    if (!key) throw new Error(`no encryption key: neither ENCRYPTION_KEY nor ${dataDir}/encryption.key`);
    // A key given by ENCRYPTION_KEY is kept apart by whoever set it; the archive holds only the file.
    if (!env.ENCRYPTION_KEY) archive.addBuffer(ENCRYPTION_KEY, await readFile(join(dataDir, ENCRYPTION_KEY)));
    archive.addBuffer(CLUSTER_SECRET, await readFile(join(dataDir, CLUSTER_SECRET)));

    const postgres = await copyCluster(archive, join(dataDir, CLUSTER), client);
    const media = await copyMedia(archive, join(dataDir, MEDIA));
    const manifest: BackupManifest = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      postgres,
      media: { files: media.files, bytes: media.bytes },
      encryptionKey: { included: !env.ENCRYPTION_KEY, fingerprint: keyFingerprint(key) },
      anchors: anchors.split('\n').filter(Boolean).length,
    };
    archive.addBuffer(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
    if (media.missing > 0) {
      await archive.abandon();
      return { manifest, missing: media.missing };
    }
    await archive.close();
    return { manifest, missing: 0 };
  } catch (err) {
    await archive.abandon();
    throw err;
  }
}

async function copyCluster(
  archive: ArchiveWriter,
  pgDir: string,
  client: Client,
): Promise<BackupManifest['postgres']> {
  const slot = `vigie_backup_${process.pid}`;
  await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [slot]);
  const {
    rows: [start],
  } = await client.query<{ lsn: string; version: string }>(
    `SELECT pg_backup_start('vigie backup', true)::text AS lsn, current_setting('server_version') AS version`,
  );
  let files = 0;
  let bytes = 0;
  const entries = walk(pgDir, (name, directory) => {
    const base = basename(name);
    if (base.startsWith('pgsql_tmp')) return 'skip';
    if (!directory) return CLUSTER_SKIPPED_FILES.has(base) ? 'skip' : 'keep';
    return CLUSTER_EMPTY_FOLDERS.has(name) ? 'empty' : 'keep';
  });
  for await (const entry of entries) {
    if (entry.directory) archive.addDirectory(`${CLUSTER}/${entry.name}`);
    else {
      // A relation dropped during the copy is gone: its removal is in the WAL replayed at restore.
      const read = await archive.addFile(`${CLUSTER}/${entry.name}`, entry.path, true);
      if (read !== null) {
        files++;
        bytes += read;
      }
    }
  }
  // Closing the backup switches to a new WAL segment, so the one holding its end is complete.
  const {
    rows: [stop],
  } = await client.query<{ lsn: string; labelfile: string; spcmapfile: string; first: string; last: string }>(
    `SELECT s.lsn::text, s.labelfile, s.spcmapfile, pg_walfile_name($1::pg_lsn) AS first, pg_walfile_name(s.lsn) AS last
       FROM pg_backup_stop(false) s`,
    [start.lsn],
  );
  archive.addDirectory(`${CLUSTER}/pg_wal/archive_status`);
  const wal = (await readdir(join(pgDir, 'pg_wal')))
    .filter((f) => (/^[0-9A-F]{24}$/.test(f) ? f >= stop.first && f <= stop.last : f.endsWith('.history')))
    .sort();
  for (const segment of wal) {
    const read = await archive.addFile(`${CLUSTER}/pg_wal/${segment}`, join(pgDir, 'pg_wal', segment), true);
    if (read === null) throw new Error(`WAL segment ${segment} went away during the backup`);
    files++;
    bytes += read;
  }
  archive.addBuffer(`${CLUSTER}/backup_label`, Buffer.from(stop.labelfile));
  if (stop.spcmapfile) archive.addBuffer(`${CLUSTER}/tablespace_map`, Buffer.from(stop.spcmapfile));
  await client.query('SELECT pg_drop_replication_slot($1)', [slot]);
  return { serverVersion: start.version, startLsn: start.lsn, stopLsn: stop.lsn, files, bytes };
}

async function copyMedia(
  archive: ArchiveWriter,
  mediaDir: string,
): Promise<{ files: number; bytes: number; missing: number }> {
  let files = 0;
  let bytes = 0;
  let missing = 0;
  const entries = walk(mediaDir, (name, directory) =>
    directory && MEDIA_SKIPPED_FOLDERS.has(name) ? 'skip' : 'keep',
  );
  for await (const entry of entries) {
    if (entry.directory) continue; // folders come back with their files
    // Photos and videos are compressed already: stored as they are, at no CPU cost.
    const read = await archive.addFile(`${MEDIA}/${entry.name}`, entry.path, false);
    if (read === null) missing++;
    else {
      files++;
      bytes += read;
    }
  }
  return { files, bytes, missing };
}

/** The anchors file's complete lines: one being appended while it is read is left for next time. */
function completeLines(text: string): string {
  return text.slice(0, text.lastIndexOf('\n') + 1);
}
