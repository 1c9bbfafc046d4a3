import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { TIP_UPLOAD_LIMITS } from '@vigie/common';
import { availableParallelism } from 'node:os';
import { parseMapTilesUrl } from './map-tiles';

const MB = 1024 * 1024;

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
/** The shape of a schedule; pg-boss checks the fields themselves again when it takes the schedule. */
const CRON_OR_OFF = /^(off|\S+( \S+){4})$/;
const CRON_OR_OFF_MESSAGE = 'must be a five-field cron expression or "off"';

/**
 * Every environment variable Vigie reads, validated once at boot. README.md documents each one;
 * keep the two in step.
 */
export class Environment {
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Where the public reaches this deployment; used in feeds, share cards and QR codes. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  /** Unset: an embedded Postgres runs under DATA_DIR. Set: that server is used instead. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = '.data';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  /**
   * How long to wait for a database connection (a new one, or a free one from the pool) before
   * the request answers 503. A database that is down or frozen must not hold requests.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DB_CONNECT_TIMEOUT_MS = 3_000;

  /**
   * Longest statement of a request or an ordinary job; past it the request answers 503. A frozen
   * server is given up one second after (apps/api/src/database/bounded-client.ts). 0 = none.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  DB_STATEMENT_TIMEOUT_MS = 5_000;

  /**
   * Longest statement of the long-running paths: evidence exports, open-records reports, the
   * retention purge, the upload sweep, audit anchoring. Migrations have no limit. 0 = none.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  DB_LONG_STATEMENT_TIMEOUT_MS = 900_000;

  /** Base64 of 32 random bytes. Unset: one is generated and kept in DATA_DIR/encryption.key. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes, base64' })
  ENCRYPTION_KEY?: string;

  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO = true;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(12)
  DEMO_PASSWORD?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_TTL_HOURS = 12;

  /**
   * The agency's mail relay for invitations and password resets (smtp:// or smtps://, with
   * credentials if needed). Unset: links are written to the log (warn) and shown once to the admin.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of those e-mails, e.g. "Vigie <no-reply@police.example>". */
  @IsString()
  @MinLength(3)
  SMTP_FROM = 'Vigie <no-reply@localhost>';

  /**
   * For tests and labs only: lets an agency's SSO issuer be plain http, or a loopback, link-local
   * or private address, which the server would otherwise refuse to fetch (SSRF).
   */
  @Transform(toBool)
  @IsBoolean()
  SSO_ALLOW_INSECURE_ISSUER = false;

  /**
   * For tests and labs only: lets the agency's ActivityPub actor fetch and deliver to plain http
   * servers and loopback, link-local or private addresses, which it otherwise refuses (SSRF: any
   * sender names the addresses the inbox fetches).
   */
  @Transform(toBool)
  @IsBoolean()
  ACTIVITYPUB_ALLOW_INSECURE = false;

  /** Requests a minute one client may make to the fediverse actor's inbox and WebFinger. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ACTIVITYPUB_RATE_LIMIT = 300;

  /**
   * Lets an agency connect a social account on a plain-http or internal server (a local Bluesky
   * PDS in tests and labs). Off in production: the server signs in to the address an admin types.
   */
  @Transform(toBool)
  @IsBoolean()
  SOCIAL_ALLOW_INSECURE_SERVICE = false;

  /**
   * For tests and labs only: lets the photos and videos of received replies, mentions and messages
   * be fetched from plain http and loopback, link-local or private addresses, which are otherwise
   * refused (SSRF: a message's author chooses the addresses the archive fetches).
   */
  @Transform(toBool)
  @IsBoolean()
  SOCIAL_MEDIA_ALLOW_INSECURE = false;

  /** When the replies, mentions and messages the agency's social accounts received are read (cron, or "off"). */
  @Matches(CRON_OR_OFF, { message: CRON_OR_OFF_MESSAGE })
  SOCIAL_READ_SCHEDULE = '*/2 * * * *';

  /**
   * Text-message tips through an SMS provider in Twilio's format (docs/operations.md, "Text
   * messages"). Off by default; on, it needs the account's SID and auth token, and PUBLIC_URL
   * exactly as the provider calls it (the webhook's signature covers that URL).
   */
  @Transform(toBool)
  @IsBoolean()
  SMS_ENABLED = false;

  @ValidateIf((e: Environment) => e.SMS_ENABLED)
  @IsString()
  @MinLength(8, { message: 'is required when SMS_ENABLED=true' })
  SMS_ACCOUNT_SID?: string;

  /** Signs the provider's webhooks and authenticates our calls to its REST API. */
  @ValidateIf((e: Environment) => e.SMS_ENABLED)
  @IsString()
  @MinLength(16, { message: "is required when SMS_ENABLED=true (the provider's auth token)" })
  SMS_AUTH_TOKEN?: string;

