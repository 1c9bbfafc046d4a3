import { mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { childrenOf, isAlive, postmasterOf, startBuiltApp } from '../support/built-app';
import { jpegWithGps } from '../support/media-fixtures';
import { tipForm } from '../support/tip-client';

/**
 * "The database may go away; the process may not." The built product on its own embedded Postgres,
 * under a mixed load (public reads, text and photo tips whose jobs run, a desk's live stream), while
 * its Postgres is killed (SIGKILL on the postmaster) and frozen (SIGSTOP on every Postgres process)
 * ten times. The API must never exit, never answer a 5xx other than 503, never fall back on its
 * last-resort rejection handler, and come back each time by itself: health 200, a new tip 201 and
 * in the inbox, the live stream delivering it. The API starts its embedded Postgres again itself.
 * Nothing acknowledged is lost: every tip answered 201 is in the database at the end, and reached
 * the desk's live stream.
 */
const ENV = {
  TIP_CHALLENGE: 'off',
  TIP_RATE_LIMIT: '0',
  WORKERS: '2',
  DB_CONNECT_TIMEOUT_MS: '2000',
  DB_STATEMENT_TIMEOUT_MS: '3000',
  LOG_LEVEL: 'warn',
};
const OUTAGES = 10;
/** Every other outage kills the postmaster (the first one among them); the others freeze Postgres. */
const isKill = (n: number) => n % 2 === 0;
/** How long a freeze lasts: past the timeouts above, so that requests meet it. */
const FREEZE_MS = 5_000;
/** A generous ceiling for one recovery on a loaded machine: a hang detector, not a timing check. */
const RECOVERY_CEILING_MS = 90_000;

const ARTIFACTS = join(__dirname, '../artifacts');
/** A process's parent, from /proc/PID/stat ("pid (comm) state ppid ...", comm may hold spaces). */
const parentOf = (pid: number) =>
  Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a value, or fails after the ceiling. */
async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  explain: () => Promise<string> = async () => '',
): Promise<T> {
  const deadline = Date.now() + RECOVERY_CEILING_MS;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not recovered: ${what} ${await explain().catch(String)}`);
    await sleep(250);
  }
}

/** What the load saw: every status, and every network failure (there must be none). */
class Tally {
  readonly statuses = new Map<number, number>();
  readonly failures: string[] = [];
  count(status: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }
}

/** A desk's live stream, reconnecting like EventSource (after its `retry`) with Last-Event-ID. */
class LiveStream {
  readonly tipIds = new Set<string>();
  private lastId?: string;
  private lastEventAt = 0;
  private readonly abort = new AbortController();
  reconnections = 0;

  constructor(private readonly desk: ApiClient) {}

  async run(): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        const cookie = [...this.desk.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
        const res = await fetch(`${this.desk.baseUrl}/api/events`, {
          headers: { cookie, ...(this.lastId ? { 'last-event-id': this.lastId } : {}) },
          signal: this.abort.signal,
        });
        if (res.ok && res.body) await this.read(res.body);
      } catch {
        // the stream cut, or aborted at the end
      }
      if (!this.abort.signal.aborted) this.reconnections++;
      await sleep(500);
    }
  }

  stop(): void {
    this.abort.abort();
  }

  state(): Record<string, unknown> {
    return {
      lastId: this.lastId,
      tips: this.tipIds.size,
      reconnections: this.reconnections,
      sinceLastEventMs: Date.now() - this.lastEventAt,
    };
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          frame
            .split('\n')
            .find((l) => l.startsWith(`${name}: `))
            ?.slice(name.length + 2);
        const id = field('id');
        if (id) [this.lastId, this.lastEventAt] = [id, Date.now()];
        if (field('event') === 'tip.received') this.tipIds.add(JSON.parse(field('data') ?? '{}').tipId);
      }
    }
  }
}

it(`survives ${OUTAGES} database outages (killed, frozen) under load and recovers from each by itself`, async () => {
  const app = await startBuiltApp(ENV);
  const tally = new Tally();
  let loading = true;
  const stream = new LiveStream(await ApiClient.signedIn(app.baseUrl, 'investigator@demo.test'));
  const desk = await ApiClient.signedIn(app.baseUrl, 'investigator@demo.test');
  try {
    const connectToCluster = async () => {
      const password = readFileSync(join(app.dataDir, 'postgres.secret'), 'utf8').trim();
      const db = new Client({
        connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${app.pgPort}/vigie`,
      });
      await db.connect();
      return db;
    };
    const photo = await jpegWithGps(400, 300);
    const list = (await (await fetch(`${app.baseUrl}/api/public/appeals`)).json()) as {
      items: { slug: string }[];
    };
    const slugs = list.items.map((a) => a.slug);
    expect(slugs.length).toBeGreaterThan(0);

    const acknowledged: string[] = [];
    const hit = async (request: () => Promise<Response>) => {
      try {
        const res = await request();
        tally.count(res.status);
        const body = await res.text();
        if (res.status === 201) acknowledged.push((JSON.parse(body) as { code: string }).code);
      } catch (err) {
        tally.failures.push(String(err));
      }
    };
    const loop = async (step: (i: number) => Promise<void>) => {
      for (let i = 0; loading; i++) {
        await step(i);
        await sleep(20);
      }
    };
    const load = [
      // Public reads: the list, and appeal pages (mostly served from the cache).
      loop((i) =>
        hit(() =>
          fetch(
            i % 2
              ? `${app.baseUrl}/api/public/appeals`
              : `${app.baseUrl}/api/public/appeals/${slugs[i % slugs.length]}`,
          ),
        ),
      ),
      // Tips: text ones, and every fifth with a photo (media and duplicate jobs run meanwhile).
      loop((i) =>
        hit(() =>
          fetch(`${app.baseUrl}/api/public/tips`, {
            method: 'POST',
            body: tipForm(
              { description: `load tip ${i}: a grey car near the school` },
              i % 5 === 0 ? [{ data: photo, name: `p${i}.jpg`, type: 'image/jpeg' }] : [],
            ),
          }),
        ),
      ),
      // A desk reading its inbox.
      loop(async () => {
        const res = await desk.get('/api/tips').catch(() => undefined);
        if (res) tally.count(res.status);
        await sleep(200);
      }),
      stream.run(),
    ];

    const recoveries: { outage: string; ms: number }[] = [];
    for (let n = 0; n < OUTAGES; n++) {
      await sleep(1_500); // load on a healthy database
      const postmaster = await postmasterOf(app.dataDir);
      let outage: string;
      if (isKill(n)) {
        outage = 'kill';
        process.kill(postmaster, 'SIGKILL');
        await eventually('the postmaster gone', async () => (isAlive(postmaster) ? undefined : true));
      } else {
        outage = 'freeze';
        const frozen = [postmaster, ...childrenOf(postmaster)];
        for (const pid of frozen) process.kill(pid, 'SIGSTOP');
        await sleep(FREEZE_MS);
        for (const pid of frozen) process.kill(pid, 'SIGCONT');
      }
      const from = Date.now();

      // Back by itself: no restart of the API, which must still be the same process.
      await eventually('health 200', async () =>
        (await fetch(`${app.baseUrl}/api/health`)).status === 200 ? true : undefined,
      );
      // One Postgres in the folder: no backend of the killed postmaster left serving beside the
      // new one (a busy one does not notice its parent died, and holds up the restart). Each process
      // working in the folder is the postmaster or its child, read together (a backend forked
      // meanwhile is a child too); an orphan's parent is init.
      const now = await postmasterOf(app.dataDir);
      const cluster = realpathSync(join(app.dataDir, 'postgres'));
      const strays = readdirSync('/proc')
        .filter((d) => /^\d+$/.test(d) && Number(d) !== now)
        .filter((d) => {
          try {
            return readlinkSync(`/proc/${d}/cwd`) === cluster && parentOf(Number(d)) !== now;
          } catch {
            return false; // ended meanwhile
          }
        });
      expect(strays).toEqual([]);
      // A word of letters only, which the inbox's full-text search finds.
      const marker = `marker${Array.from({ length: 12 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
      const code = await eventually('a tip taken', async () => {
        const res = await new ApiClient(app.baseUrl).post(
          '/api/public/tips',
          tipForm({ description: `after outage ${n + 1} (${outage}): ${marker}` }),
        );
        return res.status === 201 ? (res.body.code as string) : undefined;
      });
      const tipId = await eventually('the tip in the inbox', async () => {
        const res = await desk.get(`/api/tips?q=${marker}`);
        const items = res.status === 200 ? (res.body.items as { id: string; code: string }[]) : [];
        return items.find((item) => item.code === code)?.id;
      });
      await eventually(
        `the tip on the live stream after outage ${n + 1}`,
        async () => (stream.tipIds.has(tipId) ? true : undefined),
        async () => {
          const db = await connectToCluster();
          try {
            const { rows } = await db.query(
              `SELECT (SELECT max(id)::text FROM live_event) AS last,
                      (SELECT string_agg(id::text, ',') FROM live_event WHERE data->>'tipId' = $1) AS mine,
                      (SELECT string_agg(backend_start::text || ' ' || coalesce(state, ''), '; ')
                         FROM pg_stat_activity WHERE application_name = 'vigie-listener') AS listener,
                      now()::text AS now,
                      (SELECT last_value::text || '/' || log_cnt || '/' || is_called FROM live_event_id_seq) AS seq,
                      (SELECT string_agg(id || ' ' || type || ' ' || created_at::time, ', ' ORDER BY id)
                         FROM (SELECT * FROM live_event ORDER BY created_at DESC LIMIT 6) recent) AS recent,
                      (SELECT checkpoint_lsn::text || ' redo ' || redo_lsn::text || ' at ' || checkpoint_time::time
                         FROM pg_control_checkpoint()) AS checkpoint`,
              [tipId],
            );
            const asked = [...acknowledged]; // the load goes on meanwhile
            const kept = await db.query(`SELECT count(*)::int AS n FROM tip WHERE code = ANY($1)`, [asked]);
            return JSON.stringify({
              stream: stream.state(),
              table: rows[0],
              acknowledged: asked.length,
              kept: kept.rows[0].n,
            });
          } finally {
            await db.end();
          }
        },
      );
      recoveries.push({ outage, ms: Date.now() - from });
      expect(app.running()).toBe(true);
    }

    loading = false;
    await Promise.all(load.slice(0, -1));

    // Nothing acknowledged was lost: every tip answered 201 is there (the restarted Postgres
    // recovered every commit), and each reached the desk's live stream, none skipped.
    const db = await connectToCluster();
    const kept = await db
      .query(`SELECT id FROM tip WHERE code = ANY($1)`, [acknowledged])
      .finally(() => db.end());
    const keptIds: string[] = kept.rows.map((r: { id: string }) => r.id);
    expect(keptIds.length).toBe(acknowledged.length);
    await eventually(
      'every acknowledged tip on the live stream',
      async () => (keptIds.every((id) => stream.tipIds.has(id)) ? true : undefined),
      async () => `${keptIds.filter((id) => !stream.tipIds.has(id)).length} of ${keptIds.length} missing`,
    );
    stream.stop();
    await Promise.all(load);

    // For the record (docs/operations.md quotes these): what the load met, and how long each
    // recovery took from the database's return (or its kill) to a tip delivered live.
    const logged = new Map<string, number>();
    for (const line of app
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))) {
      const msg = String((JSON.parse(line) as { msg?: unknown }).msg);
      logged.set(msg, (logged.get(msg) ?? 0) + 1);
    }
    console.log(
      JSON.stringify({
        recoveries,
        acknowledged: acknowledged.length,
        statuses: Object.fromEntries(tally.statuses),
        streamReconnections: stream.reconnections,
        logged: Object.fromEntries(logged),
      }),
    );
    // Anything logged as a bug, with what it was (kinds and places only: loggableError).
    const bugs = app
      .output()
      .split('\n')
      .filter(
        (l) =>
          l.startsWith('{') &&
          /"msg":"(Unhandled error|request errored|live events not recorded|job queue error)"/.test(l),
      )
      .filter((l) => !/"statusCode":503/.test(l));
    expect(bugs).toEqual([]);
    expect(app.running()).toBe(true);
    expect(app.output()).toMatch(/The embedded Postgres is running again/);
    // Every failure was a clean 503: no 500, no connection dropped by the API, no crash.
    expect([...tally.statuses.keys()].filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(tally.failures).toEqual([]);
    expect(tally.statuses.get(503) ?? 0).toBeGreaterThan(0);
    // Every path caught its own failure: none reached the last-resort handler.
    expect(app.output()).not.toMatch(/unhandled rejection/);
  } catch (err) {
    // What the API and its Postgres said, to see why (kinds and codes only: nothing of a tip).
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'database-outage.output.log'), app.output());
    throw err;
  } finally {
    loading = false;
    stream.stop();
    await app.stop();
  }
}, 360_000);
