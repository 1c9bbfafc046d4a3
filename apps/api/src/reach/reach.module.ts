import { Module } from '@nestjs/common';
import { AppealPublishedJob } from './appeal-published.job';
import { PublicationListeners } from './publication-listeners';
import { FacebookClient } from './social/networks/facebook/facebook-client';
import { NetworksRegistration } from './social/networks/networks-registration';
import { SocialNetworkClients } from './social/networks/social-network-clients';
import { XClient } from './social/networks/x/x-client';

/**
 * What Vigie sends out when an appeal is published, updated, resolved or withdrawn: alerts to the
 * people who subscribed, and posts on the agency's accounts; and what it receives back. Its parts
 * register as publication listeners (publication-listeners.ts).
 */
@Module({
  providers: [
    PublicationListeners,
    AppealPublishedJob,
    SocialNetworkClients,
    XClient,
    FacebookClient,
    NetworksRegistration,
  ],
  exports: [PublicationListeners, SocialNetworkClients],
})
export class ReachModule {}
