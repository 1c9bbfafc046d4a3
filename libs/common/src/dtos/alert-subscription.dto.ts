import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsEnum,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsObject,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ALERT_KINDS, ALERT_LIMITS, AlertAreaType } from '../alerts';
import type { AppealKind } from '../enums/appeal.enum';
import { Locale } from '../enums/locale.enum';

/** Base64url without padding, as PushSubscription.toJSON() gives the keys. */
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export class AlertAreaDto {
  @IsEnum(AlertAreaType, { message: 'Choose the whole region or a point and a radius' })
  type!: AlertAreaType;

  @ValidateIf((area: AlertAreaDto) => area.type === AlertAreaType.RADIUS)
  @IsLatitude({ message: 'Give a latitude between -90 and 90' })
  latitude?: number;

  @ValidateIf((area: AlertAreaDto) => area.type === AlertAreaType.RADIUS)
  @IsLongitude({ message: 'Give a longitude between -180 and 180' })
  longitude?: number;

  @ValidateIf((area: AlertAreaDto) => area.type === AlertAreaType.RADIUS)
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'Give a radius in kilometres' })
  @Min(ALERT_LIMITS.radiusKmMin, { message: `The radius is at least ${ALERT_LIMITS.radiusKmMin} km` })
  @Max(ALERT_LIMITS.radiusKmMax, { message: `The radius is at most ${ALERT_LIMITS.radiusKmMax} km` })
  radiusKm?: number;
}

/** What every subscription says: whose alerts, which kinds, where, in which language. */
export class AlertSubscriptionDto {
  /** The police service's slug (GET /api/public/agencies). */
  @IsString()
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'Choose a police service' })
  agency!: string;

  @IsArray({ message: 'Choose at least one kind of appeal' })
  @ArrayMinSize(1, { message: 'Choose at least one kind of appeal' })
  @ArrayMaxSize(ALERT_KINDS.length)
  @ArrayUnique()
  @IsIn(ALERT_KINDS, { each: true, message: 'Choose the kinds of appeal from the list' })
  kinds!: AppealKind[];

  @IsObject({ message: 'Choose the whole region or a point and a radius' })
  @ValidateNested()
  @Type(() => AlertAreaDto)
  area!: AlertAreaDto;

  @IsEnum(Locale, { message: 'Choose French or English' })
  language!: Locale;
}

export class PushKeysDto {
  /** The browser's P-256 public key (65 bytes, base64url). */
  @IsString()
  @Matches(BASE64URL, { message: 'p256dh must be base64url' })
  @MaxLength(100)
  p256dh!: string;

  /** The 16-byte authentication secret (base64url). */
  @IsString()
  @Matches(BASE64URL, { message: 'auth must be base64url' })
  @MaxLength(40)
  auth!: string;
}

/** A browser's PushSubscription (its toJSON()), plus what to alert it about. */
export class PushAlertSubscriptionDto extends AlertSubscriptionDto {
  // Whether plain http may be used (never, outside tests) and which hosts are push services is
  // the server's configuration, checked beside this.
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true, require_tld: false },
    { message: 'The push endpoint must be an https URL' },
  )
  @MaxLength(ALERT_LIMITS.endpointMax)
  endpoint!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => PushKeysDto)
  keys!: PushKeysDto;
}

export class EmailAlertSubscriptionDto extends AlertSubscriptionDto {
  @IsEmail({}, { message: 'Give a valid e-mail address' })
  @MaxLength(ALERT_LIMITS.emailMax)
  email!: string;
}

/** A signed token from an alert or a confirmation e-mail. */
export class AlertTokenDto {
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{10,1000}$/, { message: 'This link is not valid' })
  token!: string;
}
