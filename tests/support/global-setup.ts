import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/app.factory';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { loadEnvironment } from '../../apps/api/src/config/environment';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { DEMO_PASSWORD, POSTGRES_OUTPUT, TEMPLATE_DB } from './constants';
import { freePort } from './free-port';

/**
 * One real Postgres for the whole run, with a template database that is migrated and seeded once
 * through the application's own start-up. Each test file then clones it (see test-app.ts), which
 * takes milliseconds and keeps files independent of each other's leftovers.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigie-test-'));
  // Everything Postgres writes, raw: tests/api/logs-hold-no-tip.test.ts searches it.
  const postgresOutput = createWriteStream(join(dataDir, POSTGRES_OUTPUT));
  const pg = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    database: TEMPLATE_DB,
    disposable: true,
    log: (line) => postgresOutput.write(`${line}\n`),
  });
  (globalThis as { __vigiePg?: unknown }).__vigiePg = { stop: pg.stop, dataDir };

  const env = loadEnvironment({ DATA_DIR: dataDir, DEMO_PASSWORD, LOG_LEVEL: 'silent' });
  const app = await createApp(new AppConfig(env, pg.url, Buffer.alloc(32, 7)));
  await app.close();

  // No connection may remain on a template while it is being cloned.
  const admin = new Client({ connectionString: pg.url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [TEMPLATE_DB],
  );
  await admin.end();

  process.env.VIGIE_TEST_PG_URL = pg.url;
  process.env.VIGIE_TEST_DATA_DIR = dataDir;
}
