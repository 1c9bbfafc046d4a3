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
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  AppealPreview,
  AppealStatus,
  CreateAppealDto,
  EditAppealDto,
  MEDIA_LIMITS,
  PostAppealUpdateDto,
  RejectDto,
  ResolveAppealDto,
  StaffAppeal,
  StaffRole,
} from '@vigie/common';
import { IsEnum, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { ANY_STAFF, Auth, CurrentStaff } from '../common/auth.decorators';
import type { StaffActor } from '../common/staff-actor';
import type { ReceivedFile } from '../media/hashing-disk-storage';
import { AppealAuthoringService, APPEAL_AUTHORS } from './appeal-authoring.service';
import { AppealDeskService } from './appeal-desk.service';
import { AppealImagesService } from './appeal-images.service';
import { AppealPreviewService } from './appeal-preview.service';
import { ImageUploadFieldsDto } from './dtos/image-upload-fields.dto';

class AppealListQuery {
  @IsOptional()
  @IsEnum(AppealStatus)
  status?: AppealStatus;
}

const Id = () => Param('id', new ParseUUIDPipe({ version: '4' }));

@ApiTags('appeals')
@Controller('api/appeals')
export class AppealsController {
  constructor(
    private readonly authoring: AppealAuthoringService,
    private readonly desk: AppealDeskService,
    private readonly images: AppealImagesService,
    private readonly previews: AppealPreviewService,
  ) {}

  @Get()
  @Auth(...ANY_STAFF)
  list(@CurrentStaff() staff: StaffActor, @Query() query: AppealListQuery): Promise<StaffAppeal[]> {
    return this.desk.list(staff, query.status);
  }

  @Get('review-queue')
  @Auth(StaffRole.SUPERVISOR, StaffRole.ADMIN)
  reviewQueue(@CurrentStaff() staff: StaffActor): Promise<StaffAppeal[]> {
    return this.desk.reviewQueue(staff);
  }

  @Get(':id')
  @Auth(...ANY_STAFF)
  one(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<StaffAppeal> {
    return this.desk.one(staff, id);
  }

  /** What approving the revision in review would publish: page, feed entry, CAP, card. Reads only. */
  @Get(':id/preview')
  @Auth(...APPEAL_AUTHORS)
  preview(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<AppealPreview> {
    return this.previews.preview(staff, id);
  }

  @Get(':id/preview/social-card.jpg')
  @Auth(...APPEAL_AUTHORS)
  async previewCard(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Res() res: Response,
  ): Promise<void> {
    const card = await this.previews.socialCard(staff, id);
    // Made from a text that may never be published: not kept by the browser nor any cache.
    res.type('jpeg').setHeader('Cache-Control', 'no-store').send(card);
  }

  @Post()
  @Auth(...APPEAL_AUTHORS)
  async create(@CurrentStaff() staff: StaffActor, @Body() dto: CreateAppealDto): Promise<StaffAppeal> {
    const appeal = await this.authoring.create(staff, dto);
    return this.desk.one(staff, appeal.id);
  }

  @Patch(':id')
  @Auth(...APPEAL_AUTHORS)
  async edit(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Body() dto: EditAppealDto,
  ): Promise<StaffAppeal> {
    await this.authoring.edit(staff, id, dto);
    return this.desk.one(staff, id);
  }

  @Post(':id/submit')
  @Auth(...APPEAL_AUTHORS)
  @HttpCode(200)
  async submit(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<StaffAppeal> {
    await this.authoring.submit(staff, id);
    return this.desk.one(staff, id);
  }

  @Post(':id/approve')
  @Auth(StaffRole.SUPERVISOR)
  @HttpCode(200)
  async approve(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<StaffAppeal> {
    await this.authoring.approve(staff, id);
    return this.desk.one(staff, id);
  }

  @Post(':id/reject')
  @Auth(StaffRole.SUPERVISOR)
  @HttpCode(200)
  async reject(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Body() dto: RejectDto,
  ): Promise<StaffAppeal> {
    await this.authoring.reject(staff, id, dto.reason);
    return this.desk.one(staff, id);
  }

  @Post(':id/updates')
  @Auth(StaffRole.PIO, StaffRole.SUPERVISOR)
  async postUpdate(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Body() dto: PostAppealUpdateDto,
  ): Promise<StaffAppeal> {
    await this.authoring.postUpdate(staff, id, dto);
    return this.desk.one(staff, id);
  }

  @Post(':id/updates/:updateId/approve')
  @Auth(StaffRole.SUPERVISOR)
  @HttpCode(200)
  async approveUpdate(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Param('updateId', new ParseUUIDPipe()) updateId: string,
  ): Promise<StaffAppeal> {
    await this.authoring.reviewUpdate(staff, id, updateId, { approve: true });
    return this.desk.one(staff, id);
  }

  @Post(':id/updates/:updateId/reject')
  @Auth(StaffRole.SUPERVISOR)
  @HttpCode(200)
  async rejectUpdate(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Param('updateId', new ParseUUIDPipe()) updateId: string,
    @Body() dto: RejectDto,
  ): Promise<StaffAppeal> {
    await this.authoring.reviewUpdate(staff, id, updateId, { approve: false, reason: dto.reason });
    return this.desk.one(staff, id);
  }

  @Post(':id/resolve')
  @Auth(StaffRole.PIO, StaffRole.SUPERVISOR)
  @HttpCode(200)
  async resolve(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @Body() dto: ResolveAppealDto,
  ): Promise<StaffAppeal> {
    await this.authoring.resolve(staff, id, dto);
    return this.desk.one(staff, id);
  }

  @Post(':id/archive')
  @Auth(StaffRole.SUPERVISOR, StaffRole.ADMIN)
  @HttpCode(200)
  async archive(@CurrentStaff() staff: StaffActor, @Id() id: string): Promise<StaffAppeal> {
    await this.authoring.archive(staff, id);
    return this.desk.one(staff, id);
  }

  /** Multipart: `file` plus `isComposite` ("true"/"false"), `altFr`, `altEn`. */
  @Post(':id/images')
  @Auth(...APPEAL_AUTHORS)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MEDIA_LIMITS.appealImageBytes, files: 1, fields: 5 } }),
  )
  async uploadImage(
    @CurrentStaff() staff: StaffActor,
    @Id() id: string,
    @UploadedFile() file: ReceivedFile | undefined,
    @Body() fields: ImageUploadFieldsDto,
  ): Promise<StaffAppeal> {
    const alt = fields.altFr || fields.altEn ? { fr: fields.altFr, en: fields.altEn } : undefined;
    await this.images.upload(staff, id, file, { isComposite: fields.isComposite === 'true', alt });
    return this.desk.one(staff, id);
  }

  @Get(':id/images/:imageId/:file')
  @Auth(...ANY_STAFF)
  async image(
    @CurrentStaff() staff: StaffActor,
    @Param('imageId', new ParseUUIDPipe()) imageId: string,
    @Param('file') file: string,
    @Res() res: Response,
  ): Promise<void> {
    const stream = await this.images.rendition(staff.agencyId, imageId, file);
    res.type(file.split('.').pop()!).setHeader('Cache-Control', 'private, max-age=300');
    stream.pipe(res);
  }
}
