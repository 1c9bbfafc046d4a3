import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class EvidenceExportDto {
  /** Why the package is made (a court order, a disclosure request): recorded in the manifest and the audit log. */
  @IsString()
  @Matches(/\S{3}/, { message: 'Say why you are exporting this record' })
  @MaxLength(500)
  reason!: string;

  /** Put the tipster's contact details in the package. Supervisors only; audited by itself. */
  @IsOptional()
  @IsBoolean()
  includeContact?: boolean;
}

/**
 * No query parameters. Declared so that the global pipe refuses unknown ones: `?cluster=true` on a
 * tip answers 400 rather than silently exporting a single tip (a cluster has its own route).
 */
export class EvidenceExportQuery {}
