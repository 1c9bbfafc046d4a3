import { Transform } from 'class-transformer';
import {
  IsEnum,
  IsIn,
  isISO8601,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { AppealOutcome } from '../enums/appeal.enum';
import { SOCIAL_NETWORKS, type SocialNetwork } from '../interfaces/social.interface';

/**
 * An archive page's cursor (`SocialArchivePage.next`): `<time>_<id>`, the time in UTC to the
 * microsecond as Postgres keeps it, so that messages of the same moment are neither skipped nor
 * repeated across a page boundary.
 */
const ARCHIVE_CURSOR =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The time and id of an archive cursor, or null when it is not one (a real date, strictly). */
export function parseArchiveCursor(cursor: string): { at: string; id: string } | null {
  const match = ARCHIVE_CURSOR.exec(cursor);
  if (!match || !isISO8601(match[1], { strict: true, strictSeparator: true })) return null;
  return { at: match[1], id: match[2] };
}

function IsArchiveCursor(options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isArchiveCursor',
      validator: { validate: (value) => typeof value === 'string' && parseArchiveCursor(value) !== null },
    },
    options,
  );
}

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** An agency connects one of its official accounts (`POST /api/reach/social/accounts`). */
export class ConnectSocialAccountDto {
  @IsIn(SOCIAL_NETWORKS, { message: `The network must be one of ${SOCIAL_NETWORKS.join(', ')}` })
  network!: SocialNetwork;

  /** The account's server: a Bluesky PDS (https://bsky.social), a Mastodon instance, the Graph API. */
  @Transform(trim)
  @IsUrl(
    { require_protocol: true, require_tld: false, protocols: ['http', 'https'] },
    { message: 'Enter the server’s address, e.g. https://bsky.social' },
  )
  @MaxLength(512)
  serviceUrl!: string;

  /** The public name (gatineau.bsky.social, @police@social.example, a page name). */
  @Transform(trim)
  @MaxLength(253)
  @MinLength(1, { message: 'Enter the account’s handle' })
  @IsString()
  handle!: string;

  /** An app password or access token; sealed at rest, never shown again or logged. */
  @MaxLength(2048)
  @MinLength(1, { message: 'Enter the app password or access token' })
  @IsString()
  secret!: string;

  /**
   * X only: the refresh token its authorization gave with offline.access, so Vigie renews the
   * two-hour access token by itself; sealed like the secret. Needs `clientId`.
   */
  @IsOptional()
  @MaxLength(2048)
  @MinLength(1, { message: 'Enter the refresh token, or leave it out' })
  @IsString()
  refreshToken?: string;

  /** X only: the app's OAuth 2.0 client id, which renewing the access token asks for. */
  @Transform(trim)
  @IsOptional()
  @MaxLength(256)
  @MinLength(1, { message: 'Enter the app’s client id, or leave it out' })
  @IsString()
  clientId?: string;

  /** The network's id of the account when the handle is not enough (a Facebook page id). */
  @Transform(trim)
  @IsOptional()
  @MaxLength(256)
  @IsString()
  accountId?: string;
}

/**
 * `DELETE /api/reach/social/accounts/:id`: an account with posts still up (which Vigie could no
 * longer take down once disconnected) is disconnected only with `leaveLivePosts=true`.
 */
export class DisconnectSocialAccountQueryDto {
  @IsOptional()
  @IsIn(['true'], { message: 'true, to disconnect leaving the posts still up on the network' })
  leaveLivePosts?: 'true';
}

/** `GET /api/reach/social/archive`: newest first, 50 a page. */
export class SocialArchiveQueryDto {
  @Transform(trim)
  @IsOptional()
  @MaxLength(200)
  @IsString()
  q?: string;

  @IsOptional()
  @IsIn(['SENT', 'RECEIVED'], { message: 'SENT or RECEIVED' })
  direction?: 'SENT' | 'RECEIVED';

  /** The `next` of the previous page: its last message's time (to the microsecond) and id. */
  @IsOptional()
  @IsArchiveCursor({ message: 'Give the next value of the previous page' })
  before?: string;
}

/** `GET /api/reach/social/appeals/:id/resolution/preview`: the posts resolving with this outcome would make. */
export class SocialResolutionPreviewQueryDto {
  @IsEnum(AppealOutcome, { message: 'Choose an outcome' })
  outcome!: AppealOutcome;
}
