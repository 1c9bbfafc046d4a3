import { Controller, Get, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { StaffRole, type GazetteerSummary } from '@vigie/common';
import { memoryStorage } from 'multer';
import { Auth, CurrentStaff } from '../common/auth.decorators';
import type { StaffActor } from '../common/staff-actor';
import { GAZETTEER_LIMITS } from './gazetteer-file';
import { gazetteerError } from './gazetteer.errors';
import { Gazetteers } from './gazetteer.service';

/** An agency's administrator loads its gazetteer (its GIS team's GeoJSON) and sees what is loaded. */
@ApiTags('admin')
@Controller('api/admin/gazetteer')
@Auth(StaffRole.ADMIN)
export class GazetteerController {
  constructor(private readonly gazetteers: Gazetteers) {}

  @Get()
  summary(@CurrentStaff() staff: StaffActor): Promise<GazetteerSummary> {
    return this.gazetteers.summary(staff.agencyId);
  }

  /** Replaces the agency's gazetteer with the file's places and intersections; a bad file changes nothing. */
  @Put()
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(
    FileInterceptor('file', {
      storage: memoryStorage(),
      limits: { fileSize: GAZETTEER_LIMITS.fileBytes, files: 1, fields: 0 },
    }),
  )
  load(
    @CurrentStaff() staff: StaffActor,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<GazetteerSummary> {
    if (!file?.buffer) throw gazetteerError('NO_FILE');
    return this.gazetteers.load(staff.agencyId, file.buffer, staff.userId, file.originalname);
  }
}
