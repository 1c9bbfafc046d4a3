import { Injectable } from '@nestjs/common';
import type { SocialNetworkClient, SocialNetworkName } from './social-network';

/**
 * The social network clients Vigie can post with, one per network. Each network's module registers
 * its client on start (`register` in its onModuleInit), so the posting, archiving and account
 * parts of reach ask for a network by name and never import a client.
 */
@Injectable()
export class SocialNetworkClients {
  private readonly clients = new Map<SocialNetworkName, SocialNetworkClient>();

  register(client: SocialNetworkClient): void {
    if (this.clients.has(client.network)) {
      throw new Error(`A client for ${client.network} is already registered`);
    }
    this.clients.set(client.network, client);
  }

  /** The network's client; throws if none is registered (a network Vigie does not speak). */
  get(network: SocialNetworkName): SocialNetworkClient {
    const client = this.clients.get(network);
    if (!client) throw new Error(`No client is registered for ${network}`);
    return client;
  }

  has(network: SocialNetworkName): boolean {
    return this.clients.has(network);
  }

  /** The networks an agency can connect an account on, in registration order. */
  networks(): SocialNetworkName[] {
    return [...this.clients.keys()];
  }
}
