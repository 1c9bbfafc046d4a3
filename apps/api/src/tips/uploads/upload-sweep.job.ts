import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { loggableError } from '../../common/loggable-error';
import { AppConfig } from '../../config/app-config';
import { JobQueue } from '../../jobs/job-queue';
import { UPLOAD_SWEEP_JOB } from '../../jobs/job-registry';
import { UploadSweepService } from './upload-sweep.service';

const HOUR_MS = 3_600_000;

/**
 * Runs the upload sweep on UPLOAD_SWEEP_SCHEDULE (hourly by default) as a pg-boss cron job: one
 * job per tick, run by whichever process has workers free, that sweeps the shared media store and
 * that process's own folders. Unfinished uploads and scratch files, though, sit on the disk of
 * the process that received them, and a process with WORKERS=0 (the API processes of a
 * scaled-out deployment, where uploads arrive) never runs a job. So every process also sweeps
 * its own folders every hour, by itself. Both are safe to repeat and to overlap.
 */
@Injectable()
export class UploadSweepJob implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(UploadSweepJob.name);
  private localSweeps?: NodeJS.Timeout;

  constructor(
    private readonly jobs: JobQueue,
    private readonly sweep: UploadSweepService,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define({
      name: UPLOAD_SWEEP_JOB,
      // The next tick is a retry of its own.
      retryLimit: 1,
      expireInSeconds: 6 * 3600,
      longStatements: true,
      handle: async () => {
        await this.sweep.run({ dryRun: false });
      },
    });
    const schedule = this.config.env.UPLOAD_SWEEP_SCHEDULE;
    await this.jobs.schedule(UPLOAD_SWEEP_JOB, schedule);
    if (schedule === 'off') return;
    this.localSweeps = setInterval(
      () =>
        void this.sweep
          .run({ dryRun: false, scope: 'local' })
          .catch((err) => this.logger.error({ err: loggableError(err) }, 'local upload sweep failed')),
      HOUR_MS,
    ).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.localSweeps);
  }
}
