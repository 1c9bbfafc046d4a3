import { IsIn, IsISO8601, IsOptional } from 'class-validator';

export const OPEN_RECORDS_FORMATS = ['json', 'csv', 'html'] as const;
export type OpenRecordsFormat = (typeof OPEN_RECORDS_FORMATS)[number];

export class OpenRecordsQueryDto {
  /** Inclusive: a date (2026-01-01, from midnight UTC) or an instant. */
  @IsISO8601({ strict: true }, { message: 'from must be a date such as 2026-01-01' })
  from!: string;

  /** A date includes that whole day (UTC); an instant is exclusive. */
  @IsISO8601({ strict: true }, { message: 'to must be a date such as 2026-12-31' })
  to!: string;

  @IsOptional()
  @IsIn(OPEN_RECORDS_FORMATS)
  format?: OpenRecordsFormat;
}
