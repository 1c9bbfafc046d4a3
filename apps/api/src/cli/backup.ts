// First: the configuration loads the shared contract, whose DTOs are decorated.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeBackup } from '../backup/backup';
import { loadEnvironment } from '../config/environment';
import { withDatabase } from './cli-database';

const USAGE = 'Usage: npm run backup -- <archive.zip>';

/**
 * `npm run backup -- <file>`: one archive of the embedded deployment (database, media, encryption
 * key, audit anchors), whether the API is running or not. Exit 0 when written, 2 when it could not
 * be made consistent (run it again), 1 when it cannot run (usage, not an embedded deployment).
 */
export async function main(args: string[], out: (line: string) => void): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) {
    out(USAGE);
    return 1;
  }
  const file = resolve(args[0]);
  const env = loadEnvironment(process.env);
  if (env.DATABASE_URL || env.MEDIA_STORE !== 'disk') {
    out(
      'npm run backup copies the embedded deployment (its own Postgres and media under DATA_DIR). With DATABASE_URL or MEDIA_STORE=s3, back up the database and the bucket as docs/operations.md explains.',
    );
    return 1;
  }
  if (existsSync(file)) {
    out(`${file} already exists: give the backup a new name (an old backup is never overwritten).`);
    return 1;
  }
  const { manifest, missing } = await withDatabase((client) => writeBackup(file, env, client));
  if (missing > 0) {
    out(
      `Backup NOT written: ${missing} media file(s) went away while it ran (a retention purge or the upload sweep). Run it again.`,
    );
    return 2;
  }
  const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
  out(`Backup written to ${file}:`);
  out(
    `  database: Postgres ${manifest.postgres.serverVersion}, ${manifest.postgres.files} files, ${mb(manifest.postgres.bytes)} MB (as of ${manifest.postgres.stopLsn})`,
  );
  out(`  media: ${manifest.media.files} files, ${mb(manifest.media.bytes)} MB`);
  out(`  audit anchors: ${manifest.anchors}`);
  out(
    manifest.encryptionKey.included
      ? "  encryption key: included. Keep this archive as safe as the data itself: it opens tipsters' contact details."
      : '  encryption key: NOT included (set by ENCRYPTION_KEY): keep that key apart; a restore needs it.',
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`))
    .then((code) => process.exit(code))
    .catch((err) => {
      process.stderr.write(`backup failed: ${err?.message ?? err}\n`);
      process.exit(1);
    });
}
