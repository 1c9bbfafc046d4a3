import { Clock } from '../../../common/clock';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../../config/app-config';
import { FacebookClient } from './facebook/facebook-client';
import type { ActivityDelivery } from './mastodon/activity-delivery';
import type { ActivityPubStore } from './mastodon/activitypub-store';
import { FediverseClient } from './mastodon/fediverse-client';
import { NetworksRegistration } from './networks-registration';
import { SocialNetworkClients } from './social-network-clients';
import { XClient } from './x/x-client';

describe('NetworksRegistration', () => {
  it('makes the X, Facebook and fediverse clients the ones reach gets by name', () => {
    const clients = new SocialNetworkClients();
    const x = new XClient(new Clock());
    const facebook = new FacebookClient();
    // Registration touches neither the store nor the delivery: the actor's own tests use both.
    const fediverse = new FediverseClient(
      {} as DataSource,
      {} as ActivityPubStore,
      {} as ActivityDelivery,
      {
        publicUrl: 'https://vigie.gatineau.ca',
      } as AppConfig,
    );

    new NetworksRegistration(clients, x, facebook, fediverse).onModuleInit();

    expect(clients.networks()).toEqual(['X', 'FACEBOOK', 'MASTODON']);
    expect(clients.get('X')).toBe(x);
    expect(clients.get('FACEBOOK')).toBe(facebook);
    expect(clients.get('MASTODON')).toBe(fediverse);
  });
});
