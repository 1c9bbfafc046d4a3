import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { SOCIAL_NETWORKS, type SocialNetwork } from '../interfaces/social.interface';

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

  /** The `next` of the previous page. */
  @IsOptional()
  @IsISO8601({}, { message: 'Give the next value of the previous page' })
  before?: string;
}
