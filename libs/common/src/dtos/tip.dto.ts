import { IsTimestamp } from './is-timestamp';
import { Transform } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { TipChannel } from '../enums/tip.enum';
import { TIP_LIMITS, TIP_PATTERNS } from '../limits';

// Multipart fields arrive as strings; an empty field means "not given". (Transform, not Type:
// Type needs reflect-metadata, which the public bundle does not carry.)
const optionalNumber = ({ value }: { value: unknown }) =>
  value === '' || value === undefined || value === null ? undefined : Number(value);
const optionalText = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const givesAPoint = (tip: { latitude?: unknown; longitude?: unknown }) =>
  tip.latitude !== undefined || tip.longitude !== undefined;

/** The fields of `POST /api/public/tips` (multipart, beside `files`). Only `description` is required. */
export class CreateTipDto {
  /** What happened, in the tipster's words. */
  @IsString()
  @Matches(TIP_PATTERNS.someText, { message: 'Describe what you saw or know' })
  @MaxLength(TIP_LIMITS.descriptionMax)
  description!: string;

  /** When: a moment, or the start of a range. */
  @Transform(optionalText)
  @IsOptional()
  @IsTimestamp({ message: 'Give a valid date and time' })
  occurredFrom?: string;

  @Transform(optionalText)
  @IsOptional()
  @IsTimestamp({ message: 'Give a valid date and time' })
  occurredTo?: string;

  @Transform(optionalText)
  @IsOptional()
  @IsString()
  @MaxLength(TIP_LIMITS.placeMax)
  place?: string;

  /** A point is both coordinates or neither: one alone is refused here, not by the database. */
  @Transform(optionalNumber)
  @ValidateIf(givesAPoint)
  @IsDefined({ message: 'Give the latitude with the longitude' })
  @IsLatitude({ message: 'Not a valid latitude' })
  latitude?: number;

  @Transform(optionalNumber)
  @ValidateIf(givesAPoint)
  @IsDefined({ message: 'Give the longitude with the latitude' })
  @IsLongitude({ message: 'Not a valid longitude' })
  longitude?: number;

  /** Accuracy of the coordinates in metres, as the phone reports it. */
  @Transform(optionalNumber)
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(TIP_LIMITS.accuracyMaxM)
  accuracyM?: number;

  /** The police service the tip is for, by slug; implied by `appeal` when one is given. */
  @Transform(optionalText)
  @IsOptional()
  @IsString()
  @Matches(TIP_PATTERNS.agencySlug, { message: 'Unknown police service' })
  agency?: string;

  /** The appeal this tip answers, by its public slug. */
  @Transform(optionalText)
  @IsOptional()
  @IsString()
  @Matches(TIP_PATTERNS.appealSlug, { message: 'Unknown appeal' })
  appeal?: string;

  @Transform(optionalText)
  @IsOptional()
  @IsString()
  @MaxLength(TIP_LIMITS.nameMax)
  contactName?: string;

  @Transform(optionalText)
  @IsOptional()
  @Matches(TIP_PATTERNS.phone, { message: 'Give a valid phone number' })
  contactPhone?: string;

  @Transform(optionalText)
  @IsOptional()
  @IsEmail({}, { message: 'Give a valid e-mail address' })
  @MaxLength(TIP_LIMITS.emailMax)
  contactEmail?: string;

  /** The tipster's language: the passphrase and our messages use it. */
  @Transform(optionalText)
  @IsOptional()
  @IsIn(['fr', 'en'])
  language?: 'fr' | 'en';
}

export class FollowUpSignInDto {
  @IsString()
  @MaxLength(TIP_LIMITS.tipCodeMax)
  code!: string;

  @IsString()
  @MaxLength(TIP_LIMITS.passwordMax)
  password!: string;
}

export class FollowUpMessageDto {
  @IsString()
  @Matches(TIP_PATTERNS.someText, { message: 'Write a message' })
  @MaxLength(TIP_LIMITS.messageMax)
  body!: string;
}

/**
 * `POST /api/tips`: a tip a call-taker records for a caller (staff session and CSRF). The same
 * fields as the web form, for the caller's own agency (an `agency` other than the caller's is
 * refused), and the channel, which a staff session may only set to PHONE: web tips come through
 * the public form and texts through the provider's webhook.
 */
export class RecordPhoneTipDto extends CreateTipDto {
  @IsIn([TipChannel.PHONE], { message: 'Staff record tips from the phone line only: channel must be PHONE' })
  channel!: TipChannel.PHONE;
}
