import type { SocialNetwork } from '@vigie/common';

export type ConnectField = 'serviceUrl' | 'handle' | 'accountId' | 'secret' | 'refreshToken' | 'clientId';

/**
 * What connecting each network asks for, as its client uses it (apps/api/src/reach/social/networks):
 * the server's address filled in with the network's usual one, the handle, and the app password or
 * token. Facebook may also take the Page's id; X a refresh token and the app's client id, together,
 * so that Vigie renews its two-hour access token. The fediverse needs none of this: Vigie is the server.
 */
export const NETWORK_FORMS: Record<
  Exclude<SocialNetwork, 'MASTODON'>,
  { serviceUrl: string; fields: ConnectField[] }
> = {
  BLUESKY: { serviceUrl: 'https://bsky.social', fields: ['serviceUrl', 'handle', 'secret'] },
  X: {
    serviceUrl: 'https://api.x.com',
    fields: ['serviceUrl', 'handle', 'secret', 'refreshToken', 'clientId'],
  },
  FACEBOOK: {
    serviceUrl: 'https://graph.facebook.com/v21.0',
    fields: ['serviceUrl', 'handle', 'accountId', 'secret'],
  },
};

/** The order the networks are offered in: the open ones first. */
export const NETWORK_ORDER: readonly SocialNetwork[] = ['BLUESKY', 'MASTODON', 'FACEBOOK', 'X'];
