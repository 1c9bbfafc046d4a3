import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../support/constants';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { freePort } from '../support/free-port';

/**
 * Start-up that explains itself: a crash leaves nothing that stops a plain restart, and what a
 * person must fix (a port taken, a DATA_DIR in use or not writable) is said in one line, exit 1.
 */
const MAIN = join(__dirname, '../../apps/api/dist/main.js');

/** Runs the built app until it exits by itself (a failed start); never for a start that succeeds. */
async function failedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(await freePort()),
      DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  clearTimeout(timer);
  return { code, output: output.trim() };
}

const postmasterOf = async (dataDir: string) =>
  Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it('comes up after a kill -9 of the API alone, and after a power cut; a second Vigie on its port or its DATA_DIR is told why in one line', async () => {
  let app: (BuiltApp & { port: number; pgPort: number }) | undefined = await startBuiltApp();
  const { dataDir, port, pgPort } = app;
  try {
    // kill -9 of the API process only: its Postgres keeps running, holding the data folder.
    const leftover = await postmasterOf(dataDir);
    await app.crash({ keepDatabase: true });
    expect(isAlive(leftover)).toBe(true);
    app = await startBuiltApp({}, { dataDir, port, pgPort });
    expect(app.output()).toContain(`The embedded Postgres (pid ${leftover}) was left running`);
    expect(isAlive(leftover)).toBe(false);
    expect(await postmasterOf(dataDir)).not.toBe(leftover);

    // A power cut: the API and the database killed at once.
    await app.crash();
    app = await startBuiltApp({}, { dataDir, port, pgPort });
    expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);

    // A second Vigie on the same embedded port (its own DATA_DIR).
    const otherDir = await mkdtemp(join(tmpdir(), 'vigie-second-'));
    try {
      const second = await failedStart({ DATA_DIR: otherDir, EMBEDDED_PG_PORT: String(pgPort) });
      expect(second.code).toBe(1);
      expect(second.output).toBe(
        `Port ${pgPort} (EMBEDDED_PG_PORT) is already in use, probably by another Vigie or Postgres: stop it, or set EMBEDDED_PG_PORT to a free port.`,
      );
      expect(existsSync(join(otherDir, 'postgres'))).toBe(false);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }

    // A second Vigie on the same DATA_DIR (its own ports): the running one is left alone.
    const running = await postmasterOf(dataDir);
    const twin = await failedStart({ DATA_DIR: dataDir });
    expect(twin.code).toBe(1);
    expect(twin.output).toBe(
      `DATA_DIR ${dataDir} is in use by another Vigie process (pid ${app.pid}): stop that one first, or give this one its own DATA_DIR and EMBEDDED_PG_PORT.`,
    );
    expect(isAlive(running)).toBe(true);
    expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);

    // The same API port as the running one.
    const samePort = await failedStart({ DATA_DIR: dataDir + '-x', PORT: String(port) });
    await rm(dataDir + '-x', { recursive: true, force: true });
    expect(samePort.code).toBe(1);
    expect(samePort.output.split('\n')).toEqual([
      `Port ${port} on 127.0.0.1 is already in use, probably by another Vigie: stop it, or set PORT to a free port (EADDRINUSE).`,
    ]);
  } finally {
    await app?.stop();
  }
  // Nothing of these starts is left running.
  expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
});

it('says in one line that DATA_DIR cannot be written, and writes nothing', async () => {
  // Tests run as root, which permission bits do not stop: a path under a file fails for anyone.
  const scratch = await mkdtemp(join(tmpdir(), 'vigie-unwritable-'));
  try {
    const file = join(scratch, 'a-file');
    await writeFile(file, 'not a folder');
    const { code, output } = await failedStart({ DATA_DIR: join(file, 'data') });
    expect(code).toBe(1);
    expect(output).toBe(
      `DATA_DIR ${join(file, 'data')} is not writable (ENOTDIR: a file stands where a folder is needed): set DATA_DIR to a folder this user can create and write, or fix that one.`,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});
