import type { SocialNetworkClient, SocialNetworkName } from './social-network';
import { SocialNetworkClients } from './social-network-clients';

function clientFor(network: SocialNetworkName): SocialNetworkClient {
  return {
    network,
    limits: {
      maxTextLength: 300,
      linkLength: null,
      maxImages: 4,
      maxImageBytes: 1_000_000,
      maxAltTextLength: 2000,
      canEdit: false,
      canDelete: true,
    },
    post: async () => ({ remoteId: 'r', url: 'u' }),
    delete: async () => undefined,
    received: async () => ({ messages: [], cursor: null }),
  };
}

describe('SocialNetworkClients', () => {
  it('gives back the client registered for a network', () => {
    const clients = new SocialNetworkClients();
    const bluesky = clientFor('BLUESKY');
    clients.register(bluesky);
    clients.register(clientFor('X'));
    expect(clients.get('BLUESKY')).toBe(bluesky);
    expect(clients.has('MASTODON')).toBe(false);
    expect(clients.networks()).toEqual(['BLUESKY', 'X']);
  });

  it('refuses a network without a client, and a second client for one network', () => {
    const clients = new SocialNetworkClients();
    clients.register(clientFor('BLUESKY'));
    expect(() => clients.get('FACEBOOK')).toThrow('No client is registered for FACEBOOK');
    expect(() => clients.register(clientFor('BLUESKY'))).toThrow('already registered');
  });
});
