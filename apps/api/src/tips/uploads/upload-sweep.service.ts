import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { lstat, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loggableError } from '../../common/loggable-error';
import { AppConfig } from '../../config/app-config';
import { MediaStore } from '../../media/media-store';
import { resumableUploadsFolder, UPLOAD_LIFETIME_MS } from './resumable-uploads';

/**
 * How old a scratch file, or a sealed file that no row refers to, must be before it is removed.
 * A request's body takes at most Node's requestTimeout (5 minutes) to arrive, media tools are
 * killed after 15 minutes, and TipFiles.seal commits its rows seconds after sealing: an hour is
 * far beyond all of them, so nothing in flight is ever taken.
 */
export const UPLOAD_SWEEP_MIN_AGE_MS = 3_600_000;

/** Media ids are checked against tip_media this many at a time: one query per batch, not per file. */
const BATCH = 500;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The tip files the sweep may remove, and where their media id sits in the key (tip-media.entity.ts). */
const TIP_FILES = [
  {
    prefix: 'sealed/tips/',
    mediaId: new RegExp(`^sealed/tips/${UUID}/(${UUID})$`, 'i'),
    counter: 'orphanedOriginals',
  },
  {
    prefix: 'renditions/tips/',
    mediaId: new RegExp(`^renditions/tips/${UUID}/(${UUID})/[^/]+$`, 'i'),
    counter: 'orphanedRenditions',
  },
] as const;

export interface UploadSweepOptions {
  /** Count what would be removed, and remove nothing. */
  dryRun: boolean;
  /**
   * `local`: only this machine's folders (unfinished resumable uploads and scratch files), which
   * each process sweeps for itself; `all` adds the media store, which every process shares.
   */
  scope?: 'all' | 'local';
}

/** What a run removed (or, in a dry run, would remove). */
export interface UploadSweepReport {
  dryRun: boolean;
  scope: 'all' | 'local';
  /** Resumable (tus) uploads past their lifetime: data and info file, counted once. */
  expiredUploads: number;
  /** Entries of the scratch folder (a file, or a processing job's folder) untouched for an hour. */
  scratchFiles: number;
  /** Sealed originals under `sealed/tips/` whose media id has no tip_media row. */
  orphanedOriginals: number;
  /** Renditions under `renditions/tips/` whose media id has no tip_media row. */
  orphanedRenditions: number;
  /** Files that could not be removed (logged one by one); a later run tries again. */
  failures: number;
}

/**
 * Removes what tip intake leaves behind when something goes wrong: resumable uploads a phone
 * never finished, scratch files of a request or a job that crashed, and sealed files (with their
 * renditions) whose recording transaction never committed, or whose tip was purged while a file
 * could not be removed. It never removes a file whose tip_media row exists, nor anything younger
 * than an hour (an intake between sealing and commit), nor a key it does not recognise. Running
 * it twice, or in two processes at once, removes nothing more than once.
 *
 * No audit entry is written. The files it removes were never acknowledged to anyone: no tipster
 * was told they were received and no staff member could see them, since only a committed row
 * makes a file part of a tip. The one exception, a file left behind by a retention purge, belongs
 * to a purge that is already audited (`retention.purged`).
 */
