import { IsInt, Max, Min, ValidateIf } from 'class-validator';

const MAX_DAYS = 36_500;

/** Both periods, in days; null follows the deployment's default. Zero or negative is refused. */
export class RetentionPolicyDto {
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_DAYS)
  notActionableDays!: number | null;

  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_DAYS)
  closedDays!: number | null;
}
