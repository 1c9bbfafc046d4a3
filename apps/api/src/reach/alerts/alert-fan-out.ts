import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PublicAppealsService } from '../../appeals/public-appeals.service';
import { JobQueue } from '../../jobs/job-queue';
import { ALERT_BATCH_JOB, AppealPublication } from '../../jobs/job-registry';
import { PublicationListeners } from '../publication-listeners';
import { AlertPlace, AUDIENCE_SQL, audienceParams } from './alert-audience';
import { alertText } from './alert-messages';

/** Subscribers per batch job: big enough that job overhead is small, small enough that workers share the work. */
export const ALERT_BATCH_SIZE = 1000;

/**
 * Which publications alert subscribers, and the key that makes each one alert them once:
 * - the first approved version (`<appeal>:v1`): a new appeal;
 * - each update or rumour correction (`<appeal>:u<update>`);
 * - the resolution (`<appeal>:r<version>`): found, arrested, cancelled.
 * A later approved version is an edit of a live appeal (a corrected detail, a new photo): it is on
 * the page the alert links to, and subscribers are told news through updates, so it alerts no one.
 * A withdrawal alerts no one either (the appeal is gone; its page says so).
 */
export function publicationKey(p: AppealPublication): string | null {
  if (p.event === 'APPROVED' && p.versionNo === 1) return `${p.appealId}:v1`;
  if (p.event === 'UPDATE' && p.updateId) return `${p.appealId}:u${p.updateId}`;
  if (p.event === 'RESOLVED' && p.versionNo) return `${p.appealId}:r${p.versionNo}`;
  return null;
}

/**
 * Turns a publication into batch jobs. The publication's row and all its jobs are written in one
 * transaction, and the row's key is unique: a retried or repeated publication finds the row and
 * sends nothing again. Each batch job then records a delivery per subscriber before sending, so
 * a retried batch skips those already reached (alert-batch.job.ts).
 */
@Injectable()
export class AlertFanOut implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly appeals: PublicAppealsService,
    private readonly jobs: JobQueue,
    private readonly listeners: PublicationListeners,
  ) {}

  onModuleInit(): void {
    this.listeners.register({ name: 'alerts', onPublication: async (p) => void (await this.fanOut(p)) });
  }

  /** How many batch jobs it queued (0 when the publication alerts no one or already did). */
  async fanOut(publication: AppealPublication): Promise<number> {
    const key = publicationKey(publication);
    if (!key) return 0;
    const appeal = await this.appeals.publicById(publication.appealId);
    // Withdrawn or expired before the job ran, or the update is no longer public: nothing to say.
    if (!appeal || !alertText(appeal, publication, 'fr')) return 0;
    const place = await this.placeOf(publication.appealId, appeal.lastSeen);
    return this.dataSource.transaction(async (tx) => {
      const created: unknown[] = await tx.query(
        `INSERT INTO alert_publication (key, appeal_id, agency_id, latitude, longitude)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING RETURNING key`,
        [key, publication.appealId, publication.agencyId, place?.latitude ?? null, place?.longitude ?? null],
      );
      if (created.length === 0) return 0;
      // The first id of every batch, walking the audience in id order.
      const starts: { id: string }[] = await tx.query(
        `SELECT id FROM (SELECT s.id, row_number() OVER (ORDER BY s.id) AS n
                           FROM alert_subscription s WHERE ${AUDIENCE_SQL}) audience
          WHERE n % ${ALERT_BATCH_SIZE} = 1 ORDER BY id`,
        audienceParams(publication.agencyId, appeal.kind, place),
      );
      await this.jobs.sendManyInTransaction(
        tx,
        ALERT_BATCH_JOB,
        starts.map((start, i) => ({
          publicationKey: key,
          publication,
          fromId: start.id,
          toId: starts[i + 1]?.id ?? null,
        })),
      );
      return starts.length;
    });
  }

  /**
   * The appeal's place: where it was last seen, or, once a resolution took that off the page (a
   * found child's whereabouts), the place its earlier alerts used, so the same people hear the end.
   */
  private async placeOf(
    appealId: string,
    lastSeen: { latitude?: number; longitude?: number } | undefined,
  ): Promise<AlertPlace | null> {
    if (typeof lastSeen?.latitude === 'number' && typeof lastSeen.longitude === 'number')
      return { latitude: lastSeen.latitude, longitude: lastSeen.longitude };
    const [earlier]: AlertPlace[] = await this.dataSource.query(
      `SELECT latitude, longitude FROM alert_publication
        WHERE appeal_id = $1 AND latitude IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
      [appealId],
    );
    return earlier ?? null;
  }
}
