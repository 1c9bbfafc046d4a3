import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { StaffRole } from '@vigie/common';
import type { Response } from 'express';
import { Auth, CurrentStaff } from '../../common/auth.decorators';
import { LongRunning } from '../../database/long-running';
import type { StaffActor } from '../../common/staff-actor';
import { OpenRecordsQueryDto } from '../dtos/open-records-query.dto';
import { renderCsv, renderHtml } from './open-records.renderers';
import { OpenRecordsService } from './open-records.service';

const { SUPERVISOR, ADMIN, PIO } = StaffRole;

@ApiTags('records')
@Controller('api/records')
export class OpenRecordsController {
  constructor(private readonly records: OpenRecordsService) {}

  /**
   * Everything published in [from, to]. Sent as a download: the HTML carries its own styles,
   * which the API's Content-Security-Policy would block if it were shown in place.
   */
  @Get('open-records')
  @Auth(SUPERVISOR, ADMIN, PIO)
  @LongRunning()
  @ApiProduces('application/json', 'text/csv', 'text/html')
  async openRecords(
    @CurrentStaff() staff: StaffActor,
    @Query() query: OpenRecordsQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const format = query.format ?? 'json';
    const result = await this.records.export(staff, query.from, query.to, format);
    const name = `open-records-${result.agency.slug}-${query.from}-${query.to}`.replace(
      /[^A-Za-z0-9.-]/g,
      '',
    );
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="${name}.${format}"`);
    if (format === 'csv') res.type('text/csv; charset=utf-8').send(renderCsv(result));
    else if (format === 'html') res.type('text/html; charset=utf-8').send(renderHtml(result));
    else res.json(result);
  }
}
