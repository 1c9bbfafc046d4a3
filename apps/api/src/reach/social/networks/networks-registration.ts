import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FacebookClient } from './facebook/facebook-client';
import { FediverseClient } from './mastodon/fediverse-client';
import { SocialNetworkClients } from './social-network-clients';
import { XClient } from './x/x-client';

/** Adds the X, Facebook Page and fediverse clients to the registry on start, so reach can post with them. */
@Injectable()
export class NetworksRegistration implements OnModuleInit {
  constructor(
    private readonly clients: SocialNetworkClients,
    private readonly x: XClient,
    private readonly facebook: FacebookClient,
    private readonly fediverse: FediverseClient,
  ) {}

  onModuleInit(): void {
    this.clients.register(this.x);
    this.clients.register(this.facebook);
    this.clients.register(this.fediverse);
  }
}
