import { Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SocialArchivePage, SocialArchiveQueryDto, StaffRole } from '@vigie/common';
import { Auth, CurrentStaff } from '../../../common/auth.decorators';
import type { StaffActor } from '../../../common/staff-actor';
import { SocialArchive } from './social-archive.service';

/** The archive of the agency's social accounts, and a received message made into a tip. */
@ApiTags('reach')
@Controller('api/reach/social/archive')
export class SocialArchiveController {
  constructor(private readonly archive: SocialArchive) {}

  @Get()
  @Auth(StaffRole.INVESTIGATOR, StaffRole.SUPERVISOR, StaffRole.PIO, StaffRole.ADMIN)
  search(
    @CurrentStaff() staff: StaffActor,
    @Query() query: SocialArchiveQueryDto,
  ): Promise<SocialArchivePage> {
    return this.archive.search(staff, query);
  }

  @Post(':id/tip')
  @Auth(StaffRole.INVESTIGATOR, StaffRole.SUPERVISOR)
  toTip(
    @CurrentStaff() staff: StaffActor,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<{ tipId: string; code: string }> {
    return this.archive.toTip(staff, id);
  }
}
