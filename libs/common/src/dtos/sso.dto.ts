import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { StaffRole, STAFF_ROLES } from '../enums/staff-role.enum';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** One of the provider's groups, and the Vigie roles a member of it holds in the agency. */
export class SsoGroupMappingDto {
  @Transform(trim)
  @MaxLength(256)
  @MinLength(1, { message: 'Enter the group as the provider names it' })
  @IsString()
  group!: string;

  @IsIn(STAFF_ROLES, { each: true, message: `Each role must be one of ${STAFF_ROLES.join(', ')}` })
  @ArrayUnique({ message: 'A role is listed twice' })
  @ArrayMaxSize(STAFF_ROLES.length)
  @ArrayNotEmpty({ message: 'Choose at least one role' })
  @IsArray()
  roles!: StaffRole[];
}

/** `PUT /api/admin/sso`: the agency's whole single sign-on configuration. */
export class SsoSettingsDto {
  @IsBoolean()
  enabled!: boolean;

  /**
   * The provider's issuer URL; its /.well-known/openid-configuration is read from there. The API
   * also requires https and a public address unless SSO_ALLOW_INSECURE_ISSUER (issuer-address.ts).
   */
  @Transform(trim)
  @MaxLength(500)
  @IsUrl(
    { require_tld: false, protocols: ['https', 'http'], require_protocol: true },
    { message: 'Enter the issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0' },
  )
  issuer!: string;

  @Transform(trim)
  @MaxLength(256)
  @MinLength(1, { message: 'Enter the client id the provider gave' })
  @IsString()
  clientId!: string;

  /** Left out to keep the stored secret; required the first time. Never sent back. */
  @IsOptional()
  @MaxLength(2000)
  @MinLength(1, { message: 'Enter the client secret the provider gave' })
  @IsString()
  clientSecret?: string;

  /** Space-separated; must include `openid`. */
  @IsOptional()
  @Transform(trim)
  @Matches(/^(?=(.* )?openid( |$))[\w.:/-]+( [\w.:/-]+){0,19}$/, {
    message: 'Scopes are separated by spaces and include openid, e.g. "openid email profile"',
  })
  scopes?: string;

  /** The ID token or userinfo claim that lists the person's groups (Entra ID, Okta, Keycloak: `groups`). */
  @IsOptional()
  @Transform(trim)
  @Matches(/^[\w.:/-]{1,100}$/, { message: 'Enter a claim name, e.g. groups' })
  groupsClaim?: string;

  @ValidateNested({ each: true })
  @Type(() => SsoGroupMappingDto)
  @ArrayMaxSize(100)
  @IsArray()
  groupMappings!: SsoGroupMappingDto[];

  /** false: the agency's staff sign in only through the provider. */
  @IsBoolean()
  passwordSignIn!: boolean;
}
