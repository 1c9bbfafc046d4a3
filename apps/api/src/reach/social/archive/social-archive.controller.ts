import { Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SocialArchivePage, SocialArchiveQueryDto, StaffRole } from '@vigie/common';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
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

  /**
   * A received image's clean copy (re-encoded, no metadata), as staff look at it; the sealed
   * original stays the record (a tip made from the message carries it).
   */
  @Get(':id/media/:index')
  @Auth(StaffRole.INVESTIGATOR, StaffRole.SUPERVISOR, StaffRole.PIO, StaffRole.ADMIN)
  async cleanCopy(
    @CurrentStaff() staff: StaffActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('index', new ParseIntPipe()) index: number,
    @Res() res: Response,
  ): Promise<void> {
    const stream = await this.archive.cleanCopy(staff, id, index);
    res.setHeader('Content-Type', 'image/jpeg');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    // A read that fails once the answer has begun ends it (never an unhandled stream error).
    await pipeline(stream, res).catch(() => res.destroy());
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
