import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { StartupError } from '../config/startup-error';

/**
 * What stands in the way of starting the embedded cluster, found before Postgres is asked (its own
 * refusals end in a bare rejection), each turned into one line that says what to do:
 * - a Postgres still running on this DATA_DIR, left by a Vigie process that died without stopping
 *   it (kill -9, OOM killer): stopped here, so that a plain `npm start` after a crash comes up;
 * - the same, but its Vigie process is alive: another Vigie uses this DATA_DIR;
 * - the port taken by something else (a second Vigie on another DATA_DIR, a system Postgres).
 *
 * Who started a cluster is written in DATA_DIR/postgres.owner (the process id). A postmaster whose
 * owner is gone, or (on Linux) is no longer its parent, is a leftover.
 */
export const ownerFile = (dataDir: string) => join(dataDir, 'postgres.owner');

export async function clearTheWay(
  dataDir: string,
  pgDir: string,
  port: number,
  notice: (line: string) => void,
): Promise<void> {
  const postmaster = await runningPostmaster(pgDir);
  if (postmaster) {
    const user = liveUser(postmaster, await readPid(ownerFile(dataDir)));
    if (user !== null) {
      throw new EmbeddedClusterInUse(
        `DATA_DIR ${dataDir} is in use by another Vigie process (pid ${user}): stop that one first, or give this one its own DATA_DIR and EMBEDDED_PG_PORT.`,
      );
    }
    notice(
      `The embedded Postgres (pid ${postmaster}) was left running by a Vigie process that ended without stopping it; stopping it before starting again.`,
    );
    await stopLeftover(postmaster, dataDir);
  }
  if (!(await portIsFree(port))) {
    throw new StartupError(
      `Port ${port} (EMBEDDED_PG_PORT) is already in use, probably by another Vigie or Postgres: stop it, or set EMBEDDED_PG_PORT to a free port.`,
    );
  }
}

/** Another live Vigie process runs this DATA_DIR's cluster: command-line tools connect to it instead. */
export class EmbeddedClusterInUse extends StartupError {}

export async function recordOwner(dataDir: string): Promise<void> {
  await writeFile(ownerFile(dataDir), `${process.pid}\n`);
}

export async function forgetOwner(dataDir: string): Promise<void> {
  if ((await readPid(ownerFile(dataDir))) === process.pid) await rm(ownerFile(dataDir), { force: true });
}

/** The postmaster's pid from postmaster.pid, if that process is alive and is a Postgres. */
async function runningPostmaster(pgDir: string): Promise<number | null> {
  const pid = await readPid(join(pgDir, 'postmaster.pid'));
  if (pid === null || !isAlive(pid)) return null; // a stale file: Postgres clears it itself
  // After a reboot the number may belong to an unrelated process; Postgres would refuse to start
  // all the same, but nothing of ours may be stopped.
  const command = commandOf(pid);
  return command === '' || command.includes('postgres') ? pid : null;
}

async function stopLeftover(pid: number, dataDir: string): Promise<void> {
  // SIGINT is Postgres's fast shutdown: the dead process's connections are gone anyway, and the
  // cluster writes a checkpoint, so the next start needs no recovery.
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited >= 60_000)
      throw new StartupError(
        `The embedded Postgres left running on DATA_DIR ${dataDir} (pid ${pid}) did not stop within 60 s: stop it (kill ${pid}), then start Vigie again.`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
  await rm(ownerFile(dataDir), { force: true });
}

/** The live Vigie process that runs this postmaster, or null when the postmaster is a leftover. */
function liveUser(postmaster: number, owner: number | null): number | null {
  const parent = parentOf(postmaster);
  // Without /proc (macOS) an owner that is alive is taken at its word.
  if (parent === null) return owner !== null && owner !== process.pid && isAlive(owner) ? owner : null;
  if (parent === owner) return owner;
  // No owner recorded (a cluster started before owners were): a Node parent still holds it. An
  // orphan is adopted by init or a subreaper, neither of which is Node.
  const parentCommand = commandOf(parent);
  return owner === null && parent !== 1 && /node/.test(parentCommand) ? parent : null;
}

function parentOf(pid: number): number | null {
  try {
    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after the ')'.
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPid(file: string): Promise<number | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  const pid = Number(text?.split('\n')[0].trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
