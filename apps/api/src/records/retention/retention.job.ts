import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { JobQueue } from '../../jobs/job-queue';
import { RETENTION_JOB } from '../../jobs/job-registry';
import { RetentionService } from './retention.service';

/**
 * The daily purge, as a pg-boss cron schedule: pg-boss sends one job per tick whichever API or
 * worker processes are running, and any process with workers runs it. Purging is idempotent (a
 * purged tip is simply no longer due), so a repeated or overlapping run does no harm.
 */
@Injectable()
export class RetentionJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    private readonly retention: RetentionService,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define({
      name: RETENTION_JOB,
      retryLimit: 2,
      expireInSeconds: 6 * 3600,
      longStatements: true,
      handle: async () => {
        await this.retention.run({ dryRun: false, trigger: 'schedule' });
      },
    });
    // Changing RETENTION_SCHEDULE takes effect on restart.
    await this.jobs.schedule(RETENTION_JOB, this.config.env.RETENTION_SCHEDULE);
  }
}
