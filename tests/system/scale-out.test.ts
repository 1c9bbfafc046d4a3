import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { ApiClient } from '../support/api-client';
import { BuiltApp, startBuiltApp, startWorker } from '../support/built-app';
import { jpegWithGps } from '../support/media-fixtures';
import { tipForm } from '../support/tip-client';

/**
 * Two API processes on one Postgres, and two worker processes: a tip sent to one API appears live
 * in an inbox connected to the other; a session works on both; a rate limit holds across both;
 * every media job is done once.
 */
const shared = {
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  RATE_LIMIT_STORE: 'postgres',
  TIP_RATE_LIMIT: '5',
  TIP_CHALLENGE: 'off',
  WORKERS: '0',
};

let a: BuiltApp & { port: number; pgPort: number };
let b: BuiltApp & { port: number; pgPort: number };
let databaseUrl: string;
let photoTip: { code: string; password: string };

beforeAll(async () => {
  a = await startBuiltApp(shared);
  const password = (await readFile(join(a.dataDir, 'postgres.secret'), 'utf8')).trim();
  databaseUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${a.pgPort}/vigie`;
  // Same folder for media (one machine standing in for shared storage), the database of A.
  b = await startBuiltApp(
    { ...shared, DATABASE_URL: databaseUrl, SEED_DEMO: 'false' },
    { dataDir: a.dataDir, pgPort: a.pgPort },
  );
  // The tip whose photos the workers will process (sent now: the rate-limit test spends the limit).
  photoTip = (
    await new ApiClient(a.baseUrl).post('/api/public/tips', tipForm({ description: 'photos à suivre' }))
  ).body;
});
afterAll(async () => {
  await b?.stop({ keepData: true });
  await a?.stop();
});

it('a session opened on one process works on the other, and a logout on either ends it', async () => {
  const onA = await ApiClient.signedIn(a.baseUrl, 'investigator@demo.test');
  const onB = new ApiClient(b.baseUrl);
  onA.cookies.forEach((v, k) => onB.cookies.set(k, v));
  expect((await onB.get('/api/auth/me')).body.email).toBe('investigator@demo.test');
  expect((await onB.post('/api/auth/logout')).status).toBe(204);
  expect((await onA.get('/api/auth/me')).status).toBe(401);
});

it('a tip sent to A reaches an inbox connected to B, live', async () => {
  const investigator = await ApiClient.signedIn(b.baseUrl, 'investigator@demo.test');
  const controller = new AbortController();
  const stream = await fetch(`${b.baseUrl}/api/events`, {
    headers: { cookie: `vigie_session=${investigator.sessionToken}` },
    signal: controller.signal,
  });
  const reader = stream.body!.getReader();
  const receipt = (
    await new ApiClient(a.baseUrl).post('/api/public/tips', tipForm({ description: 'Envoyé à A, vu sur B' }))
  ).body;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const tipId = (await db.query(`SELECT id FROM tip WHERE code = $1`, [receipt.code])).rows[0].id;
  await db.end();
  let text = '';
  const deadline = Date.now() + 10_000;
  while (!text.includes(tipId) && Date.now() < deadline) {
    const { value } = await reader.read();
    text += Buffer.from(value!).toString('utf8');
  }
  controller.abort();
  expect(text).toContain('event: tip.received');
  expect(text).toContain(tipId);
});

it('the tip rate limit counts across both processes', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const target = i % 2 === 0 ? a : b;
    statuses.push(
      (await new ApiClient(target.baseUrl).post('/api/public/tips', tipForm({ description: `limite ${i}` })))
        .status,
    );
  }
  // Two tips were already sent from this address (before all, and in the test above).
  expect(statuses).toEqual([201, 201, 201, 429, 429, 429]);
});

it('two worker processes process every photo, each job once', async () => {
  const workers = await Promise.all(
    [1, 2].map(() =>
      startWorker({ ...shared, DATABASE_URL: databaseUrl, DATA_DIR: a.dataDir, WORKERS: '2' }),
    ),
  );
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const photo = await jpegWithGps(800, 600);
    const sent = 12;
    // The photos go as follow-up files of one tip, through both API processes in turn.
    const token = (
      await new ApiClient(b.baseUrl).post('/api/public/tips/follow-up', {
        code: photoTip.code,
        password: photoTip.password,
      })
    ).body.token;
    for (let i = 0; i < sent; i += 4) {
      const form = new FormData();
      for (let j = 0; j < 4; j++)
        form.append('files', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `p${i + j}.jpg`);
      const res = await fetch(`${(i / 4) % 2 ? b.baseUrl : a.baseUrl}/api/public/tips/follow-up/media`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(201);
    }
    const deadline = Date.now() + 60_000;
    let states: { state: string; count: number }[] = [];
    while (Date.now() < deadline) {
      states = (await db.query(`SELECT state, count(*)::int AS count FROM tip_media GROUP BY state`)).rows;
      if (!states.some((s) => s.state === 'PENDING')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(states).toEqual([{ state: 'READY', count: sent }]);
    // A photo is READY as soon as its job's handler wrote it; pg-boss marks the job completed just
    // after, so the count of completed jobs is read once they have all been marked.
    const completed = () =>
      db.query(
        `SELECT data->>'mediaId' AS media, count(*)::int AS runs FROM pgboss.job WHERE name = 'tip-media.process' AND state = 'completed' GROUP BY 1`,
      );
    let jobs = await completed();
    while (jobs.rows.length < sent && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      jobs = await completed();
    }
    expect(jobs.rows).toHaveLength(sent);
    expect(jobs.rows.every((r) => r.runs === 1)).toBe(true);
  } finally {
    await db.end();
    await Promise.all(workers.map((w) => w.stop()));
  }
});
