import { Clock } from '../../../common/clock';
import { FacebookClient } from './facebook/facebook-client';
import { NetworksRegistration } from './networks-registration';
import { SocialNetworkClients } from './social-network-clients';
import { XClient } from './x/x-client';

describe('NetworksRegistration', () => {
  it('makes the X and Facebook clients the ones reach gets by name', () => {
    const clients = new SocialNetworkClients();
    const x = new XClient(new Clock());
    const facebook = new FacebookClient();

    new NetworksRegistration(clients, x, facebook).onModuleInit();

    expect(clients.networks()).toEqual(['X', 'FACEBOOK']);
    expect(clients.get('X')).toBe(x);
    expect(clients.get('FACEBOOK')).toBe(facebook);
  });
});
