import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../support/constants';
import { jpegWithGps } from '../support/media-fixtures';
import { startBuiltApp } from '../support/built-app';
import { tipForm } from '../support/tip-client';
import { freePort } from '../support/free-port';

/**
 * SIGTERM (what an orchestrator or `docker stop` sends) while jobs are running: the process lets
 * requests and jobs finish, closes its pools, and only then stops the embedded database, which
 * shuts down cleanly (its postmaster.pid removed) with no connection cut under anyone's feet.
 */
it('stops in order on SIGTERM: requests and jobs first, the embedded database last', async () => {
  const app = await startBuiltApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  const photo = await jpegWithGps(1600, 1200);
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${app.baseUrl}/api/public/tips`, {
      method: 'POST',
      body: tipForm({ description: `before shutdown ${i}` }, [
        { data: photo, name: 'p.jpg', type: 'image/jpeg' },
      ]),
    });
    expect(res.status).toBe(201);
  }
  await app.stop({ keepData: true });
  const output = app.output();
  try {
    expect(output).toContain('SIGTERM: shutting down');
    expect(output).not.toMatch(/terminating connection|job queue error|Unhandled error/);
    expect(existsSync(join(app.dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  } finally {
    await rm(app.dataDir, { recursive: true, force: true });
  }
}, 120_000);

it('stops cleanly on SIGTERM during boot (migrations, demo seed): exit 0, the database shut down', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigie-boot-stop-'));
  try {
    const child = spawn(process.execPath, [join(__dirname, '../../apps/api/dist/main.js')], {
      env: {
        ...process.env,
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await freePort()),
        DEMO_PASSWORD,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    // The cluster is up and the app is booting on it: migrations and the demo seed run now.
    const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
    for (let i = 0; i < 600 && !existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(pidFile)).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM: shutting down');
    expect(output).not.toMatch(/failed to start|job queue error/);
    expect(existsSync(pidFile)).toBe(false);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}, 120_000);
