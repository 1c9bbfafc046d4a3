import { IsTimestamp } from './is-timestamp';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { TipChannel, TipPriority, TipStatus } from '../enums/tip.enum';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

export const INBOX_LIMITS = {
  pageMax: 100,
  pageDefault: 50,
  tagMax: 40,
  tagsPerTip: 20,
  noteMax: 5_000,
  bulkMax: 500,
  /** A likely-duplicate group in the inbox lists (and counts) at most this many tips. */
  groupMax: 200,
} as const;

/**
 * The inbox's filters and search, as its query string keeps them (booleans are "true"/"false"):
 * `GET /api/tips` takes them, and a saved view stores them.
 */
export class InboxFiltersDto {
  @IsOptional()
  @IsEnum(TipStatus)
  status?: TipStatus;

  @IsOptional()
  @IsEnum(TipPriority)
  priority?: TipPriority;

  /** How the tips arrived: the web form, the phone line, text messages. */
  @IsOptional()
  @IsEnum(TipChannel)
  channel?: TipChannel;

  @IsOptional()
  @IsUUID()
  appealId?: string;

  @IsOptional()
  @IsUUID()
  caseId?: string;

  /** "me", "unassigned", or a staff member's id. */
  @IsOptional()
  @Matches(/^(me|unassigned|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, {
    message: 'Use me, unassigned or a staff id',
  })
  assignee?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  hasMedia?: 'true' | 'false';

  @IsOptional()
  @IsIn(['true', 'false'])
  hasLocation?: 'true' | 'false';

  @IsOptional()
  @IsTimestamp()
  receivedFrom?: string;

  @IsOptional()
  @IsTimestamp()
  receivedTo?: string;

  @IsOptional()
  @IsString()
  @MaxLength(INBOX_LIMITS.tagMax)
  tag?: string;

  /**
   * A tip code (any case, with or without the dash, with spaces: "js2x dsbr") finds that tip alone,
   * whatever the other filters; anything else, or a code no tip of the agency has, is a full-text
   * search in French and English, accents ignored, of the tips' text, of the identifiers written in
   * it (plates, phones…), and of the titles of the appeals they answer.
   */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** `GET /api/tips`: the filters, and which page. */
export class InboxQueryDto extends InboxFiltersDto {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(INBOX_LIMITS.pageMax)
  limit?: number;

  /** Opaque: the `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

/** `PATCH /api/tips/:id`: what changes, and the version the investigator saw (stale: 409). */
export class UpdateTipDto {
  @IsInt()
  @Min(1)
  version!: number;

  @IsOptional()
  @IsEnum(TipStatus)
  status?: TipStatus;

  @IsOptional()
  @IsEnum(TipPriority)
  priority?: TipPriority;

  /** A staff id to assign, or null to release the tip. */
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  assigneeId?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INBOX_LIMITS.tagsPerTip)
  @IsString({ each: true })
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u, { each: true, message: 'Tags are short words' })
  tags?: string[];
}

export class BulkUpdateTipsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(INBOX_LIMITS.bulkMax)
  @IsUUID('all', { each: true })
  ids!: string[];

  @IsOptional()
  @IsEnum(TipStatus)
  status?: TipStatus;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  assigneeId?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u, { each: true, message: 'Tags are short words' })
  addTags?: string[];

  /** Take tips even when another investigator holds them (otherwise refused, naming who holds what). */
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class TipNoteDto {
  @IsString()
  @Matches(/\S/, { message: 'Write something' })
  @MaxLength(INBOX_LIMITS.noteMax)
  body!: string;
}

/** Why a sealed original is being opened: kept in the audit log with who opened it. */
export class OpenOriginalDto {
  @IsString()
  @Matches(/\S{3}/, { message: 'Say why you need the original' })
  @MaxLength(500)
  reason!: string;
}

export class CreateCaseDto {
  @IsString()
  @Matches(/\S/, { message: 'Give the case a title' })
  @MaxLength(200)
  title!: string;

  @IsOptional()
  @IsUUID()
  leadId?: string;
}

export class UpdateCaseDto {
  @IsInt()
  @Min(1)
  version!: number;

  @IsOptional()
  @IsString()
  @Matches(/\S/)
  @MaxLength(200)
  title?: string;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  leadId?: string | null;

  @IsOptional()
  @IsIn(['OPEN', 'CLOSED'])
  status?: 'OPEN' | 'CLOSED';
}

export class LinkTipsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(INBOX_LIMITS.bulkMax)
  @IsUUID('all', { each: true })
  tipIds!: string[];
}

export class LinkAppealDto {
  @IsUUID()
  appealId!: string;
}

export class RewardDecisionDto {
  @IsIn(['APPROVE', 'REFUSE'])
  decision!: 'APPROVE' | 'REFUSE';

  @ValidateIf((o) => o.decision === 'REFUSE')
  @IsString()
  @Matches(/\S/, { message: 'Say why the claim is refused' })
  @MaxLength(2000)
  reason?: string;
}

export class RewardPaymentDto {
  /** The payment reference from the agency's finance system; never the tipster's identity. */
  @IsString()
  @Matches(/\S/)
  @MaxLength(100)
  reference!: string;
}
