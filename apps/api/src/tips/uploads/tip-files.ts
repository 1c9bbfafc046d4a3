import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ALLOWED_MEDIA, MediaProcessingState } from '@vigie/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { JobQueue } from '../../jobs/job-queue';
import { TIP_MEDIA_JOB } from '../../jobs/job-registry';
import type { ReceivedFile } from '../../media/hashing-disk-storage';
import { MediaStore } from '../../media/media-store';
import { DomainException } from '../../common/domain.exception';
import { inspectMedia } from '../../media/upload-inspection';
import { sealedTipMediaKey, TipMedia } from '../tip-media.entity';

export interface InspectedFile {
  file: ReceivedFile;
  mime: string;
  kind: TipMedia['kind'];
}

/** Inserts the rows of the sealed files, and their processing jobs, in the caller's transaction. */
export type RecordFiles = (tx: EntityManager, agencyId: string, receivedAt: Date) => Promise<void>;

/**
 * A tipster's files, from upload to record, the same whether they come with the tip or after it:
 * inspected before anything is stored, sealed (fsynced and renamed into the store) before the
 * transaction that records them, and removed again if that transaction fails.
 */
@Injectable()
export class TipFiles {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: MediaStore,
    private readonly jobs: JobQueue,
  ) {}

  /**
   * The same inspection as every upload route (inspectMedia): type from the bytes, limits, hidden
   * data, a decode or a probe. Throws the first refusal, naming the file by its place in the
   * request (`file`, from 0), so the form can show the reason beside it.
   */
  async inspect(files: ReceivedFile[]): Promise<InspectedFile[]> {
    const inspected = [];
    for (const [index, file] of files.entries()) {
      try {
        const type = await inspectMedia(file.path);
        inspected.push({ file, mime: type.mime, kind: ALLOWED_MEDIA[type.mime].kind });
      } catch (err) {
        if (!(err instanceof DomainException)) throw err;
        throw new DomainException(err.status, err.code, err.message, err.errors, {
          ...err.details,
          file: index,
        });
      }
    }
    return inspected;
  }

  /**
   * Seals `files` for the tip, then runs `commit`, whose transaction must call `record`. Whatever
   * fails, in sealing or in `commit`, leaves no sealed file behind (unless the rows exist after all).
   */
  async seal<T>(
    tipId: string,
    files: InspectedFile[],
    commit: (record: RecordFiles) => Promise<T>,
  ): Promise<T> {
    const rows = files.map((f) => ({ ...f, id: randomUUID() }));
    const sealed: string[] = [];
    try {
      for (const row of rows) {
        const key = sealedTipMediaKey(tipId, row.id);
        await this.store.putFile(key, row.file.path);
        sealed.push(key);
      }
      return await commit(async (tx, agencyId, receivedAt) => {
        for (const row of rows) {
          await tx.insert(TipMedia, {
            id: row.id,
            tipId,
            agencyId,
            kind: row.kind,
            mime: row.mime,
            bytes: String(row.file.size),
            sha256: row.file.sha256,
            fromTipsterAt: receivedAt,
            state: MediaProcessingState.PENDING,
            renditions: [],
          });
          await this.jobs.sendInTransaction(tx, TIP_MEDIA_JOB, { mediaId: row.id });
        }
      });
    } catch (err) {
      await this.discardSealed(
        sealed,
        rows.map((r) => r.id),
      );
      throw err;
    }
  }

  /**
   * After a failed transaction, removes the files it had sealed, unless their rows exist after
   * all: an error on COMMIT (a dropped connection) can hide a commit that succeeded.
   */
  private async discardSealed(keys: string[], mediaIds: string[]): Promise<void> {
    const kept = mediaIds.length
      ? await this.dataSource
          .query(`SELECT id FROM tip_media WHERE id = ANY($1::uuid[])`, [mediaIds])
          .catch(() => mediaIds.map((id) => ({ id })))
      : [];
    if (kept.length) return;
    await Promise.all(keys.map((key) => this.store.remove(key)));
  }
}
