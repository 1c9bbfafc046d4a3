import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { JobQueue } from '../../jobs/job-queue';
import { ALERT_SWEEP_JOB } from '../../jobs/job-registry';

/**
 * Forgets who was sent which alert once ALERT_DELIVERY_RETENTION_DAYS have passed: those rows only
 * stop a second sending, which by then no retry can cause. The publication rows stay (one per
 * appeal version, update or resolution, no subscriber in them), so a publication repeated years
 * later still alerts no one twice.
 */
@Injectable()
export class AlertSweepJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define({ name: ALERT_SWEEP_JOB, handle: () => this.sweep().then(() => undefined) });
    await this.jobs.schedule(ALERT_SWEEP_JOB, '41 * * * *');
  }

  /** How many delivery rows it removed. */
  async sweep(): Promise<number> {
    const before = new Date(
      this.clock.now().getTime() - this.config.env.ALERT_DELIVERY_RETENTION_DAYS * 86_400_000,
    );
    const [, removed]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM alert_delivery d USING alert_publication p
        WHERE p.key = d.publication_key AND p.created_at < $1`,
      [before],
    );
    return removed;
  }
}
