import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { JobQueue } from '../../jobs/job-queue';
import { RetentionService } from './retention.service';

export const RETENTION_JOB = 'records.retention';

/**
 * The daily purge, as a pg-boss cron schedule: pg-boss sends one job per tick whichever API or
 * worker processes are running, and any process with workers runs it. Purging is idempotent (a
 * purged tip is simply no longer due), so a repeated or overlapping run does no harm.
 */
@Injectable()
export class RetentionJob implements OnModuleInit {
  private readonly logger = new Logger(RetentionJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly retention: RetentionService,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define({
      name: RETENTION_JOB,
      retryLimit: 2,
      handle: async () => {
        await this.retention.run({ dryRun: false, trigger: 'schedule' });
      },
    });
    await this.schedule(this.config.env.RETENTION_SCHEDULE);
  }

  /**
   * Writes (or removes) the schedule row. JobQueue keeps its pg-boss instance to itself and has no
   * schedule call, so this uses pg-boss's own schedule() through a client that borrows the app's
   * pool and starts nothing: the row is all that is needed, and JobQueue's running instance acts
   * on it. Upserted on every boot, so changing RETENTION_SCHEDULE takes effect on restart.
   */
  private async schedule(cron: string): Promise<void> {
    const boss = new PgBoss({
      db: {
        executeSql: async (text: string, values?: unknown[]) => ({
          rows: await this.dataSource.query(text, values),
        }),
      },
    });
    if (cron === 'off') await boss.unschedule(RETENTION_JOB);
    else await boss.schedule(RETENTION_JOB, cron, {}, { tz: 'UTC' });
    this.logger.log({ cron }, 'retention schedule');
  }
}
