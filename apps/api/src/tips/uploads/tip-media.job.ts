import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MediaProcessingState } from '@vigie/common';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { DomainException } from '../../common/domain.exception';
import { LiveEvents } from '../../events/live-events';
import { JobQueue } from '../../jobs/job-queue';
import { DEDUPE_SCORE_JOB, TIP_MEDIA_JOB } from '../../jobs/job-registry';
import { MediaStore } from '../../media/media-store';
import { asBackgroundWork, processMedia } from '../../media/processing';
import { AppConfig } from '../../config/app-config';
import { sealedTipMediaKey, StoredRendition, TipMedia, tipRenditionKey } from '../tip-media.entity';

/**
 * Turns a sealed original into what staff look at: stripped renditions (photo previews, a video
 * poster, a metadata-free copy and, when that one is not, a copy browsers play), a perceptual hash, and the evidence fields (capture time, GPS,
 * device). Safe to run twice: a READY file is left alone, and files are rewritten identically.
 * A file that cannot be read is marked FAILED (the original stays sealed); anything else retries.
 */
@Injectable()
export class TipMediaJob implements OnModuleInit, OnApplicationShutdown {
  private sweeper?: NodeJS.Timeout;
  private readonly logger = new Logger(TipMediaJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: MediaStore,
    private readonly jobs: JobQueue,
    private readonly live: LiveEvents,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define({
      name: TIP_MEDIA_JOB,
      handle: ({ mediaId }) => this.process(mediaId),
    });
    // A job that ran out of retries (storage down for minutes during a surge) leaves its file
    // PENDING; every few minutes, files pending for too long get another job (running twice is safe).
    this.sweeper = setInterval(() => void this.requeueStale().catch(() => undefined), 5 * 60_000).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  async requeueStale(olderThanMinutes = 15): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM tip_media WHERE state = 'PENDING' AND from_tipster_at < now() - make_interval(mins => $1) LIMIT 1000`,
      [olderThanMinutes],
    );
    for (const { id } of rows) await this.jobs.send(TIP_MEDIA_JOB, { mediaId: id });
    return rows.length;
  }

  async process(mediaId: string): Promise<void> {
    const media = await this.dataSource.getRepository(TipMedia).findOneBy({ id: mediaId });
    if (!media || media.state === MediaProcessingState.READY) return;
    const workDir = this.store.tempPath();
    await mkdir(workDir, { recursive: true });
    try {
      const input = join(workDir, 'original');
      await pipeline(
        await this.store.read(sealedTipMediaKey(media.tipId, media.id)),
        createWriteStream(input),
      );
      const outDir = join(workDir, 'out');
      await mkdir(outDir);
      // Below HTTP's priority: intake and public reads share these cores (MEDIA_NICENESS).
      const result = await asBackgroundWork(this.config.env.MEDIA_NICENESS, () =>
        processMedia(input, media.mime, outDir),
      );
      const renditions: StoredRendition[] = [];
      for (const r of result.renditions) {
        const key = tipRenditionKey(media.tipId, media.id, `${r.name}.${r.format}`);
        await this.store.putFile(key, r.path);
        renditions.push({
          name: r.name,
          format: r.format,
          width: r.width,
          height: r.height,
          ...(r.playable ? { playable: r.playable } : {}),
          ...(r.durationS !== undefined ? { durationS: r.durationS } : {}),
          bytes: r.bytes,
          key,
        });
      }
      await this.dataSource.transaction(async (tx) => {
        await tx.query(
          `UPDATE tip_media SET state = 'READY', renditions = $2, phash = $3, evidence = $4, failure = NULL, processed_at = now() WHERE id = $1`,
          [media.id, JSON.stringify(renditions), result.phash ?? null, JSON.stringify(result.evidence)],
        );
        await this.live.emit(tx, media.agencyId, 'tip.media_ready', { tipId: media.tipId });
        await this.jobs.sendInTransaction(tx, DEDUPE_SCORE_JOB, { tipId: media.tipId });
      });
    } catch (err) {
      if (!(err instanceof DomainException)) throw err; // transient: pg-boss retries with backoff
      this.logger.warn(`media ${media.id} could not be processed: ${err.code}`);
      await this.dataSource
        .getRepository(TipMedia)
        .update(
          { id: media.id },
          { state: MediaProcessingState.FAILED, failure: err.code, processedAt: new Date() },
        );
      // The tip's text, place and contact are still worth comparing.
      await this.jobs.send(DEDUPE_SCORE_JOB, { tipId: media.tipId });
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }
}
