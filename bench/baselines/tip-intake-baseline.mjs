// The bare baseline for tip intake: node:http + busboy + the same durable steps the API takes
// (stream the file to disk while hashing, fsync, rename, fsync the folder, insert the row), and
// nothing else. The API's ratio to this is the cost of everything the API adds.
// Usage: node tip-intake-baseline.mjs <database url> <scratch folder>   (prints its URL)
import busboy from 'busboy';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';

const [dbUrl, dir] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: dbUrl, max: 20 });

async function fsync(path) {
  const handle = await open(path, 'r');
  await handle.sync();
  await handle.close();
}

await mkdir(join(dir, 'tmp'), { recursive: true });
await mkdir(join(dir, 'sealed'), { recursive: true });
await pool.query(
  `CREATE TABLE IF NOT EXISTS bench_baseline_tip (id uuid PRIMARY KEY, description text NOT NULL, sha256 text, received_at timestamptz NOT NULL)`,
);

const server = createServer((req, res) => {
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
      const written = await Promise.all(files);
      for (const f of written) {
        await fsync(f.path);
        await rename(f.path, join(dir, 'sealed', `${id}-${f.sha256}`));
      }
      if (written.length) await fsync(join(dir, 'sealed'));
      await pool.query(
        'INSERT INTO bench_baseline_tip (id, description, sha256, received_at) VALUES ($1, $2, $3, now())',
        [id, fields.description, written[0]?.sha256 ?? null],
      );
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: id.slice(0, 9), receivedAt: new Date().toISOString() }));
    } catch (err) {
      res.writeHead(500);
      res.end(String(err));
    }
  });
  req.pipe(bb);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
