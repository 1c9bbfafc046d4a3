import { FediverseActors } from '../../apps/api/src/reach/social/networks/mastodon/fediverse-actors';
import { FediverseClient } from '../../apps/api/src/reach/social/networks/mastodon/fediverse-client';
import type { SocialAccountCredentials } from '../../apps/api/src/reach/social/networks/social-network';
import { ApiClient } from '../support/api-client';
import { enableFediverseActor } from '../support/fediverse-account';
import { startFediversePeer, type FediversePeer } from '../support/fediverse-peer';
import { freePort } from '../support/free-port';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The agency as an ActivityPub actor, against a second federating server started here (alice, in
 * fediverse-peer.ts): she finds the agency by WebFinger, follows it, receives its notes signed
 * (and checks every signature with the agency's published key), replies signed, and the reply
 * is what reach reads back. Then every way a delivery can be wrong.
 */

let t: TestApp;
let alice: FediversePeer;
let account: SocialAccountCredentials;
let client: FediverseClient;
let handle: string;
let inbox: string;
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const activityJson = { accept: 'application/activity+json' };
const note = (id: string, extra: Record<string, unknown>) => ({
  '@context': 'https://www.w3.org/ns/activitystreams',
  id: `${alice.actorId}/statuses/${id}/activity`,
  type: 'Create',
  actor: alice.actorId,
  object: {
    id: `${alice.actorId}/statuses/${id}`,
    type: 'Note',
    attributedTo: alice.actorId,
    url: `${alice.origin}/@alice/${id}`,
    published: '2026-12-07T10:00:00Z',
    ...extra,
  },
});

beforeAll(async () => {
  const port = await freePort();
  t = await startTestApp(
    {
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ACTIVITYPUB_ALLOW_INSECURE: 'true',
      ACTIVITYPUB_RATE_LIMIT: '30',
    },
    { port },
  );
  alice = await startFediversePeer();
  const admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
  const enabled = await enableFediverseActor(admin);
  handle = enabled.handle;
  account = {
    network: 'MASTODON',
    serviceUrl: enabled.serviceUrl,
    handle,
    accountId: enabled.accountId,
    secret: enabled.secret,
  };
  client = t.app.get(FediverseClient);
  inbox = `${enabled.actorUrl}/inbox`;
});
afterAll(async () => {
  await alice?.close();
  await t?.close();
});

it('is found by WebFinger and serves an actor with its public key', async () => {
  expect(handle).toBe(`@demo@127.0.0.1:${new URL(t.baseUrl).port}`);
  const finger = await fetch(`${t.baseUrl}/.well-known/webfinger?resource=acct:${handle.slice(1)}`);
  expect(finger.status).toBe(200);
  const jrd = (await finger.json()) as { links: { rel: string; href: string }[] };
  const self = jrd.links.find((l) => l.rel === 'self')!;

  const actor = (await (await fetch(self.href, { headers: activityJson })).json()) as Record<string, any>;
  expect(actor).toMatchObject({
    id: self.href,
    type: 'Organization',
    preferredUsername: 'demo',
    name: 'Demo Police Service',
    inbox,
    publicKey: { id: `${self.href}#main-key`, owner: self.href },
  });
  expect(actor.publicKey.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  expect(await client.verify(account)).toEqual({ accountId: account.accountId, handle });
});

it('accepts signed Follows with signed Accepts, and counts the followers without naming them', async () => {
  const agency = inbox.replace(/\/inbox$/, '');
  const follow = {
    '@context': 'https://www.w3.org/ns/activitystreams',
    id: `${alice.actorId}#follow-1`,
    type: 'Follow',
    actor: alice.actorId,
    object: agency,
  };
  expect((await alice.deliver(inbox, JSON.stringify(follow))).status).toBe(202);
  const bobFollow = {
    id: `${alice.bob.actorId}#follow-1`,
    type: 'Follow',
    actor: alice.bob.actorId,
    object: agency,
  };
  expect((await alice.deliver(inbox, JSON.stringify(bobFollow), { as: 'bob' })).status).toBe(202);

  const accept = await alice.waitFor(
    (d) => d.activity.type === 'Accept' && d.path === '/users/alice/inbox',
    "alice's Accept",
  );
  expect(accept.verified).toBe(true);
  expect(accept.activity.object).toMatchObject({ id: follow.id, type: 'Follow' });
  const bobAccept = await alice.waitFor(
    (d) => d.activity.type === 'Accept' && d.path === '/users/bob/inbox',
    "bob's Accept",
  );
  expect(bobAccept.verified).toBe(true);
  const followers = (await (await fetch(`${agency}/followers`)).json()) as Record<string, unknown>;
  expect(followers).toMatchObject({ type: 'OrderedCollection', totalItems: 2 });
  expect(followers).not.toHaveProperty('orderedItems');
});

it('delivers a post to the follower signed, with its photo, alt text and link, threads, edits and deletes it', async () => {
  const first = await client.post(account, {
    text: 'ALERTE AMBER : Léa, 7 ans #AlerteAMBER',
    link: 'https://vigie.example/appeals/lea',
    language: 'fr',
    image: { bytes: PHOTO, mimeType: 'image/png', altText: 'Photo de Léa' },
  });
  const create = await alice.waitFor((d) => d.activity.type === 'Create', 'the Create');
  expect(create.verified).toBe(true);
  // Two followers on one server: one delivery, to its shared inbox.
  expect(create.path).toBe('/inbox');
  const object = create.activity.object as Record<string, any>;
  expect(object).toMatchObject({ id: first.remoteId, type: 'Note', inReplyTo: null });
  expect(object.content).toContain('ALERTE AMBER : Léa, 7 ans #AlerteAMBER');
  expect(object.content).toContain('<a href="https://vigie.example/appeals/lea">');
  expect(object.contentMap).toHaveProperty('fr');
  expect(object.tag).toEqual([{ type: 'Hashtag', name: '#AlerteAMBER' }]);
  expect(object.attachment).toEqual([
    { type: 'Document', mediaType: 'image/png', url: `${first.remoteId}/image`, name: 'Photo de Léa' },
  ]);
  const image = await fetch(object.attachment[0].url);
  expect(Buffer.from(await image.arrayBuffer()).equals(PHOTO)).toBe(true);
  expect((await fetch(first.remoteId, { headers: activityJson })).status).toBe(200);

  const update = await client.post(account, {
    text: 'MISE À JOUR : toujours recherchée',
    link: 'https://vigie.example/appeals/lea',
    language: 'fr',
    replyTo: first,
  });
  const threaded = await alice.waitFor(
    (d) => d.activity.type === 'Create' && (d.activity.object as any).id === update.remoteId,
    'the update',
  );
  expect((threaded.activity.object as any).inReplyTo).toBe(first.remoteId);

  await client.edit(account, first, 'RÉSOLU : Léa a été retrouvée saine et sauve.');
  const edited = await alice.waitFor((d) => d.activity.type === 'Update', 'the Update');
  expect(edited.verified).toBe(true);
  expect((edited.activity.object as any).content).toContain('Léa a été retrouvée');

  await client.delete(account, first);
  await client.delete(account, first); // twice: nothing more is sent
  const deleted = await alice.waitFor((d) => d.activity.type === 'Delete', 'the Delete');
  expect(deleted.verified).toBe(true);
  expect(deleted.activity.object).toEqual({ id: first.remoteId, type: 'Tombstone' });
  const gone = await fetch(first.remoteId, { headers: activityJson });
  expect(gone.status).toBe(410);
  expect(await gone.json()).toMatchObject({ type: 'Tombstone' });
  expect((await fetch(`${first.remoteId}/image`)).status).toBe(404);
  const outbox = (await (await fetch(`${inbox.replace(/\/inbox$/, '')}/outbox`)).json()) as Record<
    string,
    any
  >;
  expect(outbox.totalItems).toBe(1);
  expect(outbox.orderedItems[0].object.id).toBe(update.remoteId);
  expect(alice.deliveries.filter((d) => d.activity.type === 'Delete')).toHaveLength(1);
  expect(alice.deliveries.filter((d) => d.activity.type === 'Create')).toHaveLength(2);
});

it('keeps a signed reply, mention and direct message for the archive, each once, and reads them back by cursor', async () => {
  const post = await client.post(account, {
    text: 'Avez-vous vu cette voiture ?',
    link: 'https://vigie.example/appeals/car',
    language: 'fr',
  });
  const reply = note('1', {
    content: '<p>Je l&apos;ai vue rue Principale &amp; Laurier<br>vers 8 h</p>',
    inReplyTo: post.remoteId,
    to: ['https://www.w3.org/ns/activitystreams#Public'],
    attachment: [{ type: 'Document', mediaType: 'image/jpeg', url: `${alice.origin}/media/car.jpg` }],
  });
  expect((await alice.deliver(inbox, JSON.stringify(reply))).status).toBe(202);
  expect((await alice.deliver(inbox, JSON.stringify(reply))).status).toBe(202); // a retried delivery
  const mention = note('2', {
    content: '<p>@demo merci</p>',
    to: ['https://www.w3.org/ns/activitystreams#Public'],
    tag: [{ type: 'Mention', href: inbox.replace(/\/inbox$/, '') }],
  });
  const direct = note('3', { content: '<p>J’ai une vidéo</p>', to: [inbox.replace(/\/inbox$/, '')] });
  const unrelated = note('4', {
    content: '<p>Nothing to do with you</p>',
    to: ['https://www.w3.org/ns/activitystreams#Public'],
  });
  for (const activity of [mention, direct, unrelated])
    expect((await alice.deliver(inbox, JSON.stringify(activity))).status).toBe(202);

  const read = await client.received(account, null);
  expect(read.messages.map((m) => [m.kind, m.remoteId])).toEqual([
    ['REPLY', `${alice.actorId}/statuses/1`],
    ['MENTION', `${alice.actorId}/statuses/2`],
    ['DIRECT_MESSAGE', `${alice.actorId}/statuses/3`],
  ]);
  expect(read.messages[0]).toMatchObject({
    url: `${alice.origin}/@alice/1`,
    authorHandle: `@alice@${new URL(alice.origin).host}`,
    text: "Je l'ai vue rue Principale & Laurier\nvers 8 h",
    inReplyToRemoteId: post.remoteId,
    mediaUrls: [`${alice.origin}/media/car.jpg`],
  });
  expect(await client.received(account, read.cursor)).toEqual({ messages: [], cursor: read.cursor });
});

describe('bad input', () => {
  const follow = () =>
    JSON.stringify({
      id: `${alice.actorId}#f2`,
      type: 'Follow',
      actor: alice.actorId,
      object: inbox.replace(/\/inbox$/, ''),
    });

  it('refuses unsigned, wrongly signed and altered deliveries (401), keeping nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM activitypub_received');
    const body = JSON.stringify(note('9', { content: '<p>x</p>', to: [inbox.replace(/\/inbox$/, '')] }));
    const unsigned = await fetch(inbox, {
      method: 'POST',
      headers: { 'content-type': 'application/activity+json' },
      body,
    });
    expect(unsigned.status).toBe(401);
    const { privateKeyPem: otherKey } = await startFediversePeer().then(async (p) => (await p.close(), p));
    expect((await alice.deliver(inbox, body, { privateKeyPem: otherKey })).status).toBe(401);
    expect(
      (await alice.deliver(inbox, body, { tamper: (b) => b.replace('<p>x</p>', '<p>y</p>') })).status,
    ).toBe(401);
    const after = await t.db.query('SELECT count(*)::int AS n FROM activitypub_received');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('answers 400 to a signed body that is not an activity, 403 to one signed by someone else, 415 and 413', async () => {
    expect((await alice.deliver(inbox, '{"type": ')).status).toBe(400);
    expect((await alice.deliver(inbox, '[1, 2]')).status).toBe(400);
    const impostor = JSON.stringify({
      id: 'https://elsewhere.example/f',
      type: 'Follow',
      actor: 'https://elsewhere.example/users/bob',
      object: inbox.replace(/\/inbox$/, ''),
    });
    expect((await alice.deliver(inbox, impostor)).status).toBe(403);
    expect((await alice.deliver(inbox, follow(), { contentType: 'text/plain' })).status).toBe(415);
    const huge = JSON.stringify({ type: 'Note', content: 'x'.repeat(300 * 1024) });
    expect((await alice.deliver(inbox, huge)).status).toBe(413);
    expect((await alice.deliver(`${t.baseUrl}/ap/users/nobody/inbox`, follow())).status).toBe(404);
  });

  it('answers WebFinger and the documents with 400 or 404, never 500', async () => {
    const finger = (q: string) => fetch(`${t.baseUrl}/.well-known/webfinger${q}`).then((r) => r.status);
    expect(await finger('')).toBe(400);
    expect(await finger('?resource=nonsense')).toBe(400);
    expect(await finger('?resource=acct:demo@elsewhere.example')).toBe(404);
    expect(await finger(`?resource=acct:nobody@${new URL(t.baseUrl).host}`)).toBe(404);
    expect(await finger('?resource=acct:demo@x&resource=acct:demo@y')).toBe(400);
    for (const path of [
      '/ap/users/NOBODY',
      '/ap/users/nobody/outbox',
      '/ap/users/nobody/followers',
      '/ap/notes/not-a-uuid',
      '/ap/notes/00000000-0000-4000-8000-000000000000',
    ])
      expect(`${path} ${(await fetch(t.baseUrl + path)).status}`).toBe(`${path} 404`);
  });

  it('refuses a wrong token for good, and lets only an admin give the agency its actor', async () => {
    await expect(
      client.post(
        { ...account, secret: 'not-the-token' },
        { text: 'x', link: 'https://vigie.example/a', language: 'en' },
      ),
    ).rejects.toMatchObject({ status: 401, retryable: false });
    await expect(
      client.post(account, { text: 'é'.repeat(480), link: 'https://vigie.example/a', language: 'fr' }),
    ).rejects.toMatchObject({ retryable: false });
    const investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
    expect((await investigator.post('/api/reach/fediverse/actor')).status).toBe(403);
  });

  it("lets no agency edit or delete another's notes, nor a note that is not there", async () => {
    const post = await client.post(account, {
      text: 'Témoins recherchés',
      link: 'https://vigie.example/appeals/w',
      language: 'fr',
    });
    const { rows } = await t.db.query(
      `SELECT s.id AS "userId", s.agency_id AS "agencyId" FROM staff_user s WHERE s.email = 'investigator@second.test'`,
    );
    const second = await t.app
      .get(FediverseActors)
      .enable({ ...rows[0], roles: [], sessionHash: '', csrfToken: '', totpEnrolmentRequired: false });
    const secondAccount = {
      ...account,
      accountId: second.accountId,
      secret: second.secret,
      handle: second.handle,
    };
    await expect(client.edit(secondAccount, post, 'Altered')).rejects.toMatchObject({
      status: 404,
      retryable: false,
    });
    await expect(client.delete(secondAccount, post)).rejects.toMatchObject({ status: 404, retryable: false });
    const missing = { remoteId: post.remoteId.replace(/[0-9a-f]{12}$/, '000000000000'), url: '' };
    await expect(client.delete(account, missing)).rejects.toMatchObject({ status: 404 });
    const served = (await (await fetch(post.remoteId, { headers: activityJson })).json()) as Record<
      string,
      string
    >;
    expect(served.content).toContain('Témoins recherchés');
  });

  it('limits how often one client may call the inbox and WebFinger (429)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40 && !statuses.includes(429); i++)
      statuses.push(
        (await fetch(`${t.baseUrl}/.well-known/webfinger?resource=acct:demo@${new URL(t.baseUrl).host}`))
          .status,
      );
    expect(statuses).toContain(429);
  });
});
