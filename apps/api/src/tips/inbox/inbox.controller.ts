import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AppealTipStats,
  BulkUpdateResult,
  BulkUpdateTipsDto,
  FollowUpMessageDto,
  InboxPage,
  InboxQueryDto,
  OpenOriginalDto,
  StaffRef,
  StaffRole,
  TipDetail,
  TipNoteDto,
  UpdateTipDto,
} from '@vigie/common';
import { IsUUID } from 'class-validator';
import type { Request, Response } from 'express';
import { Auth, CurrentStaff } from '../../common/auth.decorators';
import type { StaffActor } from '../../common/staff-actor';
import { InboxService } from '../../desk/inbox.service';
import { sendRendition } from './rendition-response';
import { StaffDirectory } from '../../identity/staff-directory';
import { TipStatsService } from './tip-stats.service';
import { TriageService } from './triage.service';

const { INVESTIGATOR, SUPERVISOR, ANALYST, PIO } = StaffRole;
/** Who may read tips; a PIO sees appeal dashboards (counts) but never what tipsters wrote. */
const READERS = [INVESTIGATOR, SUPERVISOR, ANALYST] as const;
/** Who may change them; an analyst only reads. */
const TRIAGERS = [INVESTIGATOR, SUPERVISOR] as const;

const Id = () => Param('id', new ParseUUIDPipe());

class StatsQuery {
  @IsUUID()
  appealId!: string;
}

@ApiTags('desk')
@Controller('api/tips')
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly triage: TriageService,
    private readonly stats: TipStatsService,
    private readonly staffDirectory: StaffDirectory,
  ) {}

  @Get()
  @Auth(...READERS)
  list(@CurrentStaff() staff: StaffActor, @Query() query: InboxQueryDto): Promise<InboxPage> {
    return this.inbox.page(staff, query);
  }

  @Get('stats')
  @Auth(...READERS, PIO)
  appealStats(@CurrentStaff() staff: StaffActor, @Query() query: StatsQuery): Promise<AppealTipStats> {
    return this.stats.forAppeal(staff, query.appealId);
  }

  /** The colleagues a tip may be given to: active, of this agency, able to triage. */
  @Get('assignees')
  @Auth(...READERS)
  assignees(@CurrentStaff() staff: StaffActor): Promise<StaffRef[]> {
    return this.staffDirectory.assignable(staff.agencyId);
  }

  @Post('bulk')
  @Auth(...TRIAGERS)
  @HttpCode(200)
  bulk(@CurrentStaff() staff: StaffActor, @Body() dto: BulkUpdateTipsDto): Promise<BulkUpdateResult> {
    return this.triage.bulk(staff, dto);
  }

  /** Opening a tip by its assignee clears its "new from the tipster" marker. */
  @Get(':id')
  @Auth(...READERS)
  detail(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<TipDetail> {
    return this.triage.open(staff, id);
  }

  @Patch(':id')
  @Auth(...TRIAGERS)
  update(@CurrentStaff() staff: StaffActor, @Id() id: string, @Body() dto: UpdateTipDto): Promise<TipDetail> {
    return this.triage.update(staff, id, dto);
  }

  @Post(':id/notes')
  @Auth(...TRIAGERS)
  note(@CurrentStaff() staff: StaffActor, @Id() id: string, @Body() dto: TipNoteDto): Promise<TipDetail> {
    return this.triage.addNote(staff, id, dto.body);
  }

  @Post(':id/messages')
  @Auth(...TRIAGERS)
  message(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Body() dto: FollowUpMessageDto,
  ): Promise<TipDetail> {
    return this.triage.messageTipster(staff, id, dto.body);
  }

  /** The contact details the tipster chose to give, decrypted on request and audited. */
  @Post(':id/contact')
  @Auth(...TRIAGERS)
  @HttpCode(200)
  contact(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<Record<string, string | undefined>> {
    return this.triage.revealContact(staff, id);
  }

  /** A cleaned copy (preview, poster, clean or playable video), whole or by byte range. */
  @Get(':id/media/:mediaId/:file')
  @Auth(...READERS)
  async rendition(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Param('mediaId', new ParseUUIDPipe()) mediaId: string,
    @Param('file') file: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await sendRendition(req, res, await this.triage.rendition(staff, id, mediaId, file));
  }

  /** The sealed original, byte for byte, as a download; the request and its reason are audited. */
  @Post(':id/media/:mediaId/original')
  @Auth(...TRIAGERS)
  @HttpCode(200)
  async original(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Param('mediaId', new ParseUUIDPipe()) mediaId: string,
    @Body() dto: OpenOriginalDto,
    @Res() res: Response,
  ): Promise<void> {
    const { stream, media } = await this.triage.openOriginal(staff, id, mediaId, dto.reason);
    res.setHeader('Content-Type', media.mime);
    res.setHeader('Content-Disposition', `attachment; filename="original-${media.id}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-SHA256', media.sha256);
    stream.pipe(res);
  }
}
