import {
  genDigestHeaderBothRFC3230AndRFC9530,
  genRsaKeyPair,
  parseRequestSignature,
  signAsDraftToRequest,
  verifyDigestHeader,
  verifyDraftSignature,
  type RequestLike,
} from '@misskey-dev/node-http-message-signatures';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A second federating server for the tests: two actors, alice and bob, each with an RSA key, served
 * as Mastodon serves actors, with the server's shared inbox (/inbox) beside their own. Everything
 * posted to an inbox has its HTTP signature checked against
 * the sender's key, fetched from the sender's actor document (as Mastodon does), and is kept with
 * the verdict; she follows, replies and sends whatever a test needs, signed with her key (or
 * deliberately not).
 */

export interface PeerDelivery {
  /** The inbox it was posted to: /inbox (shared) or /users/<name>/inbox. */
  path: string;
  activity: Record<string, unknown>;
  /** The Digest matched the body and the Signature verified with the sender's published key. */
  verified: boolean;
  keyId: string | null;
}

export interface FediversePeer {
  origin: string;
  actorId: string;
  inbox: string;
  keyId: string;
  publicKeyPem: string;
  privateKeyPem: string;
  /** bob, a second account on the same server. */
  bob: { actorId: string; keyId: string; privateKeyPem: string };
  deliveries: PeerDelivery[];
  /** Signs and posts `body` to `inbox` as alice (or bob, or with another key), answering the status. */
  deliver(
    inbox: string,
    body: string,
    options?: { as?: 'bob'; privateKeyPem?: string; tamper?: (body: string) => string; contentType?: string },
  ): Promise<Response>;
  /**
   * Answers GET `path` on this server (a reply's photo, as a Mastodon server serves its media): the
   * handler writes the answer, as slowly or as wrongly as a test needs.
   */
  serve(path: string, handler: (req: IncomingMessage, res: ServerResponse) => void): void;
  /** Waits for a delivery matching `test` (deliveries are jobs on the other side). */
  waitFor(test: (d: PeerDelivery) => boolean, what: string): Promise<PeerDelivery>;
  close(): Promise<void>;
}

export async function startFediversePeer(): Promise<FediversePeer> {
  const keys = await genRsaKeyPair(2048);
  const bobKeys = await genRsaKeyPair(2048);
  const deliveries: PeerDelivery[] = [];
  const served = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  const server: Server = createServer((req, res) => {
    const handler = req.method === 'GET' ? served.get(req.url ?? '') : undefined;
    if (handler) return handler(req, res);
    void (async () => {
      const body = await readAll(req);
      const user = /^\/users\/(alice|bob)$/.exec(req.url ?? '')?.[1];
      if (req.method === 'GET' && user) {
        const document = actor(user, user === 'alice' ? keys.publicKey : bobKeys.publicKey);
        res.writeHead(200, { 'content-type': 'application/activity+json' }).end(JSON.stringify(document));
        return;
      }
      if (req.method === 'POST' && /^\/(users\/(alice|bob)\/)?inbox$/.test(req.url ?? '')) {
        const delivery = await check(req, body);
        deliveries.push(delivery);
        res.writeHead(delivery.verified ? 202 : 401).end();
        return;
      }
      res.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const actorId = `${origin}/users/alice`;
  const keyId = `${actorId}#main-key`;
  const bobId = `${origin}/users/bob`;

  const actor = (name: string, publicKeyPem: string) => ({
    '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
    id: `${origin}/users/${name}`,
    type: 'Person',
    preferredUsername: name,
    inbox: `${origin}/users/${name}/inbox`,
    outbox: `${origin}/users/${name}/outbox`,
    followers: `${origin}/users/${name}/followers`,
    endpoints: { sharedInbox: `${origin}/inbox` },
    publicKey: { id: `${origin}/users/${name}#main-key`, owner: `${origin}/users/${name}`, publicKeyPem },
  });

  /** As Mastodon checks a delivery: the sender's key from its actor document, then both headers. */
  async function check(req: IncomingMessage, body: Buffer): Promise<PeerDelivery> {
    let activity: Record<string, unknown> = {};
    const path = req.url ?? '';
    try {
      activity = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return { path, activity, verified: false, keyId: null };
    }
    const like: RequestLike = { url: req.url ?? '', method: req.method ?? '', headers: req.headers };
    try {
      const parsed = parseRequestSignature(like, {
        requiredComponents: { draft: ['(request-target)', 'host', 'date', 'digest'] },
      });
      if (parsed.version !== 'draft') return { path, activity, verified: false, keyId: null };
      const senderKeyId = parsed.value.keyId;
      const sender = (await (
        await fetch(senderKeyId.replace(/#.*$/, ''), { headers: { accept: 'application/activity+json' } })
      ).json()) as { id: string; publicKey: { id: string; owner: string; publicKeyPem: string } };
      const verified =
        sender.publicKey.id === senderKeyId &&
        sender.id === activity.actor &&
        (await verifyDigestHeader(like, new Uint8Array(body), true)) &&
        (await verifyDraftSignature(parsed.value, sender.publicKey.publicKeyPem));
      return { path, activity, verified, keyId: senderKeyId };
    } catch {
      return { path, activity, verified: false, keyId: null };
    }
  }

  return {
    origin,
    actorId,
    inbox: `${actorId}/inbox`,
    keyId,
    publicKeyPem: keys.publicKey,
    privateKeyPem: keys.privateKey,
    bob: { actorId: bobId, keyId: `${bobId}#main-key`, privateKeyPem: bobKeys.privateKey },
    deliveries,
    async deliver(inbox, body, options = {}) {
      const url = new URL(inbox);
      const request: RequestLike = {
        url: url.pathname,
        method: 'POST',
        headers: { Date: new Date().toUTCString(), Host: url.host },
      };
      await genDigestHeaderBothRFC3230AndRFC9530(request, body, 'SHA-256');
      const signer =
        options.as === 'bob'
          ? { keyId: `${bobId}#main-key`, privateKeyPem: options.privateKeyPem ?? bobKeys.privateKey }
          : { keyId, privateKeyPem: options.privateKeyPem ?? keys.privateKey };
      await signAsDraftToRequest(request, signer, ['(request-target)', 'host', 'date', 'digest']);
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      return fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': options.contentType ?? 'application/activity+json' },
        body: options.tamper ? options.tamper(body) : body,
      });
    },
    serve(path, handler) {
      served.set(path, handler);
    },
    async waitFor(test, what) {
      for (let i = 0; i < 300; i++) {
        const found = deliveries.find(test);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`alice never received ${what}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
