import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class NotDuplicateDto {
  @ApiProperty({ description: 'The other tip of the pair' })
  @IsUUID('all')
  otherId!: string;
}
