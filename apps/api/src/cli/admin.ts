import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import {
  CreateAgencyDto,
  CreatePlatformAdminDto,
  StaffRole,
  type StaffInvitationResult,
} from '@vigie/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditModule } from '../audit/audit.module';
import { CommonModule } from '../common/common.module';
import { DomainException } from '../common/domain.exception';
import { fieldErrors } from '../common/validation';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { loadEncryptionKey } from '../config/encryption-key';
import { DatabaseModule } from '../database/database.module';
import { readGazetteer } from '../gazetteer/gazetteer-file';
import { GazetteerModule } from '../gazetteer/gazetteer.module';
import { Gazetteers } from '../gazetteer/gazetteer.service';
import { migrate } from '../database/migrate';
import { Agencies } from '../identity/agencies.service';
import { IdentityModule } from '../identity/identity.module';
import { StaffAccounts } from '../identity/staff-accounts.service';
import { MailModule } from '../mail/mail.module';
import { withDatabase } from './cli-database';

/** Identity wired as in the API (same database, key and audit chain), without HTTP or jobs. */
@Module({})
class AdminCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AdminCliModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        CommonModule,
        AuditModule,
        MailModule,
        // Identity's public routes name their rate limits; nothing is served here, so none is set.
        ThrottlerModule.forRoot({ throttlers: [] }),
        IdentityModule,
        GazetteerModule,
      ],
    };
  }
}

export const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-agency --name <name> --slug <slug> --time-zone <IANA zone>
      Creates a police service. The slug is its short name in addresses: 2 to 60 lower-case
      letters, digits or dashes (e.g. gatineau). The time zone is an IANA name (e.g. America/Toronto).
  create-admin --agency <slug> --email <e-mail> --name <name>
      Invites an administrator into that agency and prints their one-time activation link
      (PUBLIC_URL/desk/activate/…, valid 24 hours, single use), where they choose a password.
  create-platform-operator --email <e-mail> --name <name>
      For a deployment hosting several agencies: invites a platform operator, who creates agencies
      and their administrators from the desk and sees no agency's tips. Prints their link.
  reset-password --email <e-mail>
      A new one-time link for anyone (an admin locked out, an operator): their password stops
      working now and their sessions end; an account never activated gets a fresh invitation.
  disable --email <e-mail>
      Disables an account (a platform operator who left, say): every session ends at once. An
      agency's last active administrator cannot be disabled.
  enable --email <e-mail>
      Enables it again.
  load-gazetteer --agency <slug> --file <path.geojson>
      Replaces the agency's gazetteer (the named places and street intersections of its area,
      which the duplicate signals use to place a typed place) with a GeoJSON FeatureCollection of
      Points, as exported by its GIS team (apps/api/src/gazetteer/README.md). A file with any bad
      feature is refused whole, saying which, and nothing changes.
  help
      Shows this.

The command works on the embedded database (DATA_DIR), whether or not Vigie is running, or on
DATABASE_URL when it is set. Set PUBLIC_URL so that links point at the address staff use.`;

type Out = (line: string) => void;

/** Runs one command; returns the exit code (0 done, 1 refused or bad usage). */
export async function main(
  args: string[],
  out: Out,
  err: Out,
  variables: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [command, ...rest] = args;
  if (!command || ['help', '--help', '-h'].includes(command)) {
    out(USAGE);
    return command ? 0 : 1;
  }
  const options = parseOptions(rest);
  if (typeof options === 'string') return usageError(err, options);

  const run = COMMANDS[command];
  if (!run) return usageError(err, `Unknown command "${command}".`);
  const input = run.read(options);
  if (typeof input === 'string') return usageError(err, input);

  return withDatabase(async (client, env) => {
    const url =
      env.DATABASE_URL ??
      `postgres://${encodeURIComponent(client.user ?? '')}:${encodeURIComponent(client.password ?? '')}@${client.host}:${client.port}/${client.database}`;
    const config = new AppConfig(env, url, await loadEncryptionKey(env));
    const app = await NestFactory.createApplicationContext(AdminCliModule.forRoot(config), {
      logger: ['error'],
      abortOnError: false,
    });
    try {
      // Before the first `npm start`, the tables may not exist yet: the same migrations, same lock.
      await migrate(app.get(DataSource));
      for (const line of await run.apply(
        app.get(Agencies),
        app.get(StaffAccounts),
        input,
        app.get(Gazetteers),
      ))
        out(line);
      return 0;
    } catch (e) {
      if (!(e instanceof DomainException)) throw e;
      const details = Object.entries(e.errors ?? {}).map(([field, message]) => `  ${field}: ${message}`);
      err([`Not done: ${e.message}.`, ...details].join('\n'));
      return 1;
    } finally {
      await app.close();
    }
  }, variables);
}

