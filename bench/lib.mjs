// Shared pieces of `npm run bench`: start the built API (on its own embedded Postgres), drive
// load with autocannon, measure a bare baseline in the same run, and record the API's peak RSS.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_PASSWORD = 'bench-demo-password';

/** xorshift32: the same stream for the same seed, on every run (generated photos and corpora). */
export function random(seed) {
  let x = seed >>> 0 || 1;
  const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 4294967296);
  next.pick = (a) => a[Math.floor(next() * a.length)];
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  next.chance = (p) => next() < p;
  return next;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `apps/api/dist/main.js` with a fresh data folder (or `reuse`'s, to restart on the same
 * data); resolves once it answers /api/health.
 */
export async function startApi(env = {}, reuse) {
  const dataDir = reuse?.dataDir ?? (await mkdtemp(join(tmpdir(), 'vigie-bench-')));
  const port = await freePort();
  const pgPort = reuse?.pgPort ?? (await freePort());
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API under any scenario.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'apps/api/dist/main.js')], {
    env: {
      // As `npm start` and the image set it (docs/scaling.md), unless the run sets its own.
      MALLOC_ARENA_MAX: '2',
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      DEMO_PASSWORD,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep only the tail of the logs: enough to explain a failed start, bounded under load.
  let output = '';
  const keep = (d) => (output = (output + d).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited during start:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`API did not start in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid,
    dataDir,
    pgPort,
    /** A direct connection to the API's database, for setting up baselines and counting results. */
    async dbUrl() {
      const password = (await readFile(join(dataDir, 'postgres.secret'), 'utf8')).trim();
      return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/vigie`;
    },
    async db() {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: await this.dbUrl() });
      await client.connect();
      return client;
    },
    /** CPU seconds the API process has used so far (user + system, all its threads; not Postgres). */
    cpuSeconds: () => cpuSecondsOf(child.pid),
    /** Resident set size now and at its peak (VmHWM), in MB, of the API process alone. */
    async rss() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kb = (key) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0);
      return { currentMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
    },
    /** Stops the API; keeps its data folder when `keepData` (to restart on it). */
    async stop({ keepData = false } = {}) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * CPU seconds a process has used (user + system, every thread), and with `children` those of the
 * children it has waited for (ffmpeg runs). On a machine shared with other work, wall time says how
 * busy the machine was; CPU time per unit of work says what the work costs, and stays comparable.
 */
export async function cpuSecondsOf(pid = 'self', { children = false } = {}) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3, utime 14, stime 15, cutime 16, cstime 17 (clock ticks, 100/s).
  const ticks = (n) => Number(fields[n - 3]);
  return (ticks(14) + ticks(15) + (children ? ticks(16) + ticks(17) : 0)) / 100;
}

/** Runs autocannon and keeps the figures that matter. */
export async function load({ url, connections = 50, duration = 10, ...options }) {
  const result = await autocannon({ url, connections, duration, ...options });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * A bare node:http server answering every request with the same bytes, in its own process: the
 * ceiling of the machine. (In this process it would share its thread with autocannon, and look
 * slower than it is.)
 */
export async function bareServer(body, headers = { 'content-type': 'application/json' }) {
  const dir = await mkdtemp(join(tmpdir(), 'vigie-bare-'));
  await writeFile(join(dir, 'body'), body);
  const server = await startBaselineProcess('static-answer.mjs', [
    join(dir, 'body'),
    headers['content-type'],
  ]);
  return {
    url: server.url,
    cpuSeconds: server.cpuSeconds,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function signIn(url, email) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('vigie_csrf=')).split('=')[1];
  return { cookie: cookies.join('; '), csrf };
}

export async function writeResult(name, result) {
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const record = { scenario: name, at: new Date().toISOString(), machine: machineInfo(), ...result };
  await writeFile(join(ROOT, 'bench/results', `${name}-${stamp}.json`), JSON.stringify(record, null, 2));
  await writeFile(join(ROOT, 'bench/results', `${name}-latest.json`), JSON.stringify(record, null, 2));
  return record;
}

function machineInfo() {
  return { node: process.version, cpus: (globalThis.navigator?.hardwareConcurrency ?? 0) || undefined };
}

export const ratio = (value, baseline) => (baseline ? Math.round((value / baseline) * 1000) / 1000 : null);

/** Runs a baseline server in its own process (so it does not share a thread with the load generator). */
export async function startBaselineProcess(script, args) {
  const child = spawn(process.execPath, [join(ROOT, 'bench/baselines', script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(String(d).trim()));
    child.once('exit', (code) => reject(new Error(`baseline exited with ${code}`)));
  });
  return {
    url,
    cpuSeconds: () => cpuSecondsOf(child.pid),
    close: () =>
      new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      }),
  };
}
