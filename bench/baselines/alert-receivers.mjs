// The far ends of an alert fan-out, in a process of their own: a push service (RFC 8030) that
// answers 201 to every POST on /push/<n>, and decrypts one message in a hundred with the key of
// subscriber n (RFC 8291, http_ece, as a browser would) to show what arrived was the real
// message; and an SMTP sink (smtp-server) that counts messages. Prints its URLs as one JSON line,
// then answers GET /count with what it received (POST /reset starts counting again).
import { createECDH } from 'node:crypto';
import { createServer } from 'node:http';
import { decrypt } from 'http_ece';
import { SMTPServer } from 'smtp-server';

/** Subscribers share these key pairs (subscriber n has pair n % KEYS): a hundred keys, not 100,000. */
export const KEYS = 100;

/** The same key pairs every run, derived from their index, so the scenario can write the public halves. */
export function keyPair(i) {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(
    Buffer.alloc(32, 0)
      .fill(i + 1, 31)
      .fill(7, 0, 1),
  );
  return {
    ecdh,
    p256dh: ecdh.getPublicKey().toString('base64url'),
    auth: Buffer.alloc(16, i + 1).toString('base64url'),
  };
}

if (process.argv[2] === 'serve') {
  const keys = Array.from({ length: KEYS }, (_, i) => keyPair(i));
  const zero = () => ({
    push: 0,
    mail: 0,
    decrypted: 0,
    undecryptable: 0,
    firstAt: 0,
    lastAt: 0,
    sample: null,
  });
  let count = zero();
  const seen = () => {
    count.lastAt = Date.now();
    count.firstAt ||= count.lastAt;
  };
  const push = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/count') return void res.end(JSON.stringify(count));
    if (req.method === 'POST' && req.url === '/reset') return void res.end(JSON.stringify((count = zero())));
    const n = Number(/^\/push\/(\d+)$/.exec(req.url ?? '')?.[1]);
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (!Number.isInteger(n)) return void res.writeHead(404).end();
      count.push++;
      seen();
      if (n % 100 === 0) {
        try {
          const { ecdh, auth } = keys[n % KEYS];
          const message = JSON.parse(
            decrypt(Buffer.concat(chunks), {
              version: 'aes128gcm',
              privateKey: ecdh,
              authSecret: auth,
            }).toString(),
          );
          count.decrypted++;
          count.sample ??= message;
        } catch {
          count.undecryptable++;
        }
      }
      res.writeHead(201).end();
    });
  });
  push.keepAliveTimeout = 65_000;
  const smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    size: 1_000_000,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        count.mail++;
        seen();
        callback();
      });
    },
  });
  await new Promise((r) => push.listen(0, '127.0.0.1', r));
  await new Promise((r) => smtp.listen(0, '127.0.0.1', r));
  process.stdout.write(
    JSON.stringify({
      pushUrl: `http://127.0.0.1:${push.address().port}`,
      smtpUrl: `smtp://127.0.0.1:${smtp.server.address().port}`,
    }) + '\n',
  );
  process.on('SIGTERM', () => process.exit(0));
}
