import { applyDecorators, Body, Controller, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { StaffRole } from '@vigie/common';
import type { Response } from 'express';
import { Auth, CurrentStaff } from '../../common/auth.decorators';
import { LongRunning } from '../../database/long-running';
import type { StaffActor } from '../../common/staff-actor';
import { EvidenceExportDto, EvidenceExportQuery } from '../dtos/evidence-export.dto';
import { EvidenceExportService } from './evidence-export.service';

const { INVESTIGATOR, SUPERVISOR } = StaffRole;
const Id = (name = 'id') => Param(name, new ParseUUIDPipe());
/** Every export: the same roles and a ZIP answer. Each also declares its (empty) query, so unknown parameters are refused. */
const EvidenceExport = (path: string) =>
  applyDecorators(Post(path), Auth(INVESTIGATOR, SUPERVISOR), ApiProduces('application/zip'), LongRunning());

/**
 * Evidence packages (a streamed ZIP). POST, not GET: an export is an audited act with a reason,
 * and it must carry the CSRF header like any other staff action.
 */
@ApiTags('records')
@Controller('api')
export class EvidenceExportController {
  constructor(private readonly evidence: EvidenceExportService) {}

  @EvidenceExport('tips/:id/evidence-export')
  exportTip(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Query() _query: EvidenceExportQuery,
    @Body() dto: EvidenceExportDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.evidence.exportTip(staff, id, dto, res);
  }

  @EvidenceExport('cases/:id/evidence-export')
  exportCase(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Query() _query: EvidenceExportQuery,
    @Body() dto: EvidenceExportDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.evidence.exportCase(staff, id, dto, res);
  }

  /** A duplicate cluster (`GET /api/tips/clusters/:clusterId` shows it): every member tip. */
  @EvidenceExport('tips/clusters/:clusterId/evidence-export')
  exportCluster(
    @CurrentStaff() staff: StaffActor,
    @Id('clusterId') clusterId: string,
    @Query() _query: EvidenceExportQuery,
    @Body() dto: EvidenceExportDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.evidence.exportCluster(staff, clusterId, dto, res);
  }
}
