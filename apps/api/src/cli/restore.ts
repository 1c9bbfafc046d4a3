// First: the configuration loads the shared contract, whose DTOs are decorated.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { restoreBackup, RestoreRefused } from '../backup/restore';
import { ConfigError, loadEnvironment } from '../config/environment';
import { StartupError } from '../config/startup-error';

const USAGE = 'Usage: npm run restore -- <archive.zip>   (into DATA_DIR, which must be empty or new)';

/**
 * `npm run restore -- <file>`: an archive of `npm run backup` into an empty DATA_DIR, checked at
 * the end (sealed originals, audit log). Exit 0 when restored and verified, 2 when restored but a
 * check failed, 1 when nothing was restored (usage, non-empty DATA_DIR, not a backup).
 */
export async function main(args: string[], out: (line: string) => void): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) {
    out(USAGE);
    return 1;
  }
  const file = resolve(args[0]);
  if (!existsSync(file)) {
    out(`Cannot read ${file}: no such file.`);
    return 1;
  }
  const env = loadEnvironment(process.env);
  if (env.DATABASE_URL || env.MEDIA_STORE !== 'disk') {
    out(
      'npm run restore rebuilds an embedded deployment (its own Postgres and media under DATA_DIR): unset DATABASE_URL and MEDIA_STORE. For an external database and S3, see docs/operations.md.',
    );
    return 1;
  }
  try {
    const check = await restoreBackup(file, env, out);
    if (check.badOriginals.length > 0 || check.auditProblems.length > 0) {
      out(
        'Restored, but the checks above FAILED: do not put this deployment in service before finding out why.',
      );
      return 2;
    }
    out(`Restored and verified. Start it with DATA_DIR=${resolve(env.DATA_DIR)} npm start.`);
    return 0;
  } catch (err) {
    if (err instanceof RestoreRefused || err instanceof StartupError || err instanceof ConfigError) {
      out(err.message);
      return 1;
    }
    throw err;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`))
    .then((code) => process.exit(code))
    .catch((err) => {
      process.stderr.write(`restore failed: ${err?.message ?? err}. Empty DATA_DIR before trying again.\n`);
      process.exit(1);
    });
}
