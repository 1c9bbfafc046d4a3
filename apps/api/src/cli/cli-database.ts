import { Client } from 'pg';
import { Environment, loadEnvironment } from '../config/environment';
import { EmbeddedClusterInUse } from '../database/embedded-cluster-guard';
import { RunningPostgres, startEmbeddedPostgres } from '../database/embedded-postgres';

/**
 * Gives a command-line tool a connected client: DATABASE_URL when set; otherwise the embedded
 * cluster, reusing it if `npm start` is running it, or starting and stopping it around the work.
 */
export async function withDatabase<T>(
  work: (client: Client, env: Environment) => Promise<T>,
  variables: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  const env = loadEnvironment(variables);
  let embedded: RunningPostgres | undefined;
  let url = env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: env.DATA_DIR,
      port: env.EMBEDDED_PG_PORT,
      database: 'vigie',
    }).catch((err: unknown) => {
      // Already running under `npm start` (or another tool): connect to it below. Anything else
      // (the port taken by a stranger, DATA_DIR not writable) is said as the server would say it.
      if (err instanceof EmbeddedClusterInUse) return undefined;
      throw err;
    });
    url = embedded?.url ?? (await runningEmbeddedUrl(env));
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client, env);
  } finally {
    await client.end();
    await embedded?.stop();
  }
}

export async function runningEmbeddedUrl(env: Environment): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const password = (await readFile(join(env.DATA_DIR, 'postgres.secret'), 'utf8')).trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/vigie`;
}
