import { Module } from '@nestjs/common';
import { AppealPublishedJob } from './appeal-published.job';
import { PublicationListeners } from './publication-listeners';

/**
 * What Vigie sends out when an appeal is published, updated, resolved or withdrawn: alerts to the
 * people who subscribed, and posts on the agency's accounts; and what it receives back. Its parts
 * register as publication listeners (publication-listeners.ts).
 */
@Module({
  providers: [PublicationListeners, AppealPublishedJob],
  exports: [PublicationListeners],
})
export class ReachModule {}
