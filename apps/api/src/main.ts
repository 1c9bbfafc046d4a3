import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createApp } from './app.factory';
import { AppConfig } from './config/app-config';
import { loadEncryptionKey } from './config/encryption-key';
import { ConfigError, loadEnvironment } from './config/environment';
import { startEmbeddedPostgres } from './database/embedded-postgres';

async function main(): Promise<void> {
  const env = loadEnvironment(process.env);
  const db = env.DATABASE_URL
    ? { url: env.DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedPostgres({
        dataDir: env.DATA_DIR,
        port: env.EMBEDDED_PG_PORT,
        database: 'vigie',
        callerHandlesSignals: true,
        log: (line) => /FATAL|PANIC|ERROR/.test(line) && process.stderr.write(`[postgres] ${line}\n`),
      });
  // SIGTERM (orchestrators) and SIGINT (Ctrl-C), from here on, even during migrations or the demo
  // seed: stop taking connections, let requests in flight finish, close the pools, then stop the
  // embedded database cleanly so it never needs recovery (its own exit hook is off: see
  // callerHandlesSignals).
  const running: { app?: INestApplication } = {};
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n  ${signal}: shutting down...\n`);
    const timer = setTimeout(() => process.exit(1), 20_000).unref();
    await running.app?.close().catch(() => undefined);
    await db.stop();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const config = new AppConfig(env, db.url, await loadEncryptionKey(env));
  const app = (running.app = await createApp(config));
  if (stopping) return;
  await app.listen(env.PORT, env.HOST);
  process.stdout.write(
    `\n  Vigie is running at ${config.publicUrl}  (staff desk: ${config.publicUrl}/desk)\n\n`,
  );
}

main().catch((err) => {
  process.stderr.write(
    err instanceof ConfigError ? `${err.message}\n` : `Vigie failed to start: ${err?.stack ?? err}\n`,
  );
  process.exit(1);
});
