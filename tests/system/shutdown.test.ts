import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { jpegWithGps } from '../support/media-fixtures';
import { startBuiltApp } from '../support/built-app';
import { tipForm } from '../support/tip-client';

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
