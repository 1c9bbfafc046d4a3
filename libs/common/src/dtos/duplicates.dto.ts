import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** A cluster of a surge (a photo shared a thousand times) is decided in one request; beyond this, in a few. */
export const DUPLICATE_DECISION_MAX = 1000;

/** A tip as the investigator saw it: if it changed since (its version moved), the decision is refused. */
export class SeenTipDto {
  @IsUUID('all')
  id!: string;

  @IsInt()
  @Min(1)
  version!: number;
}

export const DUPLICATE_DECISIONS = ['MERGE', 'NOT_DUPLICATE'] as const;
export type DuplicateDecision = (typeof DUPLICATE_DECISIONS)[number];

/**
 * `POST /api/tips/duplicates/decisions`: many duplicates decided at once, all or nothing.
 * MERGE: every tip joins the target's cluster. NOT_DUPLICATE: every open suggestion touching a
 * named tip is rejected, so each stands alone (pairs merged together are not touched); with a
 * target, only the pairs of the target with each named tip (a tip's duplicates panel).
 */
export class DuplicateDecisionDto {
  @IsIn(DUPLICATE_DECISIONS)
  decision!: DuplicateDecision;

  /**
   * MERGE: the tip the others are merged into (its cluster's primary stays). NOT_DUPLICATE, when
   * given: the tip the named ones are not duplicates of.
   */
  @ValidateIf((o: DuplicateDecisionDto) => o.decision === 'MERGE' || o.target !== undefined)
  @IsDefined({ message: 'A merge names the tip the others join' })
  @IsObject()
  @ValidateNested()
  @Type(() => SeenTipDto)
  target?: SeenTipDto;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DUPLICATE_DECISION_MAX)
  @ArrayUnique((tip: SeenTipDto) => tip?.id)
  @ValidateNested({ each: true })
  @Type(() => SeenTipDto)
  tips!: SeenTipDto[];

  /** MERGE: tips already in another cluster bring their whole cluster (otherwise 409 CLUSTER_CONFLICT). */
  @IsOptional()
  @IsBoolean()
  mergeClusters?: boolean;
}
