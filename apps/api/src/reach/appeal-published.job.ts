import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../jobs/job-queue';
import { APPEAL_PUBLISHED_JOB, AppealPublication } from '../jobs/job-registry';
import { PublicationListeners } from './publication-listeners';

/**
 * Receives what appeals published (sent in the publishing transaction, so it exists exactly when
 * the publication does) and hands it to every listener. Every listener runs even if one fails;
 * then the job fails so the queue retries it, and the listeners that had succeeded skip what they
 * already did.
 */
@Injectable()
export class AppealPublishedJob implements OnModuleInit {
  private readonly logger = new Logger(AppealPublishedJob.name);

  constructor(
    private readonly jobs: JobQueue,
    private readonly listeners: PublicationListeners,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define({ name: APPEAL_PUBLISHED_JOB, handle: (data) => this.handle(data) });
  }

  async handle(publication: AppealPublication): Promise<void> {
    const failed: string[] = [];
    for (const listener of this.listeners.all()) {
      try {
        await listener.onPublication(publication);
      } catch (err) {
        failed.push(listener.name);
        this.logger.warn(
          { appealId: publication.appealId, event: publication.event, listener: listener.name, err },
          'A reach listener failed on a publication; the job will be retried',
        );
      }
    }
    if (failed.length) throw new Error(`reach listeners failed: ${failed.join(', ')}`);
  }
}
