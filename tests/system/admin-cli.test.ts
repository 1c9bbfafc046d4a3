import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApiClient } from '../support/api-client';
import { startBuiltApp } from '../support/built-app';

/**
 * Going live on the embedded database, as the README tells it: `SEED_DEMO=false npm start`, then
 * the two admin commands while it runs, the link, a sign-in; and the same commands with Vigie
 * stopped (the command starts the database for itself and stops it after).
 */
jest.setTimeout(180_000);

const CLI = join(__dirname, '../../apps/api/dist/cli/admin.js');
const run = promisify(execFile);

async function admin(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

it('sets up an agency and its first admin from the command line, with Vigie running or not', async () => {
  const app = await startBuiltApp({ SEED_DEMO: 'false' });
  let stopped = false;
  try {
    const env = {
      DATA_DIR: app.dataDir,
      EMBEDDED_PG_PORT: String(app.pgPort),
      PUBLIC_URL: app.baseUrl,
      DATABASE_URL: '',
    };
    // Nobody can sign in on a fresh deployment: there is nobody.
    expect((await new ApiClient(app.baseUrl).get('/api/public/agencies')).body).toEqual([]);

    const agency = await admin(
      [
        'create-agency',
        '--name',
        'Service de police de Gatineau',
        '--slug',
        'gatineau',
        '--time-zone',
        'America/Toronto',
      ],
      env,
    );
    expect(agency.stderr).toBe('');
    expect(agency.code).toBe(0);
    expect(agency.stdout).toContain('Agency created: Service de police de Gatineau');

    const chief = await admin(
      ['create-admin', '--agency', 'gatineau', '--email', 'chief@example.org', '--name', 'Marie Tremblay'],
      env,
    );
    expect(chief.code).toBe(0);
    const link = chief.stdout.match(/http:\/\/127\.0\.0\.1:\d+\/desk\/activate\/([A-Za-z0-9_-]{43})/)!;
    expect(link).not.toBeNull();

    // The running server sees what the command wrote, and the link works there.
    const anonymous = new ApiClient(app.baseUrl);
    expect(
      (await anonymous.post(`/api/auth/activation/${link[1]}`, { password: 'riverside morning patrol' }))
        .status,
    ).toBe(204);
    const signedIn = await ApiClient.signedIn(app.baseUrl, 'chief@example.org', 'riverside morning patrol');
    expect((await signedIn.get('/api/auth/me')).body).toMatchObject({
      roles: ['ADMIN'],
      agency: { slug: 'gatineau' },
    });

    const unknown = await admin(
      ['create-admin', '--agency', 'hull', '--email', 'x@example.org', '--name', 'X'],
      env,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No agency has the slug "hull"/);

    // Vigie stopped: the command starts the embedded database itself, and stops it after.
    await app.stop({ keepData: true });
    stopped = true;
    expect(await portIsFree(app.pgPort)).toBe(true);
    const second = await admin(
      ['create-agency', '--name', 'Hull', '--slug', 'hull', '--time-zone', 'America/Toronto'],
      env,
    );
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(await portIsFree(app.pgPort)).toBe(true);

    const help = await admin(['help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/create-agency[\s\S]*create-admin[\s\S]*create-platform-operator/);
  } finally {
    if (!stopped) await app.stop({ keepData: true });
    await rm(app.dataDir, { recursive: true, force: true });
  }
});
