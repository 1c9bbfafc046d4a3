import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from './constants';
import { freePort } from './free-port';

const ROOT = join(__dirname, '../..');

export interface BuiltApp {
  baseUrl: string;
  dataDir: string;
  pid: number;
  output(): string;
  /** True until the API process exits, for whatever reason. */
  running(): boolean;
  /** Stops the process (SIGTERM); removes its data folder unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /**
   * Kills the API process and its embedded Postgres with SIGKILL, as a power cut would; with
   * `keepDatabase`, only the API process (kill -9, the OOM killer), leaving its Postgres running.
   */
  crash(options?: { keepDatabase?: boolean }): Promise<void>;
}

/**
 * Starts the built product exactly as `npm start` runs it (apps/api/dist/main.js serving the built
 * portal) on a fresh embedded Postgres with demo data, on free ports.
 */
export async function startBuiltApp(
  env: Record<string, string> = {},
  reuse?: { dataDir: string; port?: number; pgPort: number },
): Promise<BuiltApp & { port: number; pgPort: number }> {
  const main = join(ROOT, 'apps/api/dist/main.js');
  if (!existsSync(main) || !existsSync(join(ROOT, 'apps/portal/dist/index.html'))) {
    throw new Error('Build first: `npm run build` (npm test does it)');
  }
  const dataDir = reuse?.dataDir ?? (await mkdtemp(join(tmpdir(), 'vigie-built-')));
  const port = reuse?.port ?? (await freePort());
  const pgPort = reuse?.pgPort ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited during start:\n${output}`);
    const up = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`The app did not start in 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  const exited = new Promise((r) => child.once('exit', r));
  return {
    baseUrl,
    dataDir,
    port,
    pgPort,
    pid: child.pid!,
    output: () => output,
    running: () => child.exitCode === null && child.signalCode === null,
    stop: async ({ keepData = false } = {}) => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
    },
    crash: async ({ keepDatabase = false } = {}) => {
      const postmaster = await postmasterOf(dataDir);
      const backends = keepDatabase ? [] : childrenOf(postmaster);
      child.kill('SIGKILL');
      if (keepDatabase) return void (await exited);
      for (const pid of [postmaster, ...backends]) killQuietly(pid);
      await exited;
      for (let i = 0; i < 50 && [postmaster, ...backends].some(isAlive); i++)
        await new Promise((r) => setTimeout(r, 100));
    },
  };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** The pid of the embedded Postgres's main process, from its postmaster.pid. */
export async function postmasterOf(dataDir: string): Promise<number> {
  return Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

/** Direct children of a process, from /proc (Linux). */
export function childrenOf(parent: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Starts `npm run worker`'s process (jobs only, no HTTP) and waits until it says it runs. */
export async function startWorker(
  env: Record<string, string>,
): Promise<{ stop(): Promise<void>; output(): string }> {
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/worker.js')], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((r) => child.once('exit', r));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', (d) => {
      output += d;
      if (output.includes('Vigie worker running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d) => (output += d));
    child.once('exit', () => reject(new Error(`worker exited:\n${output}`)));
  });
  return {
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