  /** The provider's REST API; media are fetched from this host only. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SMS_API_BASE_URL = 'https://api.twilio.com';

  /** Texts from the same number within this many hours of its last one join the same tip. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SMS_THREAD_HOURS = 72;

  /**
   * A tile server for the desk's case map, as a Leaflet template (`https://tiles.example.org/{z}/{x}/{y}.png`).
   * Unset (the default): no page asks any other server for tiles, and the case map is a plain plan.
   * Set: its origin is added to the Content-Security-Policy's img-src (config/map-tiles.ts).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  MAP_TILES_URL?: string;

  /** What the tile server asks to be credited with (`© OpenStreetMap contributors`), shown as text. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  MAP_TILES_ATTRIBUTION?: string;

  /** Unset: secure cookies whenever PUBLIC_URL is https. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  COOKIE_SECURE?: boolean;

  /** Express "trust proxy": how many proxies sit in front, so the client address is the real one. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS = 0;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Unset: logs go to stdout. Set: appended to this file. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LOG_FILE?: string;

  /** Where media files live: `disk` (DATA_DIR/media) or `s3` (any S3-compatible store). */
  @IsIn(['disk', 's3'])
  MEDIA_STORE = 'disk';

  /** For MinIO, Ceph or a test server; unset for AWS. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  S3_ENDPOINT?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  @ValidateIf((e: Environment) => e.MEDIA_STORE === 's3')
  @IsString()
  @MinLength(3, { message: 'is required when MEDIA_STORE=s3' })
  S3_BUCKET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** Path-style URLs (bucket in the path), which MinIO and most self-hosted stores need. */
  @Transform(toBool)
  @IsBoolean()
  S3_FORCE_PATH_STYLE = false;

  /** `memory` (one process) or `postgres` (counters shared by several API processes). */
  @IsIn(['memory', 'postgres'])
  RATE_LIMIT_STORE = 'memory';

  /**
   * How many jobs of each kind (media processing, duplicate scoring) this process runs at once; 0
   * runs none. By default one more than the cores: a job waiting on the disk or the database leaves
   * its core to another (on 2 cores, 3 at once took media from 14.8 to 16.9 photos/s).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(32)
  WORKERS = Math.min(32, availableParallelism() + 1);

  /**
   * The scheduling niceness (0–19) of media processing in this process: the ffmpeg, ffprobe and
   * exiftool it starts, and libvips's worker threads. Higher yields the cores to answering HTTP
   * (intake, public reads) on a shared machine; 0 runs media at the same priority as HTTP.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(19)
  MEDIA_NICENESS = 10;

  /** The proof-of-work on the tip form. `off` is for tests and benchmarks only. */
  @IsIn(['on', 'off'])
  TIP_CHALLENGE = 'on';

  /** Tips one client may send per 10 minutes (keyed by a salted hash, never the address); 0 = no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  TIP_RATE_LIMIT = 20;

  /** Files one tip may carry: sent with it, on the follow-up page and resumably, together. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  TIP_MAX_FILES = TIP_UPLOAD_LIMITS.maxFiles;

  /** Per file, sized for a few minutes of 4K phone video. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  TIP_FILE_MAX_MB = TIP_UPLOAD_LIMITS.fileBytes / MB;

  /** What one tip may carry in all, over every upload route together; at least TIP_FILE_MAX_MB. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  TIP_TOTAL_MAX_MB = TIP_UPLOAD_LIMITS.totalBytes / MB;

  /**
   * Tips one client may send per hour through the form drawn without JavaScript (keyed like
   * TIP_RATE_LIMIT): stricter, since that form has no proof-of-work; 0 = no limit.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  BASIC_TIP_RATE_LIMIT = 6;

  /** Seconds the form drawn without JavaScript must have been open before it is taken (0: load tests). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600)
  BASIC_FORM_MIN_SECONDS = 8;

  /**
   * The deployment's Tor onion address (`http://<56 characters>.onion`): sent as `Onion-Location` on
   * pages, so Tor Browser offers it (docs/security.md). Unset: no header.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[a-z2-7]{56}\.onion$/, {
    message: 'must be http://<56 base32 characters>.onion (or https), without a path',
  })
  ONION_URL?: string;

  /**
   * Messages and file uploads one follow-up session may send per 10 minutes, counted per tip (a new
   * sign-in does not start afresh); 0 = no limit (load tests).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  TIP_FOLLOW_UP_RATE_LIMIT = 30;

  /**
   * Resumable-upload requests (tus: one per 5 MB chunk from the portal) per tip per 10 minutes: a
   * 2 GB video is about 410; 0 = no limit.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  TIP_UPLOAD_RATE_LIMIT = 1200;

  /** Days a dismissed (NOT_ACTIONABLE) tip is kept before it is purged, unless its agency set its own. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(36500)
  RETENTION_NOT_ACTIONABLE_DAYS = 365;

  /** Days a CLOSED tip that is linked to no case is kept before it is purged (five years). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(36500)
  RETENTION_CLOSED_DAYS = 1825;

  /**
   * Days what the agency's social accounts sent and received (reach's archive) is kept before it is
   * purged, unless its agency set its own (five years).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(36500)
  RETENTION_SOCIAL_DAYS = 1825;

  /** When the retention purge runs (cron, UTC); `off` leaves it to `npm run retention`. */
  @Matches(CRON_OR_OFF, { message: CRON_OR_OFF_MESSAGE })
  RETENTION_SCHEDULE = '17 3 * * *';

