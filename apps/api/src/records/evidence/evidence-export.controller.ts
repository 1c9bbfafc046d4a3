import { Body, Controller, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { StaffRole } from '@vigie/common';
import type { Response } from 'express';
import { Auth, CurrentStaff } from '../../common/auth.decorators';
import type { StaffActor } from '../../common/staff-actor';
import { EvidenceExportDto, EvidenceExportQuery } from '../dtos/evidence-export.dto';
import { EvidenceExportService } from './evidence-export.service';

const { INVESTIGATOR, SUPERVISOR } = StaffRole;
const Id = () => Param('id', new ParseUUIDPipe());

/**
 * Evidence packages (a streamed ZIP). POST, not GET: an export is an audited act with a reason,
 * and it must carry the CSRF header like any other staff action.
 */
@ApiTags('records')
@Controller('api')
export class EvidenceExportController {
  constructor(private readonly evidence: EvidenceExportService) {}

  @Post('tips/:id/evidence-export')
  @Auth(INVESTIGATOR, SUPERVISOR)
  @ApiProduces('application/zip')
  exportTip(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Query() _query: EvidenceExportQuery,
    @Body() dto: EvidenceExportDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.evidence.exportTip(staff, id, dto, res);
  }

  @Post('cases/:id/evidence-export')
  @Auth(INVESTIGATOR, SUPERVISOR)
  @ApiProduces('application/zip')
  exportCase(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Query() _query: EvidenceExportQuery,
    @Body() dto: EvidenceExportDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.evidence.exportCase(staff, id, dto, res);
  }
}