interface Command<T> {
  read(options: Record<string, string>): T | string;
  apply(agencies: Agencies, accounts: StaffAccounts, input: T, gazetteers: Gazetteers): Promise<string[]>;
}

/** The agency of that slug, or a refusal naming those that exist. */
async function agencyBySlug(agencies: Agencies, slug: string) {
  const agency = await agencies.bySlug(slug);
  if (agency) return agency;
  const known = (await agencies.list()).map((a) => a.slug);
  throw new DomainException(
    404,
    'AGENCY_NOT_FOUND',
    `No agency has the slug "${slug}" (${known.length ? `known: ${known.join(', ')}` : 'none exists yet: create-agency first'})`,
  );
}

const createAgency: Command<CreateAgencyDto> = {
  read: (o) =>
    validated(CreateAgencyDto, { name: o.name, slug: o.slug, timeZone: o['time-zone'] }, o, [
      'name',
      'slug',
      'time-zone',
    ]),
  async apply(agencies, _accounts, dto) {
    const agency = await agencies.create(dto, null);
    return [
      `Agency created: ${agency.name} (slug ${agency.slug}, time zone ${agency.timeZone}, id ${agency.id}).`,
      `Next: npm run admin -- create-admin --agency ${agency.slug} --email <e-mail> --name "<name>"`,
    ];
  },
};

const createAdmin: Command<CreatePlatformAdminDto & { agency: string }> = {
  read(o) {
    const dto = validated(CreatePlatformAdminDto, { email: o.email, name: o.name }, o, [
      'agency',
      'email',
      'name',
    ]);
    return typeof dto === 'string' ? dto : Object.assign(dto, { agency: o.agency });
  },
  async apply(agencies, accounts, input) {
    const agency = await agencyBySlug(agencies, input.agency);
    const result = await accounts.invite(
      agency.id,
      { email: input.email, name: input.name, roles: [StaffRole.ADMIN] },
      { userId: null },
      'show',
    );
    return linkLines(`Administrator invited into ${agency.name}`, result);
  },
};

const createOperator: Command<CreatePlatformAdminDto> = {
  read: (o) => validated(CreatePlatformAdminDto, { email: o.email, name: o.name }, o, ['email', 'name']),
  async apply(_agencies, accounts, dto) {
    const result = await accounts.invite(
      null,
      { email: dto.email, name: dto.name, roles: [StaffRole.PLATFORM_OPERATOR] },
      { userId: null },
      'show',
    );
    return linkLines('Platform operator invited', result);
  },
};

type Account = Awaited<ReturnType<StaffAccounts['accountByEmail']>>;

/** Finds the account in its own agency (or among the operators) and acts there, as its admin would. */
const onAccount = (
  act: (accounts: StaffAccounts, account: Account) => Promise<string[]>,
): Command<{ email: string }> => ({
  read(o) {
    const dto = validated(CreatePlatformAdminDto, { email: o.email, name: 'unused' }, o, ['email']);
    return typeof dto === 'string' ? dto : { email: dto.email };
  },
  async apply(_agencies, accounts, { email }) {
    return act(accounts, await accounts.accountByEmail(email));
  },
});

const resetPassword = onAccount(async (accounts, account) => {
  const result = await accounts.resetPassword(account.agencyId, account.id, { userId: null }, 'show');
  return linkLines('New one-time link for', { ...result, member: account });
});

const disable = onAccount(async (accounts, account) => {
  const member = await accounts.disable(account.agencyId, account.id, { userId: null });
  return [`Disabled: ${member.displayName} <${member.email}>; every session they had is ended.`];
});

