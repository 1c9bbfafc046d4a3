import { IsBoolean, IsString, Matches, MaxLength } from 'class-validator';

export class LegalHoldDto {
  @IsBoolean()
  hold!: boolean;

  @IsString()
  @Matches(/\S{3}/, { message: 'Say why the hold is set or lifted' })
  @MaxLength(500)
  reason!: string;
}
