import {
  genDigestHeaderBothRFC3230AndRFC9530,
  genRsaKeyPair,
  parseRequestSignature,
  signAsDraftToRequest,
  verifyDigestHeader,
  verifyDraftSignature,
  type RequestLike,
} from '@misskey-dev/node-http-message-signatures';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A second federating server for the tests: one actor, alice, with her own RSA key, served as
 * Mastodon serves an actor. Everything posted to her inbox has its HTTP signature checked against
 * the sender's key, fetched from the sender's actor document (as Mastodon does), and is kept with
 * the verdict; she follows, replies and sends whatever a test needs, signed with her key (or
 * deliberately not).
 */

export interface PeerDelivery {
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
  deliveries: PeerDelivery[];
  /** Signs and posts `body` to `inbox` as alice (or with another key), answering the status. */
  deliver(
    inbox: string,
    body: string,
    options?: { privateKeyPem?: string; tamper?: (body: string) => string; contentType?: string },
  ): Promise<Response>;
  /** Waits for a delivery matching `test` (deliveries are jobs on the other side). */
  waitFor(test: (d: PeerDelivery) => boolean, what: string): Promise<PeerDelivery>;
  close(): Promise<void>;
}

export async function startFediversePeer(): Promise<FediversePeer> {
  const keys = await genRsaKeyPair(2048);
  const deliveries: PeerDelivery[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      if (req.method === 'GET' && req.url === '/users/alice') {
        res.writeHead(200, { 'content-type': 'application/activity+json' }).end(JSON.stringify(actor()));
        return;
      }
      if (req.method === 'POST' && req.url === '/users/alice/inbox') {
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

  const actor = () => ({
    '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
    id: actorId,
    type: 'Person',
    preferredUsername: 'alice',
    inbox: `${actorId}/inbox`,
    outbox: `${actorId}/outbox`,
    followers: `${actorId}/followers`,
    publicKey: { id: keyId, owner: actorId, publicKeyPem: keys.publicKey },
  });

  /** As Mastodon checks a delivery: the sender's key from its actor document, then both headers. */
  async function check(req: IncomingMessage, body: Buffer): Promise<PeerDelivery> {
    let activity: Record<string, unknown> = {};
    try {
      activity = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return { activity, verified: false, keyId: null };
    }
    const like: RequestLike = { url: req.url ?? '', method: req.method ?? '', headers: req.headers };
    try {
      const parsed = parseRequestSignature(like, {
        requiredComponents: { draft: ['(request-target)', 'host', 'date', 'digest'] },
      });
      if (parsed.version !== 'draft') return { activity, verified: false, keyId: null };
      const senderKeyId = parsed.value.keyId;
      const sender = (await (
        await fetch(senderKeyId.replace(/#.*$/, ''), { headers: { accept: 'application/activity+json' } })
      ).json()) as { id: string; publicKey: { id: string; owner: string; publicKeyPem: string } };
      const verified =
        sender.publicKey.id === senderKeyId &&
        sender.id === activity.actor &&
        (await verifyDigestHeader(like, new Uint8Array(body), true)) &&
        (await verifyDraftSignature(parsed.value, sender.publicKey.publicKeyPem));
      return { activity, verified, keyId: senderKeyId };
    } catch {
      return { activity, verified: false, keyId: null };
    }
  }

  return {
    origin,
    actorId,
    inbox: `${actorId}/inbox`,
    keyId,
    publicKeyPem: keys.publicKey,
    privateKeyPem: keys.privateKey,
    deliveries,
    async deliver(inbox, body, options = {}) {
      const url = new URL(inbox);
      const request: RequestLike = {
        url: url.pathname,
        method: 'POST',
        headers: { Date: new Date().toUTCString(), Host: url.host },
      };
      await genDigestHeaderBothRFC3230AndRFC9530(request, body, 'SHA-256');
      await signAsDraftToRequest(
        request,
        { keyId, privateKeyPem: options.privateKeyPem ?? keys.privateKey },
        ['(request-target)', 'host', 'date', 'digest'],
      );
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      return fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': options.contentType ?? 'application/activity+json' },
        body: options.tamper ? options.tamper(body) : body,
      });
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
