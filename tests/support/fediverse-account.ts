import type { FediverseActorConnection } from '@vigie/common';
import type { ApiClient } from './api-client';

/** Turns on the agency's own fediverse actor (Vigie is its server), as an admin does: what to connect it with. */
export async function enableFediverseActor(admin: ApiClient): Promise<FediverseActorConnection> {
  const actor = await admin.post<FediverseActorConnection>('/api/reach/fediverse/actor');
  expect(actor.status).toBe(200);
  return actor.body;
}

/** Turns on the agency's fediverse actor and connects it as its MASTODON account (the real connect path). */
export async function connectFediverseAccount(
  admin: ApiClient,
): Promise<{ accountId: string; actor: FediverseActorConnection }> {
  const actor = await enableFediverseActor(admin);
  const connected = await admin.post('/api/reach/social/accounts', {
    network: 'MASTODON',
    serviceUrl: actor.serviceUrl,
    handle: actor.handle,
    accountId: actor.accountId,
    secret: actor.secret,
  });
  expect(connected.status).toBe(201);
  return { accountId: connected.body.id, actor };
}
