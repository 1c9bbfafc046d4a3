import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';

const MAX_DAYS = 36_500;

/**
 * The periods, in days; null follows the deployment's default. Zero or negative is refused.
 * `socialDays` (the social archive) may be left out by older clients: it then follows the default.
 */
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

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DAYS)
  socialDays?: number | null;
}
