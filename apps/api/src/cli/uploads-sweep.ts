import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { MediaModule } from '../media/media.module';
import {
  UPLOAD_SWEEP_MIN_AGE_MS,
  UploadSweepReport,
  UploadSweepService,
} from '../tips/uploads/upload-sweep.service';
import { withStatementTimeout } from '../database/bounded-client';
import { withDatabase } from './cli-database';

/** The sweep wired exactly as in the API (same database, same media store, same folders), and nothing else. */
@Module({})
class UploadSweepCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: UploadSweepCliModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, MediaModule],
      providers: [UploadSweepService],
    };
  }
}

const USAGE = `Usage: npm run uploads:sweep -- [--dry-run]
  --dry-run     count what would be removed, and remove nothing`;

/**
 * `npm run uploads:sweep`: removes now what failed uploads left behind (the API also does it
 * hourly, see UPLOAD_SWEEP_SCHEDULE): expired resumable uploads and stale scratch files of this
 * machine's DATA_DIR, and sealed tip files no row refers to in the media store. Exit 0 when the
 * run completed, 2 when some files could not be removed, 1 on bad usage.
 */
export async function main(args: string[], out: (line: string) => void): Promise<number> {
  if (args.some((a) => a !== '--dry-run')) {
    out(USAGE);
    return 1;
  }
  const dryRun = args.includes('--dry-run');
  return withDatabase(async (client, env) => {
    const url =
      env.DATABASE_URL ??
      `postgres://${encodeURIComponent(client.user ?? '')}:${encodeURIComponent(client.password ?? '')}@${client.host}:${client.port}/${client.database}`;
    const [{ ready }] = (await client.query(`SELECT to_regclass('tip_media') IS NOT NULL AS ready`)).rows;
    if (!ready) {
      out('The database has not been migrated yet: start the API once (npm start), then retry.');
      return 1;
    }
    // Nothing encrypted is read: the encryption key is not read (nor created) here.
    const config = new AppConfig(env, url, Buffer.alloc(32));
    const app = await NestFactory.createApplicationContext(UploadSweepCliModule.forRoot(config), {
      logger: ['error', 'warn'],
    });
    try {
      const report = await withStatementTimeout(env.DB_LONG_STATEMENT_TIMEOUT_MS, () =>
        app.get(UploadSweepService).run({ dryRun }),
      );
      for (const line of describe(report)) out(line);
      return report.failures > 0 ? 2 : 0;
    } finally {
      await app.close();
    }
  });
}

export function describe(r: UploadSweepReport): string[] {
  const verb = r.dryRun ? 'Would remove' : 'Removed';
  const hours = UPLOAD_SWEEP_MIN_AGE_MS / 3_600_000;
  const lines = [
    r.dryRun ? 'Upload sweep, dry run: nothing was changed.' : 'Upload sweep.',
    `  ${verb} ${r.expiredUploads} expired resumable upload(s)`,
    `  ${verb} ${r.scratchFiles} scratch file(s) untouched for ${hours} hour(s)`,
    `  ${verb} ${r.orphanedOriginals} sealed original(s) and ${r.orphanedRenditions} rendition(s) that no tip refers to`,
    `  Files younger than ${hours} hour(s), and every file a tip refers to, are kept.`,
  ];
  if (r.failures) lines.push(`  ${r.failures} file(s) could not be removed (see the log); run again later.`);
  return lines;
}

if (require.main === module) {
  main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`))
    .then((code) => process.exit(code))
    .catch((err) => {
      process.stderr.write(`uploads:sweep failed: ${err?.message ?? err}\n`);
      process.exit(1);
    });
}
