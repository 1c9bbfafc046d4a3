import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createApp } from './app.factory';
import { keepRunningOnUnhandledRejections } from './common/last-resort';
import { AppConfig } from './config/app-config';
import { ensureWritableDataDir } from './config/data-dir';
import { loadEncryptionKey } from './config/encryption-key';
import { ConfigError, loadEnvironment } from './config/environment';
import { StartupError } from './config/startup-error';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { forwardablePostgresLine } from './database/postgres-log';

interface Database {
  url: string;
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  keepRunningOnUnhandledRejections();
  const env = loadEnvironment(process.env);

  // SIGTERM (orchestrators) and SIGINT (Ctrl-C), from the very start, even while the embedded
  // database starts or the app migrates and seeds: let what is starting finish, stop taking
  // connections, let requests in flight finish, close the pools, then stop the embedded database
  // cleanly so it never needs recovery (its own exit hook is off: see callerHandlesSignals). Past
  // 20 s, the database is stopped anyway.
  let starting: Promise<Database | undefined> = Promise.resolve(undefined);
  let booting: Promise<INestApplication | undefined> = Promise.resolve(undefined);
  let stopping = false;
  const stopDatabase = async () => (await starting.catch(() => undefined))?.stop();
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n  ${signal}: shutting down...\n`);
    const timer = setTimeout(() => void stopDatabase().finally(() => process.exit(1)), 20_000).unref();
    const app = await booting.catch(() => undefined);
    await app?.close().catch(() => undefined);
    // pg's pools resolve end() once their clients are told to close, not once the sockets are shut:
    // a moment more, or the database's own shutdown cuts a connection that was already going.
    if (app) await new Promise((r) => setTimeout(r, 250));
    await stopDatabase();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  // With an external database, DATA_DIR still holds what is not set elsewhere (the encryption key,
  // disk media, audit anchors); the embedded start checks it itself.
  starting = env.DATABASE_URL
    ? ensureWritableDataDir(env.DATA_DIR).then(() => ({
        url: env.DATABASE_URL!,
        stop: async () => undefined,
      }))
    : startEmbeddedPostgres({
        dataDir: env.DATA_DIR,
        port: env.EMBEDDED_PG_PORT,
        database: 'vigie',
        callerHandlesSignals: true,
        supervise: true,
        log: (line) => {
          const forwarded = forwardablePostgresLine(line);
          if (forwarded) process.stderr.write(`[postgres] ${forwarded}\n`);
        },
        notice: (line) => process.stdout.write(`  ${line}\n`),
      });
  try {
    const db = await starting;
    if (stopping || !db) return;
    const config = new AppConfig(env, db.url, await loadEncryptionKey(env));
    booting = createApp(config);
    const app = await booting;
    if (stopping || !app) return;
    await app.listen(env.PORT, env.HOST).catch((err: NodeJS.ErrnoException) => {
      const why: Record<string, string> = {
        EADDRINUSE: 'is already in use, probably by another Vigie: stop it, or set PORT to a free port',
        EACCES: 'needs privileges this user lacks: set PORT to 1024 or above',
        EADDRNOTAVAIL: 'is on an address this machine does not have: fix HOST',
      };
      if (!err.code || !why[err.code]) throw err;
      throw new StartupError(`Port ${env.PORT} on ${env.HOST} ${why[err.code]} (${err.code}).`);
    });
    process.stdout.write(
      `\n  Vigie is running at ${config.publicUrl}  (staff desk: ${config.publicUrl}/desk)\n\n`,
    );
  } catch (err) {
    if (stopping) return; // a start cut short by the signal: shutdown reports and exits
    // Whatever failed after the embedded database came up must not leave it running.
    stopping = true;
    await (await booting.catch(() => undefined))?.close().catch(() => undefined);
    await stopDatabase().catch(() => undefined);
    throw err;
  }
}

main().catch((err) => {
  process.stderr.write(
    err instanceof ConfigError || err instanceof StartupError
      ? `${err.message}\n`
      : `Vigie failed to start: ${err?.stack ?? err}\n`,
  );
  process.exit(1);
});
