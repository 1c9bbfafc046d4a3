import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsOptional,
  IsUUID,
} from 'class-validator';

/** A large cluster is confirmed in one request; beyond this, in a few. */
export const MAX_MERGE = 1000;

export class MergeTipsDto {
  @ApiProperty({ type: [String], description: 'Tips to merge into the tip in the path' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_MERGE)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  duplicateIds!: string[];

  @ApiPropertyOptional({
    description: 'Allow merging tips that are already in another cluster: their whole cluster moves in',
  })
  @IsOptional()
  @IsBoolean()
  mergeClusters?: boolean;
}
