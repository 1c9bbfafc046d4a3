/**
 * The agency's fediverse actor, as `POST /api/reach/fediverse/actor` hands it to an admin: what to
 * connect as its MASTODON account (`serviceUrl`, `handle`, `accountId`, `secret`). The secret is
 * shown once; asking again gives a new one and the old stops opening the account.
 */
export interface FediverseActorConnection {
  /** What people search for on Mastodon: @slug@host. */
  handle: string;
  actorUrl: string;
  serviceUrl: string;
  accountId: string;
  secret: string;
}