@Injectable()
export class UploadSweepService {
  private readonly logger = new Logger(UploadSweepService.name);
  private readonly uploadsFolder: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: MediaStore,
    config: AppConfig,
  ) {
    this.uploadsFolder = resumableUploadsFolder(config.env.DATA_DIR);
  }

  async run(options: UploadSweepOptions): Promise<UploadSweepReport> {
    const { dryRun, scope = 'all' } = options;
    const report: UploadSweepReport = {
      dryRun,
      scope,
      expiredUploads: 0,
      scratchFiles: 0,
      orphanedOriginals: 0,
      orphanedRenditions: 0,
      failures: 0,
    };
    const now = Date.now();
    await this.expiredUploads(report, now);
    await this.staleScratch(report, now - UPLOAD_SWEEP_MIN_AGE_MS);
    if (scope === 'all') await this.orphans(report, now - UPLOAD_SWEEP_MIN_AGE_MS);

    const removed =
      report.expiredUploads + report.scratchFiles + report.orphanedOriginals + report.orphanedRenditions;
    if (!dryRun && (scope === 'all' || removed > 0 || report.failures > 0))
      this.logger.log({ ...report }, 'upload sweep');
    return report;
  }

  /**
   * Resumable uploads begun more than their lifetime ago: the expiry @tus/server applies (its HEAD
   * and PATCH handlers refuse to resume such an upload). Written out rather than calling its
   * cleanUpExpiredUploads(), so that a dry run can count, an upload another sweep removed first is
   * no error (deleteExpired() rejects on the first one already gone), and half an upload (a data
   * file without its info file, or the reverse, after a crash) goes too.
   */
  private async expiredUploads(report: UploadSweepReport, now: number): Promise<void> {
    const names = await readdir(this.uploadsFolder).catch(ifMissing([]));
    for (const id of new Set(names.map((name) => name.replace(/\.json$/, '')))) {
      const data = join(this.uploadsFolder, id);
      const info = `${data}.json`;
      const begun = (await creationDate(info)) ?? (await modifiedAt(info)) ?? (await modifiedAt(data));
      if (begun === undefined || begun + UPLOAD_LIFETIME_MS > now) continue;
      // A request still writing or finishing it holds its lease (SharedUploadLocker): not now.
      const [leased] = await this.dataSource.query(
        `SELECT 1 FROM upload_lock WHERE upload_id = $1 AND expires_at > now()`,
        [id],
      );
      if (leased) continue;
      if (!report.dryRun) {
        try {
          await rm(data, { force: true });
          await rm(info, { force: true });
        } catch (err) {
          this.logger.error({ err: loggableError(err), upload: id }, 'upload sweep: upload not removed');
          report.failures++;
          continue;
        }
      }
      report.expiredUploads++;
    }
  }

  /** Scratch entries (files, or folders of a processing job) in which nothing changed for an hour. */
  private async staleScratch(report: UploadSweepReport, cutoff: number): Promise<void> {
    const folder = this.store.tempFolder();
    for (const name of await readdir(folder).catch(ifMissing([]))) {
      const latest = await latestChange(join(folder, name));
      if (latest === undefined || latest >= cutoff) continue;
      if (!report.dryRun) {
        try {
          await rm(join(folder, name), { recursive: true, force: true });
        } catch (err) {
          this.logger.error(
            { err: loggableError(err), scratch: name },
            'upload sweep: scratch file not removed',
          );
          report.failures++;
          continue;
        }
      }
      report.scratchFiles++;
    }
  }

  private async orphans(report: UploadSweepReport, cutoff: number): Promise<void> {
    for (const files of TIP_FILES) {
      let batch: { key: string; mediaId: string }[] = [];
      for await (const { key, modifiedAt } of this.store.list(files.prefix)) {
        if (modifiedAt.getTime() >= cutoff) continue;
        const mediaId = files.mediaId.exec(key)?.[1]?.toLowerCase();
        if (!mediaId) continue;
        batch.push({ key, mediaId });
        if (batch.length === BATCH) {
          await this.removeUnreferenced(batch, files.counter, report);
          batch = [];
        }
      }
      await this.removeUnreferenced(batch, files.counter, report);
    }
  }

  private async removeUnreferenced(
    batch: { key: string; mediaId: string }[],
    counter: 'orphanedOriginals' | 'orphanedRenditions',
    report: UploadSweepReport,
  ): Promise<void> {
    if (batch.length === 0) return;
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM tip_media WHERE id = ANY($1::uuid[])`,
      [[...new Set(batch.map((f) => f.mediaId))]],
    );
    const referenced = new Set(rows.map((r) => r.id.toLowerCase()));
    for (const { key, mediaId } of batch) {
      if (referenced.has(mediaId)) continue;
      if (!report.dryRun) {
        try {
          await this.store.remove(key);
        } catch (err) {
          // The key names a tip and a file by id only; nothing a tipster wrote.
          this.logger.error({ err: loggableError(err), key }, 'upload sweep: file not removed');
          report.failures++;
          continue;
        }
      }
      report[counter]++;
    }
  }
}

const ifMissing =
  <T>(fallback: T) =>
  (err: NodeJS.ErrnoException): T => {
    if (err.code === 'ENOENT') return fallback;
    throw err;
  };

/** When a tus upload began, from its info file; undefined when it has none, or none readable. */
async function creationDate(infoFile: string): Promise<number | undefined> {
  try {
    const time = Date.parse(JSON.parse(await readFile(infoFile, 'utf8')).creation_date);
    return Number.isNaN(time) ? undefined : time;
  } catch {
    return undefined;
  }
}

async function modifiedAt(path: string): Promise<number | undefined> {
  return (await lstat(path).catch(ifMissing(undefined)))?.mtimeMs;
}

/** The newest modification time of a file, or of a folder and everything in it; undefined once gone. */
async function latestChange(path: string): Promise<number | undefined> {
  const info = await lstat(path).catch(ifMissing(undefined));
  if (!info?.isDirectory()) return info?.mtimeMs;
  let latest = info.mtimeMs;
  for (const name of await readdir(path).catch(ifMissing([])))
    latest = Math.max(latest, (await latestChange(join(path, name))) ?? 0);
  return latest;
}