const enable = onAccount(async (accounts, account) => {
  const member = await accounts.enable(account.agencyId, account.id, { userId: null });
  return [`Enabled: ${member.displayName} <${member.email}> (status ${member.status}).`];
});

/** The file is read and checked whole before the database is opened: a bad one changes nothing. */
const loadGazetteer: Command<{ agency: string; file: Buffer; name: string }> = {
  read(o) {
    const unknown = Object.keys(o).filter((k) => !['agency', 'file'].includes(k));
    if (unknown.length) return `Unknown option --${unknown[0]} (this command takes --agency, --file).`;
    if (!o.agency || !o.file) return `Missing --${!o.agency ? 'agency' : 'file'}.`;
    let file: Buffer;
    try {
      file = readFileSync(o.file);
    } catch (e) {
      return `Cannot read ${o.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`;
    }
    const reading = readGazetteer(file);
    if ('problems' in reading)
      return `Not done: ${o.file} is not a gazetteer Vigie can load; nothing was changed.\n${reading.problems.map((p) => `  ${p}`).join('\n')}`;
    return { agency: o.agency, file, name: basename(o.file) };
  },
  async apply(agencies, _accounts, input, gazetteers) {
    const agency = await agencyBySlug(agencies, input.agency);
    const summary = await gazetteers.load(agency.id, input.file, null, input.name);
    return [
      `Gazetteer loaded into ${agency.name}: ${summary.places} places and ${summary.intersections} intersections` +
        (summary.municipalities.length ? ` in ${summary.municipalities.join(', ')}.` : '.'),
      'Tips are placed with it from now on, each the next time it is scored.',
    ];
  },
};

const COMMANDS: Record<string, Command<never>> = {
  'load-gazetteer': loadGazetteer as Command<never>,
  'reset-password': resetPassword as Command<never>,
  disable: disable as Command<never>,
  enable: enable as Command<never>,
  'create-agency': createAgency as Command<never>,
  'create-admin': createAdmin as Command<never>,
  'create-platform-operator': createOperator as Command<never>,
};

function linkLines(what: string, result: StaffInvitationResult): string[] {
  return [
    `${what}: ${result.member.displayName} <${result.member.email}>.`,
    `One-time activation link (single use, valid until ${result.expiresAt.replace('T', ' ').slice(0, 16)} UTC):`,
    '',
    `    ${result.activationUrl}`,
    '',
    'Give it to that person only: it lets them choose a password (and enrol two-factor authentication).',
  ];
}

function parseOptions(args: string[]): Record<string, string> | string {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i];
    const value = args[i + 1];
    if (!flag.startsWith('--') || value === undefined || value.startsWith('--'))
      return `Expected --option value pairs, got "${args.slice(i).join(' ')}".`;
    options[flag.slice(2)] = value;
  }
  return options;
}

/** The API's own DTO checks, so the command line refuses exactly what the desk would. */
function validated<T extends object>(
  type: new () => T,
  value: Record<string, unknown>,
  options: Record<string, string>,
  allowed: string[],
): T | string {
  const unknown = Object.keys(options).filter((k) => !allowed.includes(k));
  if (unknown.length)
    return `Unknown option --${unknown[0]} (this command takes ${allowed.map((a) => `--${a}`).join(', ')}).`;
  const missing = allowed.filter((k) => options[k] === undefined);
  if (missing.length) return `Missing --${missing.join(', --')}.`;
  const dto = plainToInstance(type, value);
  const errors = fieldErrors(validateSync(dto));
  const flags: Record<string, string> = { timeZone: 'time-zone' };
  const lines = Object.entries(errors).map(([field, message]) => `  --${flags[field] ?? field}: ${message}`);
  return lines.length ? `Not done:\n${lines.join('\n')}` : dto;
}

function usageError(err: Out, message: string): number {
  err(`${message}\nRun "npm run admin -- help" for the commands.`);
  return 1;
}

if (require.main === module) {
  main(
    process.argv.slice(2),
    (line) => process.stdout.write(`${line}\n`),
    (line) => process.stderr.write(`${line}\n`),
  )
    .then((code) => process.exit(code))
    .catch((e) => {
      process.stderr.write(`admin failed: ${e?.message ?? e}\n`);
      process.exit(1);
    });
}
