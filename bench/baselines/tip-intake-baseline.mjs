// The bare baseline for tip intake: node:http + busboy and the work a tip needs whatever the
// framework, and nothing else: the proof-of-work checked with altcha-lib (the same v1 check the API
// makes, and single use: the solution's signature is unique in the row), the tipster's passphrase
// hashed with argon2id at the API's parameters (apps/api/src/tips/tipster-credentials.ts), each file
// streamed to disk while hashing, fsync, rename, fsync of the folder, and the insert. The API's
// ratio to this is the cost of everything it adds, not of what keeps a tip safe.
// Usage: node tip-intake-baseline.mjs <database url> <scratch folder> <altcha hmac key>   (prints its URL)
import { hash as argon2id } from '@node-rs/argon2';
import { verifySolution } from 'altcha-lib/v1';
import busboy from 'busboy';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';

const [dbUrl, dir, hmacKey] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: dbUrl, max: 20 });
/** The API's tipster passphrase parameters (TIPSTER_ARGON2; argon2id is the library's default). */
const TIPSTER_ARGON2 = { memoryCost: 2048, timeCost: 1, parallelism: 1 };

async function fsync(path) {
  const handle = await open(path, 'r');
  await handle.sync();
  await handle.close();
}

await mkdir(join(dir, 'tmp'), { recursive: true });
await mkdir(join(dir, 'sealed'), { recursive: true });
await pool.query(
  `CREATE TABLE IF NOT EXISTS bench_baseline_tip (id uuid PRIMARY KEY, description text NOT NULL,
     sha256 text, password_hash text NOT NULL, challenge text UNIQUE, received_at timestamptz NOT NULL)`,
);

function refuse(res, status, why) {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(why);
}

const server = createServer(async (req, res) => {
  // Checked before the body is read, as the API's guard does.
  const solution = req.headers['x-altcha'];
  if (!solution || !(await verifySolution(String(solution), hmacKey, true).catch(() => false))) {
    req.resume();
    return refuse(res, 400, 'proof of work');
  }
  const signature = JSON.parse(Buffer.from(String(solution), 'base64').toString('utf8')).signature;
  const fields = {};
  const files = [];
  const bb = busboy({ headers: req.headers });
  bb.on('field', (name, value) => (fields[name] = value));
  bb.on('file', (_name, stream) => {
    const path = join(dir, 'tmp', randomUUID());
    const hash = createHash('sha256');
    stream.on('data', (c) => hash.update(c));
    files.push(pipeline(stream, createWriteStream(path)).then(() => ({ path, sha256: hash.digest('hex') })));
  });
  bb.on('close', async () => {
    try {
      const id = randomUUID();
      const passphrase = randomBytes(8).toString('base64url');
      const [written, passwordHash] = await Promise.all([
        Promise.all(files),
        argon2id(passphrase, TIPSTER_ARGON2),
      ]);
      for (const f of written) {
        await fsync(f.path);
        await rename(f.path, join(dir, 'sealed', `${id}-${f.sha256}`));
      }
      if (written.length) await fsync(join(dir, 'sealed'));
      const inserted = await pool.query(
        `INSERT INTO bench_baseline_tip (id, description, sha256, password_hash, challenge, received_at)
         VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT (challenge) DO NOTHING`,
        [id, fields.description, written[0]?.sha256 ?? null, passwordHash, signature],
      );
      if (inserted.rowCount !== 1) return refuse(res, 400, 'proof of work already spent');
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ code: id.slice(0, 9), password: passphrase, receivedAt: new Date().toISOString() }),
      );
    } catch (err) {
      refuse(res, 500, String(err));
    }
  });
  req.pipe(bb);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
