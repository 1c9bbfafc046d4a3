import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/app.factory';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { loadEnvironment } from '../../apps/api/src/config/environment';
import { DEMO_PASSWORD, TEMPLATE_DB } from './constants';

export interface TestApp {
  /** http://127.0.0.1:<port> of the running app. */
  baseUrl: string;
  app: NestExpressApplication;
  /** A direct connection to this file's database, for assertions on what is stored. */
  db: Client;
  databaseUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Starts the real application on its own copy of the migrated, seeded template database and a
 * real port. Call once per test file (beforeAll) and close it in afterAll.
 */
export async function startTestApp(
  envOverrides: Record<string, string> = {},
  options: {
    /** The URL the app connects through (a relay in front of the database: database-proxy.ts). */
    connectVia?: (databaseUrl: string) => Promise<string>;
    /** A port chosen ahead (freePort()), when PUBLIC_URL must name the app's own address. */
    port?: number;
  } = {},
): Promise<TestApp> {
  const pgUrl = process.env.VIGIE_TEST_PG_URL;
  if (!pgUrl) throw new Error('VIGIE_TEST_PG_URL is unset: run through jest --selectProjects api');
  const name = `vigie_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: pgUrl.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();

  const databaseUrl = pgUrl.replace(/\/[^/]*$/, `/${name}`);
  const dataDir = join(process.env.VIGIE_TEST_DATA_DIR!, name);
  await mkdir(dataDir, { recursive: true });
  const env = loadEnvironment({ DATA_DIR: dataDir, DEMO_PASSWORD, LOG_LEVEL: 'silent', ...envOverrides });
  const appUrl = options.connectVia ? await options.connectVia(databaseUrl) : databaseUrl;
  const app = await createApp(new AppConfig(env, appUrl, Buffer.alloc(32, 7)));
  await app.listen(options.port ?? 0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    db,
    databaseUrl,
    dataDir,
    close: async () => {
      await db.end();
      await app.close();
    },
  };
}
