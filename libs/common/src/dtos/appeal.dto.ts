import { IsTimestamp } from './is-timestamp';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AppealKind, AppealOutcome, AppealUpdateKind, Sex, SubjectRole } from '../enums/appeal.enum';
import { IsLocalized, LocalizedTextDto } from './localized-text.dto';
import {
  BUILDS,
  ETHNICITIES,
  EYE_COLOURS,
  HAIR_COLOURS,
  SPOKEN_LANGUAGES,
} from '../wording/subject-vocabulary';

export const APPEAL_TEXT_LIMITS = {
  title: 120,
  summary: 300,
  body: 10_000,
  caution: 300,
  terms: 2_000,
  note: 2_000,
} as const;
export const CURRENCIES = ['CAD', 'USD', 'EUR'] as const;

/**
 * One person in an appeal. Field names follow the FBI Wanted API and NamUs where they exist
 * (sex, race, hair, eyes, height_min/max, weight_min/max, scars_and_marks), in metric units.
 */
export class SubjectDto {
  @IsEnum(SubjectRole, { message: 'Choose a role for this person' })
  role!: SubjectRole;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];

  @IsOptional()
  @IsEnum(Sex)
  sex?: Sex;

  /** A code of ETHNICITIES: shown in each language's own words. */
  @IsOptional()
  @IsIn(Object.keys(ETHNICITIES), { message: 'Choose an ethnicity from the list' })
  race?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(130)
  ageMin?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(130)
  ageMax?: number;

  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(260)
  heightMinCm?: number;

  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(260)
  heightMaxCm?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(400)
  weightMinKg?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(400)
  weightMaxKg?: number;

  /** A code of HAIR_COLOURS; the hair's length or style goes in `description`. */
  @IsOptional()
  @IsIn(Object.keys(HAIR_COLOURS), { message: 'Choose a hair colour from the list' })
  hair?: string;

  @IsOptional()
  @IsIn(Object.keys(EYE_COLOURS), { message: 'Choose an eye colour from the list' })
  eyes?: string;

  @IsOptional()
  @IsIn(Object.keys(BUILDS), { message: 'Choose a build from the list' })
  build?: string;

  /** What no list holds (hair style, glasses, gait), in each language. */
  @IsOptional()
  @IsLocalized(500, { required: false })
  description?: LocalizedTextDto;

  @IsOptional()
  @IsLocalized(500, { required: false })
  scarsAndMarks?: LocalizedTextDto;

  @IsOptional()
  @IsLocalized(500, { required: false })
  clothing?: LocalizedTextDto;

  /** ISO 639-1 codes of SPOKEN_LANGUAGES; each page names them in its own language. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(SPOKEN_LANGUAGES, { each: true, message: 'Choose the languages from the list' })
  languages?: string[];
}

export class VehicleDto {
  @IsOptional()
  @IsString()
  @MaxLength(60)
  make?: string;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  model?: string;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  colour?: string;

  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  year?: number;

  @IsOptional()
  @IsString()
  @MaxLength(15)
  plate?: string;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  plateRegion?: string;
}

export class LastSeenDto {
  @IsOptional()
  @IsLocalized(300, { required: false })
  place?: LocalizedTextDto;

  @IsOptional()
  @IsLatitude()
  latitude?: number;

  @IsOptional()
  @IsLongitude()
  longitude?: number;

  @IsOptional()
  @IsTimestamp()
  at?: string;
}

export class RewardDto {
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(1)
  @Max(10_000_000)
  amount!: number;

  @IsIn(CURRENCIES)
  currency!: (typeof CURRENCIES)[number];

  @IsLocalized(APPEAL_TEXT_LIMITS.terms)
  terms!: LocalizedTextDto;

  @IsOptional()
  @IsTimestamp()
  expiresAt?: string;
}

export class AppealImageRefDto {
  @IsUUID()
  id!: string;

  @IsBoolean()
  isComposite!: boolean;

  @IsOptional()
  @IsLocalized(200, { required: false })
  alt?: LocalizedTextDto;
}

/** Everything a PIO writes. Kind-specific rules (AMBER needs a child and an expiry) are checked by the API. */
export class AppealContentDto {
  @IsLocalized(APPEAL_TEXT_LIMITS.title)
  title!: LocalizedTextDto;

  @IsLocalized(APPEAL_TEXT_LIMITS.summary)
  summary!: LocalizedTextDto;

  @IsOptional()
  @IsLocalized(APPEAL_TEXT_LIMITS.body, { required: false })
  body?: LocalizedTextDto;

  /** e.g. "Considered dangerous: do not approach, call 911". */
  @IsOptional()
  @IsLocalized(APPEAL_TEXT_LIMITS.caution, { required: false })
  caution?: LocalizedTextDto;

  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => SubjectDto)
  subjects!: SubjectDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => VehicleDto)
  vehicles?: VehicleDto[];

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LastSeenDto)
  lastSeen?: LastSeenDto;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RewardDto)
  reward?: RewardDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AppealImageRefDto)
  images?: AppealImageRefDto[];

  /** When the appeal stops being shown (required for AMBER alerts). */
  @IsOptional()
  @IsTimestamp()
  expiresAt?: string;
}

export class CreateAppealDto {
  @IsEnum(AppealKind, { message: 'Choose a kind of appeal' })
  kind!: AppealKind;

  /** An object: missing, or an array (which nested validation lets through empty), is refused. */
  @IsObject({ message: 'Write the appeal' })
  @ValidateNested()
  @Type(() => AppealContentDto)
  content!: AppealContentDto;
}

export class EditAppealDto {
  /** An object: missing, or an array (which nested validation lets through empty), is refused. */
  @IsObject({ message: 'Write the appeal' })
  @ValidateNested()
  @Type(() => AppealContentDto)
  content!: AppealContentDto;

  /** The version the editor started from; a stale one answers 409. */
  @IsInt()
  @Min(1)
  version!: number;
}

export class RejectDto {
  @IsString()
  @Matches(/\S/, { message: 'Say what must change' })
  @MaxLength(2000)
  reason!: string;
}

export class PostAppealUpdateDto {
  @IsEnum(AppealUpdateKind)
  kind!: AppealUpdateKind;

  @IsLocalized(APPEAL_TEXT_LIMITS.note)
  text!: LocalizedTextDto;
}

export class ResolveAppealDto {
  @IsEnum(AppealOutcome, { message: 'Choose an outcome' })
  outcome!: AppealOutcome;

  @IsOptional()
  @IsLocalized(APPEAL_TEXT_LIMITS.note, { required: false })
  note?: LocalizedTextDto;
}

export class PublicAppealsQueryDto {
  @IsOptional()
  @IsEnum(AppealKind)
  kind?: AppealKind;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsIn(['fr', 'en'])
  lang?: 'fr' | 'en';
}
