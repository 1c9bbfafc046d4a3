import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { solveChallenge, tipForm } from '../support/tip-client';
import { CreateTipDto } from '@vigie/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { ProofOfWorkService } from '../../apps/api/src/tips/intake/proof-of-work.service';
import { TipIntakeService } from '../../apps/api/src/tips/intake/tip-intake.service';

let t: TestApp;
let logFile: string;

beforeAll(async () => {
  logFile = join(process.env.VIGIE_TEST_DATA_DIR!, `anonymity-${Date.now()}.log`);
  // The proof-of-work and the rate limit stay on here, as in production; logs at their most verbose.
  t = await startTestApp({ LOG_LEVEL: 'trace', LOG_FILE: logFile });
});
afterAll(() => t.close());

/** Every row of every table, as text: what a dump of the database would contain. */
async function everythingStored(): Promise<string> {
  const { rows: tables } = await t.db.query(
    `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
  );
  let all = '';
  for (const { name } of tables) {
    const { rows } = await t.db.query(`SELECT x::text AS row FROM ${name} x`);
    all += rows.map((r) => r.row).join('\n');
  }
  return all;
}

/**
 * The log once it holds the line that closes request `requestId`. The logger writes asynchronously
 * but in order: everything logged during that request is in the file by then.
 */
async function logThrough(requestId: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const log = await readFile(logFile, 'utf8').catch(() => '');
    if (log.split('\n').some((line) => line.includes(requestId) && line.includes('"res":'))) return log;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`request ${requestId} is not in the log after 10 s`);
}

describe('anonymity by construction', () => {
  it('stores and logs no address, user agent or cookie of a tipster', async () => {
    const anon = new ApiClient(t.baseUrl);
    const challenge = (await anon.get('/api/public/tips/challenge')).body;
    const markers = {
      ua: 'MarkerAgent/7.7 (tipster-phone-4f1d)',
      ip: '198.51.100.77',
      cookie: 'tracker=marker-cookie-93be',
    };
    const res = await anon.post('/api/public/tips', tipForm({ description: 'Je les ai vus.' }), {
      'x-altcha': solveChallenge(challenge),
      'user-agent': markers.ua,
      'x-forwarded-for': markers.ip,
      'x-real-ip': markers.ip,
      cookie: markers.cookie,
    });
    expect(res.status).toBe(201);

    const stored = await everythingStored();
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    const logs = await logThrough(requestId!);
    expect(logs).toContain('/api/public/tips'); // the request was logged...
    for (const marker of [...Object.values(markers), 'tipster-phone', '127.0.0.1']) {
      expect(stored).not.toContain(marker); // ...but nothing that identifies who sent it
      expect(logs).not.toContain(marker);
    }
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe('proof of work', () => {
  const send = (anon: ApiClient, description: string, altcha?: string) =>
    anon.post('/api/public/tips', tipForm({ description }), altcha ? { 'x-altcha': altcha } : {});

  it('refuses a tip without a solved challenge, with a wrong one, and a replayed one', async () => {
    const anon = new ApiClient(t.baseUrl);
    expect((await send(anon, 'no challenge')).body.code).toBe('CHALLENGE_REQUIRED');
    const challenge = (await anon.get('/api/public/tips/challenge')).body;
    expect((await send(anon, 'wrong', solveChallenge(challenge, true))).body.code).toBe('CHALLENGE_FAILED');
    expect((await send(anon, 'huge', 'x'.repeat(5000))).body.code).toBe('CHALLENGE_FAILED');
    const solved = solveChallenge(challenge);
    expect((await send(anon, 'right', solved)).status).toBe(201);
    expect((await send(anon, 'again', solved)).body.code).toBe('CHALLENGE_FAILED');
    // The solution belongs in its header: in the form it is an unknown field.
    const inForm = await anon.post(
      '/api/public/tips',
      tipForm({ description: 'old form', altcha: solveChallenge(challenge) }),
    );
    expect(inForm.status).toBe(400);
  });

  it('spends a solution only with a stored tip: a refused or cut-off attempt is sent again with it', async () => {
    const anon = new ApiClient(t.baseUrl);
    const solved = solveChallenge((await anon.get('/api/public/tips/challenge')).body);
    expect((await send(anon, '   ', solved)).status).toBe(400); // an empty description
    const boundary = 'cut';
    const cutOff = await fetch(`${t.baseUrl}/api/public/tips`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-altcha': solved },
      body: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="agency"\r\n\r\ndemo\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nvu\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="v.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
        ),
        Buffer.alloc(100_000, 7),
      ]),
    });
    expect(cutOff.status).toBe(400);
    expect((await send(anon, 'sent again, whole', solved)).status).toBe(201);
    expect((await send(anon, 'and not a third time', solved)).body.code).toBe('CHALLENGE_FAILED');
  });

  it('lets one solution carry at most three failing requests, and one request at a time', async () => {
    const anon = new ApiClient(t.baseUrl);
    const solve = async () => solveChallenge((await anon.get('/api/public/tips/challenge')).body);
    const worn = await solve();
    for (let i = 0; i < 3; i++) expect((await send(anon, '   ', worn)).body.code).toBe('VALIDATION_FAILED');
    expect((await send(anon, 'a real tip, at last', worn)).body.code).toBe('CHALLENGE_FAILED');

    // While one request carries a solution (its body still coming), no other may use it.
    const busy = await solve();
    const stop = new AbortController();
    const stalled = fetch(`${t.baseUrl}/api/public/tips`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=b', 'x-altcha': busy },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(
            Buffer.from('--b\r\nContent-Disposition: form-data; name="description"\r\n\r\nlent'),
          );
        },
      }),
      duplex: 'half',
      signal: stop.signal,
    } as RequestInit).catch(() => undefined);
    const { signature } = JSON.parse(Buffer.from(busy, 'base64').toString('utf8'));
    const stateOf = async () =>
      (await t.db.query(`SELECT state FROM spent_challenge WHERE signature = $1`, [signature])).rows[0]
        ?.state;
    for (let i = 0; i < 100 && (await stateOf()) !== 'pending'; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect((await send(anon, 'at the same time', busy)).body.code).toBe('CHALLENGE_FAILED');
    // The first request dies: the solution is released, and carries the next one.
    stop.abort();
    await stalled;
    for (let i = 0; i < 100 && (await stateOf()) !== 'released'; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect((await send(anon, 'after the connection dropped', busy)).status).toBe(201);
  });

  it('stores a tip only with a solution still reserved for it: spent or released, nothing is stored', async () => {
    const intake = t.app.get(TipIntakeService);
    const dto = Object.assign(new CreateTipDto(), { agency: 'demo', description: 'not reserved any more' });
    for (const state of ['spent', 'released']) {
      const signature = `reserved-then-${state}`;
      await t.db.query(
        `INSERT INTO spent_challenge (signature, expires_at, state) VALUES ($1, now() + interval '1 hour', $2)`,
        [signature, state],
      );
      await expect(intake.receive(dto, [], signature)).rejects.toMatchObject({ code: 'CHALLENGE_FAILED' });
    }
    await expect(intake.receive(dto, [], 'never-reserved')).rejects.toMatchObject({
      code: 'CHALLENGE_FAILED',
    });
    const stored = await t.db.query(`SELECT 1 FROM tip WHERE description = 'not reserved any more'`);
    expect(stored.rowCount).toBe(0);
  });

  it('reserves without waiting for the flush in that statement alone: its connection keeps synchronous commits', async () => {
    // On one connection of the test's own, set as production runs (test databases run with
    // synchronous_commit off throughout, for speed).
    await t.db.query(`SET synchronous_commit = on`);
    const onTestConnection = {
      query: async (sql: string, parameters: unknown[]) => (await t.db.query(sql, parameters)).rows,
    } as unknown as DataSource;
    const pow = new ProofOfWorkService(t.app.get(AppConfig), onTestConnection);
    expect(await pow.reserveSignature('sync-check', new Date(Date.now() + 60_000))).toBe(true);
    expect((await t.db.query(`SHOW synchronous_commit`)).rows[0].synchronous_commit).toBe('on');
    expect(
      (await t.db.query(`SELECT state FROM spent_challenge WHERE signature = 'sync-check'`)).rows,
    ).toEqual([{ state: 'pending' }]);
  });

  it('prunes solutions past their expiry, now and then', async () => {
    await t.db.query(
      `INSERT INTO spent_challenge (signature, expires_at, state) VALUES ('long-gone', now() - interval '1 minute', 'spent')`,
    );
    const pow = t.app.get(ProofOfWorkService) as unknown as { prunedAt: number };
    pow.prunedAt = 0; // as if the last pruning were long ago
    const anon = new ApiClient(t.baseUrl);
    const solved = solveChallenge((await anon.get('/api/public/tips/challenge')).body);
    expect((await send(anon, 'prune', solved)).status).toBe(201);
    const left = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM spent_challenge WHERE signature = 'long-gone'`))
        .rows[0].n;
    for (let i = 0; i < 40 && (await left()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await left()).toBe(0);
  });

  it('turns a robot away before reading its upload: the answer comes while the body is still being sent', async () => {
    const before = await readdir(join(t.dataDir, 'media', '.tmp'));
    let pulls = 0;
    // A multipart body that starts a 64 MB "photo" and then never ends.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls === 1)
          controller.enqueue(
            Buffer.from(
              '--b\r\nContent-Disposition: form-data; name="description"\r\n\r\nflood\r\n' +
                '--b\r\nContent-Disposition: form-data; name="files"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n',
            ),
          );
        else if (pulls < 4) controller.enqueue(new Uint8Array(64 * 1024));
        // then nothing more: a pending pull, as from a robot that trickles or stalls
        else return new Promise(() => undefined);
      },
    });
    const res = await fetch(`${t.baseUrl}/api/public/tips`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      body,
      duplex: 'half',
      signal: AbortSignal.timeout(10_000),
    } as RequestInit);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('CHALLENGE_REQUIRED');
    expect(await readdir(join(t.dataDir, 'media', '.tmp'))).toEqual(before);
  });
});

describe('rate limit', () => {
  it('slows one client down after 20 tips in 10 minutes', async () => {
    const anon = new ApiClient(t.baseUrl);
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 22; i++) {
      const challenge = (await anon.get('/api/public/tips/challenge')).body;
      last = await anon.post('/api/public/tips', tipForm({ description: `tip ${i}` }), {
        'x-altcha': solveChallenge(challenge),
      });
      statuses.push(last.status);
    }
    // Tips already sent by this client in the tests above count too.
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 429).every((s) => s === 201)).toBe(true);
    // Told when to try again, in seconds (within the 10-minute window).
    const retryAfter = Number(last?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
  });
});
