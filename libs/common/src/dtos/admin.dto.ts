import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsTimeZone,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { LOCALES, Locale } from '../enums/locale.enum';
import { StaffRole, STAFF_ROLES } from '../enums/staff-role.enum';
import { LIMITS, TIP_PATTERNS } from '../limits';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lowerTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
const ROLE_MESSAGE = `Each role must be one of ${STAFF_ROLES.join(', ')}`;
const TIME_ZONE_MESSAGE = 'Choose a time zone from the IANA list, e.g. America/Toronto';

/** A person's e-mail and name, as an administrator types them. */
class PersonDto {
  @Transform(lowerTrim)
  @MaxLength(LIMITS.emailLength)
  @IsEmail({}, { message: 'Enter a valid e-mail address' })
  email!: string;

  @Transform(trim)
  @MaxLength(LIMITS.staffNameMax)
  @MinLength(1, { message: 'Enter the person’s name' })
  @IsString()
  name!: string;
}

/** `POST /api/admin/staff`: invites a person into the admin's agency with these roles. */
export class InviteStaffDto extends PersonDto {
  @IsIn(STAFF_ROLES, { each: true, message: ROLE_MESSAGE })
  @ArrayUnique({ message: 'A role is listed twice' })
  @ArrayMaxSize(STAFF_ROLES.length)
  @ArrayNotEmpty({ message: 'Choose at least one role' })
  @IsArray()
  roles!: StaffRole[];
}

/** `PATCH /api/admin/staff/:id`: the person's whole set of roles, replacing the old one. */
export class UpdateStaffRolesDto {
  @IsIn(STAFF_ROLES, { each: true, message: ROLE_MESSAGE })
  @ArrayUnique({ message: 'A role is listed twice' })
  @ArrayMaxSize(STAFF_ROLES.length)
  @ArrayNotEmpty({ message: 'Choose at least one role' })
  @IsArray()
  roles!: StaffRole[];
}

/** `PATCH /api/admin/agency`: only the fields sent change. */
export class UpdateAgencySettingsDto {
  @IsOptional()
  @Transform(trim)
  @MaxLength(LIMITS.agencyNameMax)
  @MinLength(2, { message: 'Enter the police service’s name' })
  @IsString()
  name?: string;

  /** null or "" removes the number. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value))
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Matches(TIP_PATTERNS.phone, { message: 'Enter a phone number, e.g. 819 243-2345' })
  @IsString()
  publicPhone?: string | null;

  /** The agency's number at the SMS provider, in E.164 (+15145550100); null or "" removes it. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value))
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Matches(/^\+[1-9][0-9]{6,14}$/, { message: 'Enter the number in international form, e.g. +15145550100' })
  @IsString()
  smsNumber?: string | null;

  @IsOptional()
  @IsTimeZone({ message: TIME_ZONE_MESSAGE })
  timeZone?: string;

  @IsOptional()
  @IsIn(LOCALES, { each: true, message: `Each language must be one of ${LOCALES.join(', ')}` })
  @ArrayUnique({ message: 'A language is listed twice' })
  @ArrayMaxSize(LOCALES.length)
  @ArrayNotEmpty({ message: 'Keep at least one language' })
  @IsArray()
  languages?: Locale[];

  /** Everyone must enrol TOTP; someone without it is taken to enrolment at sign-in. */
  @IsOptional()
  @IsBoolean()
  requireTotp?: boolean;
}

/** `POST /api/auth/activation/:token`: the password chosen, and a code when TOTP is part of it. */
export class ActivateAccountDto {
  // class-validator reports the bottom decorator first: the type check belongs there.
  @MaxLength(LIMITS.passwordMaxLength)
  @MinLength(LIMITS.staffPasswordMinLength, {
    message: `Use at least ${LIMITS.staffPasswordMinLength} characters`,
  })
  @IsString()
  password!: string;

  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'The code is 6 digits' })
  totpCode?: string;
}

/** `POST /api/platform/agencies` and `npm run admin -- create-agency`. */
export class CreateAgencyDto {
  @Transform(trim)
  @MaxLength(LIMITS.agencyNameMax)
  @MinLength(2, { message: 'Enter the police service’s name' })
  @IsString()
  name!: string;

  @Matches(TIP_PATTERNS.agencySlug, {
    message: 'Use 2 to 60 lower-case letters, digits or dashes, e.g. gatineau',
  })
  @IsString()
  slug!: string;

  @IsTimeZone({ message: TIME_ZONE_MESSAGE })
  @IsString()
  timeZone!: string;
}

/** `POST /api/platform/agencies/:id/admins`: the agency's first (or another) administrator. */
export class CreatePlatformAdminDto extends PersonDto {}