  /**
   * When the sweep of what failed uploads leave behind runs (cron, UTC): expired resumable
   * uploads, stale scratch files, sealed tip files no row refers to. `off` leaves it to
   * `npm run uploads:sweep`.
   */
  @Matches(CRON_OR_OFF, { message: CRON_OR_OFF_MESSAGE })
  UPLOAD_SWEEP_SCHEDULE = '23 * * * *';

  /**
   * When the head of each audit chain is anchored outside the database (cron, UTC): see
   * audit/audit-anchors.ts. `off` stops anchoring, which leaves truncation undetectable.
   */
  @Matches(CRON_OR_OFF, { message: CRON_OR_OFF_MESSAGE })
  AUDIT_ANCHOR_SCHEDULE = '*/10 * * * *';

  /** Where audit anchors are appended (default DATA_DIR/audit-anchors.jsonl): best on another volume. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  AUDIT_ANCHOR_FILE?: string;

  /**
   * The VAPID key pair that signs Web Push alerts (base64url, as `npx web-push generate-vapid-keys`
   * prints them). Unset: generated at first start and kept in DATA_DIR/vapid.json (docs/operations.md).
   * Changing it ends every browser's push subscription.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{87}$/, { message: 'must be the 65-byte public key in base64url' })
  VAPID_PUBLIC_KEY?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'must be the 32-byte private key in base64url' })
  VAPID_PRIVATE_KEY?: string;

  /** Who push services may contact about our alerts (mailto: or https:); default PUBLIC_URL. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(mailto:\S+@\S+|https:\/\/\S+)$/, { message: 'must be a mailto: or https: URL' })
  VAPID_SUBJECT?: string;

  /**
   * The push services a browser's subscription may point at (host names; a subdomain of one
   * counts), comma-separated. Vigie POSTs to a subscriber's endpoint, so any other host is
   * refused: an endpoint must not make the server call into the agency's own network.
   */
  @IsString()
  @MinLength(1)
  ALERT_PUSH_HOSTS =
    'fcm.googleapis.com,updates.push.services.mozilla.com,push.services.mozilla.com,web.push.apple.com,notify.windows.com';

  /**
   * For tests and benchmarks only: lets a push endpoint be plain http on 127.0.0.1 (a local push
   * service), which is otherwise refused (push endpoints are https).
   */
  @Transform(toBool)
  @IsBoolean()
  ALERT_PUSH_ALLOW_LOOPBACK_HTTP = false;

  /** How long a push service may take to answer before the alert is tried again later. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  ALERT_PUSH_TIMEOUT_MS = 10_000;

  /** Subscriptions (push or e-mail) one client may ask for per hour (salted key, never the address); 0 = no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  ALERT_SUBSCRIBE_RATE_LIMIT = 10;

  /** Days the record of who was sent which alert is kept (it only stops a second sending). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  ALERT_DELIVERY_RETENTION_DAYS = 30;
}

export class ConfigError extends Error {}

/** Parses and validates the environment, or throws a ConfigError naming every bad variable. */
export function loadEnvironment(env: NodeJS.ProcessEnv): Environment {
  const parsed = plainToInstance(Environment, { ...env }, { exposeDefaultValues: true });
  const errors = validateSync(parsed).map(
    (e) => [e.property, Object.values(e.constraints ?? {}).join('; ')] as const,
  );
  if (errors.length === 0 && parsed.TIP_TOTAL_MAX_MB < parsed.TIP_FILE_MAX_MB)
    errors.push(['TIP_TOTAL_MAX_MB', 'must be at least TIP_FILE_MAX_MB']);
  const tiles = parsed.MAP_TILES_URL === undefined ? undefined : parseMapTilesUrl(parsed.MAP_TILES_URL);
  if (typeof tiles === 'string') errors.push(['MAP_TILES_URL', tiles]);
  // The provider signs the URL it calls; behind a proxy only PUBLIC_URL says what that is.
  if (errors.length === 0 && !parsed.VAPID_PUBLIC_KEY !== !parsed.VAPID_PRIVATE_KEY)
    errors.push(['VAPID_PRIVATE_KEY', 'VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are set together, or neither']);
  if (errors.length === 0 && parsed.SMS_ENABLED && !parsed.PUBLIC_URL)
    errors.push(['PUBLIC_URL', 'is required when SMS_ENABLED=true (the webhook signature covers it)']);
  if (errors.length > 0) {
    const lines = errors.map(([property, why]) => `  ${property}=${JSON.stringify(env[property])}: ${why}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee README.md, "Configuration".`);
  }
  return parsed;
}
