import { createECDH, createPublicKey, ECDH, randomBytes, verify } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { decrypt } from 'http_ece';

/** What the push service answers one subscription: a status, or nothing at all (a timeout). */
export type PushAnswer = number | 'hang';

export interface ReceivedPush {
  id: string;
  /** The decrypted message (RFC 8291): only the browser's private key can read it. */
  message: Record<string, unknown>;
  headers: IncomingMessage['headers'];
}

interface Subscriber {
  ecdh: ECDH;
  auth: Buffer;
  /** Answers in order; the last one repeats. */
  answers: PushAnswer[];
}

/**
 * A push service on loopback, as a browser vendor runs one (RFC 8030): it takes a POST to a
 * subscription's endpoint, checks the VAPID signature (RFC 8292) against the key the browser
 * subscribed with, and decrypts the message (RFC 8291, aes128gcm) with the subscription's private
 * key, which only this "browser" holds. It can answer 404/410 (gone), 429, 5xx, or nothing.
 */
export async function startPushService(vapidPublicKey: () => string): Promise<{
  baseUrl: string;
  received: ReceivedPush[];
  /** Requests per subscription, whatever was answered. */
  attempts: Map<string, number>;
  subscribe(answers?: PushAnswer[]): { id: string; endpoint: string; keys: { p256dh: string; auth: string } };
  close(): Promise<void>;
}> {
  const subscribers = new Map<string, Subscriber>();
  const received: ReceivedPush[] = [];
  const attempts = new Map<string, number>();
  const hanging = new Set<IncomingMessage>();
  let baseUrl = '';

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = /^\/push\/([a-f0-9]+)$/.exec(req.url ?? '')?.[1];
      const subscriber = id ? subscribers.get(id) : undefined;
      if (!id || !subscriber || req.method !== 'POST') return void res.writeHead(404).end();
      const n = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, n);
      const answer = subscriber.answers[Math.min(n, subscriber.answers.length) - 1];
      if (answer === 'hang') return void hanging.add(req);
      if (answer !== 201) return void res.writeHead(answer).end();
      const problem = vapidProblem(req.headers.authorization, baseUrl, vapidPublicKey());
      if (problem) return void res.writeHead(401).end(problem);
      if (req.headers['content-encoding'] !== 'aes128gcm') return void res.writeHead(415).end();
      const plain = decrypt(Buffer.concat(chunks), {
        version: 'aes128gcm',
        privateKey: subscriber.ecdh,
        authSecret: subscriber.auth,
      });
      received.push({ id, message: JSON.parse(plain.toString('utf8')), headers: req.headers });
      res.writeHead(201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  return {
    baseUrl,
    received,
    attempts,
    subscribe(answers: PushAnswer[] = [201]) {
      const id = randomBytes(8).toString('hex');
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      subscribers.set(id, { ecdh, auth, answers });
      return {
        id,
        endpoint: `${baseUrl}/push/${id}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
      };
    },
    close: () => {
      for (const req of hanging) req.socket.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Why a VAPID Authorization header is not valid for this push service, or null (RFC 8292). */
function vapidProblem(header: string | undefined, audience: string, expectedKey: string): string | null {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? '');
  if (!match) return 'no vapid authorization';
  const [, jwt, key] = match;
  if (key !== expectedKey) return 'unknown application server key';
  const [head, body, signature] = jwt.split('.');
  const point = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const ok = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!ok) return 'bad signature';
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
    aud?: string;
    exp?: number;
  };
  if (claims.aud !== audience) return 'wrong audience';
  if (!claims.exp || claims.exp * 1000 < Date.now()) return 'expired';
  return null;
}
