import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { keepRunningOnUnhandledRejections } from './common/last-resort';
import { AppConfig } from './config/app-config';
import { loadEncryptionKey } from './config/encryption-key';
import { ConfigError, loadEnvironment } from './config/environment';
import { runningEmbeddedUrl } from './cli/cli-database';

/**
 * `npm run worker`: a process that only runs jobs (media processing, duplicate scoring,
 * retention), WORKERS at a time, and serves no HTTP. Add more of them to drain a surge faster;
 * pg-boss hands each job to exactly one of them. Without DATABASE_URL it joins the embedded
 * database of an `npm start` running from the same folder.
 */
async function main(): Promise<void> {
  keepRunningOnUnhandledRejections();
  const env = loadEnvironment(process.env);
  const databaseUrl = env.DATABASE_URL ?? (await runningEmbeddedUrl(env));
  const config = new AppConfig({ ...env, SEED_DEMO: false }, databaseUrl, await loadEncryptionKey(env));
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  process.stdout.write(`  Vigie worker running ${env.WORKERS} job(s) at a time\n`);
}

main().catch((err) => {
  process.stderr.write(
    err instanceof ConfigError ? `${err.message}\n` : `Vigie worker failed to start: ${err?.stack ?? err}\n`,
  );
  process.exit(1);
});
