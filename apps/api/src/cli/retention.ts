import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { ForwardRetention } from '../forwarding/forward-retention';
import { Clock } from '../common/clock';
import { SocialRetention } from '../reach/social';
import { MediaModule } from '../media/media.module';
import { RetentionDefaults } from '../records/retention/retention-defaults';
import { RetentionReport, RetentionService } from '../records/retention/retention.service';
import { withStatementTimeout } from '../database/bounded-client';
import { withDatabase } from './cli-database';

/**
 * Only what a purge needs, wired exactly as in the API (same database settings, same media store,
 * disk or S3), and nothing that serves requests or runs jobs.
 */
@Module({})
class RetentionCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: RetentionCliModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, AuditModule, MediaModule],
      providers: [
        RetentionService,
        ForwardRetention,
        SocialRetention,
        Clock,
        { provide: RetentionDefaults, useValue: RetentionDefaults.from(config.env) },
      ],
    };
  }
}

const USAGE = `Usage: npm run retention -- [--dry-run] [--tip <tip id> ...]
  --dry-run     report what is due, and what a legal hold keeps, without changing anything
  --tip <id>    consider only this tip (repeatable); a tip that is kept says why`;

/**
 * `npm run retention`: purges every tip that is due under its agency's policy, now (the API also
 * runs this daily). `-- --dry-run` lists what would go and changes nothing. Exit 0 when the run
 * completed, 2 when files could not be removed after their tips were purged, 1 on bad usage.
 */
export async function main(args: string[], out: (line: string) => void): Promise<number> {
  const parsed = parse(args);
  if (!parsed) {
    out(USAGE);
    return 1;
  }
  return withDatabase(async (client, env) => {
    const url =
      env.DATABASE_URL ??
      `postgres://${encodeURIComponent(client.user ?? '')}:${encodeURIComponent(client.password ?? '')}@${client.host}:${client.port}/${client.database}`;
    const [{ ready }] = (await client.query(`SELECT to_regclass('retention_policy') IS NOT NULL AS ready`))
      .rows;
    if (!ready) {
      out(
        'The database has not been migrated for retention yet: start the API once (npm start), then retry.',
      );
      return 1;
    }
    // No secret is decrypted by a purge: the encryption key is not read (nor created) here.
    const config = new AppConfig(env, url, Buffer.alloc(32));
    const app = await NestFactory.createApplicationContext(RetentionCliModule.forRoot(config), {
      logger: ['error', 'warn'],
    });
    try {
      const report = await withStatementTimeout(env.DB_LONG_STATEMENT_TIMEOUT_MS, () =>
        app.get(RetentionService).run({ dryRun: parsed.dryRun, tipIds: parsed.tipIds, trigger: 'cli' }),
      );
      for (const line of describe(report, RetentionDefaults.from(env))) out(line);
      return report.fileErrors.length > 0 ? 2 : 0;
    } finally {
      await app.close();
    }
  });
}

function parse(args: string[]): { dryRun: boolean; tipIds?: string[] } | null {
  let dryRun = false;
  const tipIds: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--dry-run') dryRun = true;
    else if (args[i] === '--tip' && /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(args[i + 1] ?? ''))
      tipIds.push(args[++i]);
    else return null;
  }
  return { dryRun, tipIds: tipIds.length ? tipIds : undefined };
}

export function describe(r: RetentionReport, defaults: RetentionDefaults): string[] {
  const lines = [
    r.dryRun ? `Retention, dry run at ${r.at}: nothing was changed.` : `Retention run at ${r.at}.`,
    `  Defaults: NOT_ACTIONABLE tips ${defaults.notActionableDays} days, CLOSED tips ${defaults.closedDays} days, ` +
      `social messages ${defaults.socialDays} days ` +
      '(an agency may set its own); tips linked to a case, under legal hold or with a reward granted are never purged.',
    `  ${r.dryRun ? 'Would purge' : 'Due'}: ${r.due.length} tip(s)`,
    ...r.due.map(
      (d) => `    ${d.tipId}  ${d.status} since ${d.since.slice(0, 10)} (${d.days} days, ${d.policy} policy)`,
    ),
    `  Kept: ${r.skipped.length} tip(s)`,
    ...r.skipped.map((s) => `    ${s.tipId}  ${s.reason}`),
  ];
  if (!r.dryRun)
    lines.push(`  Purged: ${r.purged.length} tip(s), ${r.filesRemoved} file(s) removed from storage.`);
  lines.push(
    r.dryRun
      ? `  Records of tips forwarded to another agency due: ${r.forwardRecords.due}`
      : `  Records of tips forwarded to another agency purged: ${r.forwardRecords.purged} of ${r.forwardRecords.due} due.`,
  );
  const social = r.socialArchive;
  lines.push(
    r.dryRun
      ? `  Social messages due: ${social.due.messages} (and ${social.due.inbox} kept by the fediverse inbox)`
      : `  Social messages purged: ${social.purged.messages} of ${social.due.messages} due ` +
          `(and ${social.purged.inbox} of ${social.due.inbox} kept by the fediverse inbox).`,
  );
  if (r.fileErrors.length)
    lines.push(
      `  ${r.fileErrors.length} file(s) could not be removed; remove them by hand:`,
      ...r.fileErrors.map((f) => `    ${f.key}: ${f.error}`),
    );
  return lines;
}

if (require.main === module) {
  main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`))
    .then((code) => process.exit(code))
    .catch((err) => {
      process.stderr.write(`retention failed: ${err?.message ?? err}\n`);
      process.exit(1);
    });
}
