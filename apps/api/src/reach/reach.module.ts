import { Module } from '@nestjs/common';
import { AppealsModule } from '../appeals/appeals.module';
import { PublicHttp } from '../common/public-http';
import { IdentityModule } from '../identity/identity.module';
import { TipsModule } from '../tips/tips.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppealPublishedJob } from './appeal-published.job';
import { PublicationListeners } from './publication-listeners';
import { FacebookClient } from './social/networks/facebook/facebook-client';
import { ActivityDelivery } from './social/networks/mastodon/activity-delivery';
import { ActivityPubStore } from './social/networks/mastodon/activitypub-store';
import { FederationController } from './social/networks/mastodon/federation.controller';
import { FediverseActorController, FediverseActors } from './social/networks/mastodon/fediverse-actors';
import { FediverseClient } from './social/networks/mastodon/fediverse-client';
import { InboxService } from './social/networks/mastodon/inbox.service';
import { RemoteActors } from './social/networks/mastodon/remote-actors';
import { NetworksRegistration } from './social/networks/networks-registration';
import { SocialAccount } from './social/accounts/social-account.entity';
import { SocialAccountsController } from './social/accounts/social-accounts.controller';
import { SocialAccountsService } from './social/accounts/social-accounts.service';
import { ReceivedMedia } from './social/archive/received-media';
import { SocialArchiveController } from './social/archive/social-archive.controller';
import { SocialArchive } from './social/archive/social-archive.service';
import { SocialRetention } from './social/archive/social-retention';
import { SocialMessage } from './social/archive/social-message.entity';
import { SocialPost } from './social/posting/social-post.entity';
import { SocialPosting } from './social/posting/social-posting.service';
import { SocialPostsController } from './social/posting/social-posts.controller';
import { SocialPostsService } from './social/posting/social-posts.service';
import { BlueskyClient } from './social/networks/bluesky/bluesky.client';
import { SocialNetworkClients } from './social/networks/social-network-clients';
import { XClient } from './social/networks/x/x-client';

/**
 * What Vigie sends out when an appeal is published, updated, resolved or withdrawn: alerts to the
 * people who subscribed, and posts on the agency's accounts; and what it receives back. Its parts
 * register as publication listeners (publication-listeners.ts); each social network's client
 * registers with SocialNetworkClients.
 */
@Module({
  imports: [
    IdentityModule,
    AppealsModule,
    TipsModule,
    TypeOrmModule.forFeature([SocialAccount, SocialPost, SocialMessage]),
  ],
  controllers: [
    FederationController,
    FediverseActorController,
    SocialAccountsController,
    SocialPostsController,
    SocialArchiveController,
  ],
  providers: [
    PublicationListeners,
    AppealPublishedJob,
    SocialNetworkClients,
    XClient,
    FacebookClient,
    ActivityPubStore,
    PublicHttp,
    RemoteActors,
    ActivityDelivery,
    InboxService,
    FediverseClient,
    FediverseActors,
    NetworksRegistration,
    BlueskyClient,
    SocialAccountsService,
    SocialPosting,
    SocialPostsService,
    SocialArchive,
    SocialRetention,
    ReceivedMedia,
  ],
  exports: [PublicationListeners, SocialNetworkClients, SocialArchive, SocialRetention],
})
export class ReachModule {}
