/** The networks Vigie can post to and archive, whether or not this deployment has each one's client. */
export const SOCIAL_NETWORKS = ['BLUESKY', 'MASTODON', 'FACEBOOK', 'X'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

/**
 * An agency's connected account as the desk shows it (`GET /api/reach/social/accounts`). The secret
 * never leaves the API: only whether the last use of it worked.
 */
export interface SocialAccountView {
  id: string;
  network: SocialNetwork;
  serviceUrl: string;
  handle: string;
  accountId: string;
  /** FAILING: the last post or read was refused or went unanswered (see lastError). */
  status: 'CONNECTED' | 'FAILING';
  lastError: string | null;
  lastReadAt: string | null;
  connectedAt: string;
  connectedBy: string;
}

export interface SocialAccountsView {
  /** The networks this deployment can connect (those with a client). */
  networks: SocialNetwork[];
  accounts: SocialAccountView[];
}
